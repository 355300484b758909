import { DatesFormation, datesFormation } from './candidature-rules';

/** A formation's dates as `candidature.dates_archivees` keeps them once its campaign is archived (JSON). */
export function figerDates(formation: DatesFormation): string {
  return JSON.stringify(datesFormation(formation));
}

/** The dates of a candidature: its formation's, or, once its campaign is archived, the copy made then. */
export function datesDe(c: { datesArchivees: string | null; formation: DatesFormation }): DatesFormation {
  if (c.datesArchivees === null) return c.formation;
  return { ...datesFormation(c.formation), ...(JSON.parse(c.datesArchivees) as Partial<DatesFormation>) };
}
