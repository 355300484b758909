import { erreursDatePassee } from '../../common/clock/clock';
import { FieldError } from '../../common/errors/domain-errors';
import { Avis, TypeAvis } from '../entities/avis.entity';

/** Decision mails attach the letter as an outbox attachment of this type naming the avis (its id); the commission module renders it. */
export const LETTRE = 'lettre';

export const TYPE_AVIS_LIBELLES: Record<TypeAvis, string> = {
  [TypeAvis.FA]: 'Favorable',
  [TypeAvis.DE]: 'Défavorable',
  [TypeAvis.LC]: 'Liste complémentaire',
  [TypeAvis.LA]: "Liste d'attente",
  [TypeAvis.PR]: 'Présélection',
};

/** What staff type for an avis; the fields each family needs (reference §2.5). */
export interface SaisieAvis {
  type: TypeAvis;
  motif?: string | null;
  rang?: number | null;
  preselectionDate?: string | null;
  preselectionHeure?: string | null;
  preselectionLieu?: string | null;
  dateReunion?: string | null;
}

/**
 * Défavorable needs a motif, liste complémentaire a rank, présélection a date, a time and a place; others none of
 * them. The commission's meeting, when given, has taken place: it is not after `today`.
 */
export function champsAvis(a: SaisieAvis, today: string): FieldError[] {
  const errors: FieldError[] = erreursDatePassee('dateReunion', a.dateReunion, today);
  const requis = (field: keyof SaisieAvis, pour: string) => {
    if (a[field] === undefined || a[field] === null || a[field] === '') errors.push({ field, message: `est obligatoire pour un avis ${pour}` });
  };
  const interdit = (field: keyof SaisieAvis) => {
    if (a[field] !== undefined && a[field] !== null) errors.push({ field, message: `ne se renseigne pas pour un avis ${TYPE_AVIS_LIBELLES[a.type].toLowerCase()}` });
  };
  if (a.type === TypeAvis.DE) requis('motif', 'défavorable');
  else interdit('motif');
  if (a.type === TypeAvis.LC) requis('rang', 'liste complémentaire');
  else interdit('rang');
  for (const field of ['preselectionDate', 'preselectionHeure', 'preselectionLieu'] as const) {
    if (a.type === TypeAvis.PR) requis(field, 'de présélection');
    else interdit(field);
  }
  return errors;
}

/**
 * When a validated avis becomes visible to the candidate (and is mailed): at once, or on the formation's publication
 * date (00:00 Europe/Paris) when that is later — so no decision can reach a candidate before the announced date.
 */
export function publicationDue(datePublication: string | null, today: string): boolean {
  return datePublication === null || datePublication <= today;
}

/** YYYY-MM-DD plus n days. */
export function plusJours(date: string, jours: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + jours);
  return d.toISOString().slice(0, 10);
}

/**
 * The confirmation deadline of a favourable decision (reference §2.6): the date staff set for this candidature, else
 * the formation's delay counted from the day the decision was published, else the formation's date.
 */
export function dateLimiteConfirmation(
  c: { dateConfirmationCandidature: string | null },
  dates: { dateConfirmation: string | null; delaiConfirmation: number | null },
  publieLe: string | null,
): string | null {
  if (c.dateConfirmationCandidature) return c.dateConfirmationCandidature;
  if (dates.delaiConfirmation !== null) return publieLe ? plusJours(publieLe, dates.delaiConfirmation) : null;
  return dates.dateConfirmation;
}

/** A new avis row: what the caller knows, and nothing (its family's model, unvalidated, unpublished, no family fields) for the rest. */
export function nouvelAvis(a: Pick<Avis, 'candidatureId' | 'type' | 'creePar' | 'createdAt'> & Partial<Omit<Avis, 'id' | 'candidature' | 'typeDecision'>>): Omit<Avis, 'id' | 'candidature' | 'typeDecision'> {
  return {
    typeDecisionId: null,
    motif: null,
    rang: null,
    preselectionDate: null,
    preselectionHeure: null,
    preselectionLieu: null,
    dateReunion: null,
    commentaire: null,
    commentaireVisible: false,
    valide: false,
    valideAt: null,
    validePar: null,
    publieAt: null,
    ...a,
  };
}
