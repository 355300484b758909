import { formatDate } from '../common/clock/clock';
import { FieldError } from '../common/errors/domain-errors';


type Fenetre = { dateDebut: string; dateFin: string };

/** Where today (YYYY-MM-DD, Europe/Paris) falls against a campaign's window, both ends included. */
export function moment(campagne: Fenetre, today: string): 'avant' | 'ouverte' | 'close' {
  if (today < campagne.dateDebut) return 'avant';
  return today > campagne.dateFin ? 'close' : 'ouverte';
}

/** The calendar day after `date` (YYYY-MM-DD). */
export function lendemain(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Why accounts cannot be created (nor candidatures made) today in the campaign in service; null when it is open. */
export function raisonFermeture(campagne: Fenetre & { libelle: string }, today: string): string | null {
  switch (moment(campagne, today)) {
    case 'avant':
      return `La campagne de candidature ${campagne.libelle} ouvrira le ${formatDate(campagne.dateDebut)} : vous ne pouvez pas encore créer de compte ni déposer de candidature.`;
    case 'close':
      return `La campagne de candidature ${campagne.libelle} est close depuis le ${formatDate(lendemain(campagne.dateFin))} : vous ne pouvez plus créer de compte ni déposer de candidature.`;
    default:
      return null;
  }
}

/**
 * Why a candidate may no longer log in today (Europe/Paris): the campaign's last day for candidates has passed;
 * null while they may. Staff are never concerned.
 */
export function raisonConnexionCandidatClose(campagne: { libelle: string; dateFinCandidat: string | null }, today: string): string | null {
  if (!campagne.dateFinCandidat || today <= campagne.dateFinCandidat) return null;
  return `La campagne de candidature ${campagne.libelle} est terminée : l'accès des candidats est fermé depuis le ${formatDate(lendemain(campagne.dateFinCandidat))}. Pour toute question, contactez le service de scolarité.`;
}

/**
 * The dates staff type for a campaign: the window must not end before it starts; a planned switch is a future day
 * (today counts: the job runs it tonight) unless it is the one already recorded.
 */
export function checkCampagneDates(input: Fenetre & { dateActivationPrevue?: string | null; dateFinCandidat?: string | null }, today: string, recorded: string | null = null): FieldError[] {
  const errors: FieldError[] = [];
  if (input.dateFin < input.dateDebut) errors.push({ field: 'dateFin', message: `ne doit pas précéder la date de début (${formatDate(input.dateDebut)})` });
  if (input.dateFinCandidat && input.dateFinCandidat < input.dateFin) {
    errors.push({ field: 'dateFinCandidat', message: `ne doit pas précéder la fin de la campagne (${formatDate(input.dateFin)}) : les candidats doivent pouvoir suivre leurs candidatures jusque-là` });
  }
  const prevue = input.dateActivationPrevue;
  if (prevue && prevue !== recorded && prevue < today) errors.push({ field: 'dateActivationPrevue', message: `ne doit pas être passée : au plus tôt aujourd'hui (${formatDate(today)})` });
  return errors;
}
