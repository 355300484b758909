import { DatesFormation, datesFormation } from './candidature-rules';

/** A formation's dates as `candidature.dates_archivees` keeps them once its campaign is archived (JSON). */
export function figerDates(formation: DatesFormation): string {
  return JSON.stringify(datesFormation(formation));
}

/**
 * The dates of a candidature: its formation's, or, once its campaign is archived, the copy made then; a return
 * deadline staff set for this candidature extends the formation's (reference §2.6: the later of the two).
 */
export function datesDe(c: { datesArchivees: string | null; dateRetourCandidature: string | null; formation: DatesFormation }): DatesFormation {
  const dates = c.datesArchivees === null ? c.formation : { ...datesFormation(c.formation), ...(JSON.parse(c.datesArchivees) as Partial<DatesFormation>) };
  if (c.dateRetourCandidature === null || c.dateRetourCandidature <= dates.dateRetour) return dates;
  return { ...dates, dateRetour: c.dateRetourCandidature };
}
