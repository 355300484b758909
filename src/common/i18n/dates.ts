import { formatDate } from '../clock/clock';
import { Traduit } from './langue';

/** How a language writes the dates of mails and letters; every instant is shown in Europe/Paris, the campaigns' zone. */
export interface FormatsDates {
  /** A calendar date (YYYY-MM-DD) in a sentence: "10/04/2027", "10 April 2027" */
  jour(date: string): string;
  /** A calendar date or an instant's Paris day as letters write it: "1er mars 2027", "1 March 2027" */
  jourLong(valeur: string | Date): string;
  /** An instant, day and time: "27 novembre 2026 à 19:00", "27 November 2026 at 19:00 (Paris time)" */
  instant(instant: Date): string;
  /** An instant in a running footer: "26/11/2026 à 14:05", "26 November 2026, 14:05" */
  instantCourt(instant: Date): string;
}

const FUSEAU = 'Europe/Paris';
const CALENDAIRE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formats = (locale: string) => ({
  jourLong: new Intl.DateTimeFormat(locale, { timeZone: FUSEAU, dateStyle: 'long' }),
  // A calendar date is a day, not an instant: formatted at noon UTC, which is the same day in Paris all year round.
  jourCalendaire: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' }),
  jourCourt: new Intl.DateTimeFormat(locale, { timeZone: FUSEAU, dateStyle: 'short' }),
  heure: new Intl.DateTimeFormat(locale, { timeZone: FUSEAU, timeStyle: 'short', hourCycle: 'h23' }),
});
const FR = formats('fr-FR');
const EN = formats('en-GB');

/** The Paris day of an instant, or the day of a calendar date, in `long` style; anything else as given. */
function jourLong(f: ReturnType<typeof formats>, valeur: string | Date): string {
  if (valeur instanceof Date) return Number.isNaN(valeur.getTime()) ? '' : f.jourLong.format(valeur);
  const jour = CALENDAIRE.exec(valeur);
  if (!jour) return valeur;
  const midi = new Date(Date.UTC(Number(jour[1]), Number(jour[2]) - 1, Number(jour[3]), 12));
  return Number.isNaN(midi.getTime()) ? valeur : f.jourCalendaire.format(midi);
}

export const DATES: Traduit<FormatsDates> = {
  fr: {
    jour: formatDate,
    // Intl writes "1 mars"; French writes "1er mars".
    jourLong: (valeur) => jourLong(FR, valeur).replace(/^1 /, '1er '),
    instant: (instant) => `${FR.jourLong.format(instant)} à ${FR.heure.format(instant)}`,
    instantCourt: (instant) => `${FR.jourCourt.format(instant)} à ${FR.heure.format(instant)}`,
  },
  en: {
    // Numeric dates read differently on each side of the Atlantic: English texts spell the month out.
    jour: (date) => jourLong(EN, date),
    jourLong: (valeur) => jourLong(EN, valeur),
    instant: (instant) => `${EN.jourLong.format(instant)} at ${EN.heure.format(instant)} (Paris time)`,
    instantCourt: (instant) => `${EN.jourLong.format(instant)}, ${EN.heure.format(instant)}`,
  },
};
