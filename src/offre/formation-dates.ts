import { FieldError } from '../common/errors/domain-errors';

type Dates = {
  dateDebutCandidature: string;
  dateFinCandidature: string;
  dateRetour: string;
  dateAnalyse?: string | null;
  dateJury?: string | null;
  datePublication?: string | null;
  dateConfirmation?: string | null;
  delaiConfirmation?: number | null;
  dateConfirmationListeComplementaire?: string | null;
  delaiConfirmationListeComplementaire?: number | null;
};

type DateField = Exclude<keyof Dates, 'delaiConfirmation' | 'delaiConfirmationListeComplementaire'>;

const LABELS: Record<DateField, string> = {
  dateDebutCandidature: 'la date de début de candidature',
  dateFinCandidature: 'la date de fin de candidature',
  dateRetour: 'la date limite de retour',
  dateAnalyse: 'la date de pré-analyse',
  dateJury: 'la date du jury',
  datePublication: 'la date de publication',
  dateConfirmation: 'la date limite de confirmation',
  dateConfirmationListeComplementaire: 'la date limite de confirmation après la liste complémentaire',
};

/**
 * The reference system's order of a formation's dates, each later date naming those it may not precede:
 * fin ≥ début; analyse ≥ fin; retour ≥ fin; jury ≥ retour; publication ≥ jury and ≥ retour; confirmation ≥
 * publication and ≥ jury; confirmation after the liste complémentaire ≥ jury and ≥ confirmation. An absent optional
 * date constrains nothing.
 */
const NOT_BEFORE: [DateField, DateField[]][] = [
  ['dateFinCandidature', ['dateDebutCandidature']],
  ['dateAnalyse', ['dateFinCandidature']],
  ['dateRetour', ['dateFinCandidature']],
  ['dateJury', ['dateRetour']],
  ['datePublication', ['dateJury', 'dateRetour']],
  ['dateConfirmation', ['datePublication', 'dateJury']],
  ['dateConfirmationListeComplementaire', ['dateJury', 'dateConfirmation']],
];

/** Every rule a formation's dates break, one error per field (YYYY-MM-DD strings compare as dates). */
export function checkFormationDates(dates: Dates): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, earlier] of NOT_BEFORE) {
    const value = dates[field];
    if (!value) continue;
    const broken = earlier.find((other) => dates[other] && value < (dates[other] as string));
    if (broken) errors.push({ field, message: `ne peut pas précéder ${LABELS[broken]} (${dates[broken]})` });
  }
  const hasDate = Boolean(dates.dateConfirmation);
  const hasDelai = dates.delaiConfirmation !== undefined && dates.delaiConfirmation !== null;
  if (hasDate && hasDelai) {
    errors.push({ field: 'delaiConfirmation', message: 'ne se renseigne pas avec dateConfirmation : choisissez une date ou un délai de confirmation, pas les deux' });
  } else if (!hasDate && !hasDelai) {
    errors.push({ field: 'dateConfirmation', message: 'est obligatoire sans delaiConfirmation : renseignez une date ou un délai de confirmation' });
  }
  if (dates.dateConfirmationListeComplementaire && dates.delaiConfirmationListeComplementaire !== undefined && dates.delaiConfirmationListeComplementaire !== null) {
    errors.push({ field: 'delaiConfirmationListeComplementaire', message: 'ne se renseigne pas avec dateConfirmationListeComplementaire : choisissez une date ou un délai, pas les deux' });
  }
  return errors;
}

/** Today (YYYY-MM-DD, Europe/Paris) is inside the formation's application window, both ends included. */
export function dansLaFenetre(formation: Pick<Dates, 'dateDebutCandidature' | 'dateFinCandidature'>, today: string): boolean {
  return formation.dateDebutCandidature <= today && today <= formation.dateFinCandidature;
}
