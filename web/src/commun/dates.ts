import { langue } from './langue';

const JOUR = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }),
};

/** A calendar date of the API (YYYY-MM-DD, Europe/Paris) or an instant, as a reader of the pages' language writes it. */
export function dateLisible(valeur: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(valeur) ? new Date(`${valeur}T12:00:00Z`) : new Date(valeur);
  return JOUR[langue.courante()].format(date);
}
