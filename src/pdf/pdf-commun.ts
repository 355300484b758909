import type { ContentStack, Style } from 'pdfmake/interfaces';
import { formatDate } from '../common/clock/clock';

/* What every document of the application shares: the text hygiene, the dates, the base styles (spread them: pdfmake
 * may complete a definition in place while laying it out). */

export const FUSEAU = 'Europe/Paris';

/** The body text of every document (pdfmake's embedded Roboto, see pdf-moteur.ts). */
export const STYLE_DE_BASE: Style = { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 };

/** Running headers and footers. */
export const STYLE_ENTETE: Style = { fontSize: 8.5, color: '#444444' };

/**
 * Any value as plain text. Fields come from user input and the database: null or undefined prints nothing, and
 * control characters, which no font can draw, are dropped except line feeds and tabs (so "\r\n" breaks lines once).
 * Builders pass every value through this, so pdfmake only ever receives strings in `text` and never mistakes data
 * for a layout node.
 */
export function texte(valeur: unknown): string {
  if (valeur === null || valeur === undefined) return '';
  return String(valeur).replace(/[^\P{Cc}\n\t]/gu, '');
}

/** One line per value, each sanitised. */
export function lignes(valeurs: readonly unknown[]): ContentStack {
  return { stack: valeurs.map((v) => ({ text: texte(v) })) };
}

const JOUR = /^(\d{4})-(\d{2})-(\d{2})$/;
const JOUR_PARIS = new Intl.DateTimeFormat('fr-FR', { timeZone: FUSEAU, dateStyle: 'short' });
const HEURE_PARIS = new Intl.DateTimeFormat('fr-FR', { timeZone: FUSEAU, timeStyle: 'short', hourCycle: 'h23' });
const JOUR_LONG_PARIS = new Intl.DateTimeFormat('fr-FR', { timeZone: FUSEAU, dateStyle: 'long' });
// A calendar date is a day, not an instant: formatted at noon UTC, which is the same day in Paris all year round.
const JOUR_LONG = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'long' });

/** A calendar date (YYYY-MM-DD) or an instant as DD/MM/YYYY in Paris; anything else is printed as given. */
export function date(valeur: string | null | undefined): string {
  const brut = texte(valeur);
  const jour = JOUR.exec(brut);
  if (jour) return formatDate(brut);
  const instant = new Date(brut);
  return brut === '' || Number.isNaN(instant.getTime()) ? brut : JOUR_PARIS.format(instant);
}

/** "26/11/2026 à 14:05", Paris time. */
export function dateHeure(instant: Date): string {
  return `${JOUR_PARIS.format(instant)} à ${HEURE_PARIS.format(instant)}`;
}

/**
 * As letters write dates: "26 novembre 2026", "1er mars 2027". A calendar date (YYYY-MM-DD) is that day, an instant
 * is its day in Paris; anything else is printed as given.
 */
export function dateLongue(valeur: string | Date | null | undefined): string {
  if (valeur instanceof Date) return Number.isNaN(valeur.getTime()) ? '' : premier(JOUR_LONG_PARIS.format(valeur));
  const brut = texte(valeur);
  const jour = JOUR.exec(brut);
  if (jour) {
    const midi = new Date(Date.UTC(Number(jour[1]), Number(jour[2]) - 1, Number(jour[3]), 12));
    return Number.isNaN(midi.getTime()) ? brut : premier(JOUR_LONG.format(midi));
  }
  const instant = new Date(brut);
  return brut === '' || Number.isNaN(instant.getTime()) ? brut : premier(JOUR_LONG_PARIS.format(instant));
}

/** Intl writes "1 mars"; French writes "1er mars". */
function premier(jour: string): string {
  return jour.replace(/^1 /, '1er ');
}

/** The institution's name on every document's header. */
export const ETABLISSEMENT = "Candidatures à l'université";
