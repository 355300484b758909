import type { ContentStack, Style } from 'pdfmake/interfaces';
import { parisDate } from '../common/clock/clock';
import { DATES } from '../common/i18n/dates';
import { Langue } from '../common/i18n/langue';

/* What every document of the application shares: the text hygiene, the dates, the base styles (spread them: pdfmake
 * may complete a definition in place while laying it out). */

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

const JOUR = /^\d{4}-\d{2}-\d{2}$/;

/** A value as a day: a calendar date (YYYY-MM-DD) as it is, an instant as its day in Paris; null for anything else. */
function jour(brut: string): string | null {
  if (JOUR.test(brut)) return brut;
  const instant = new Date(brut);
  return brut === '' || Number.isNaN(instant.getTime()) ? null : parisDate(instant);
}

/** A calendar date (YYYY-MM-DD) or an instant as its day in Paris ("26/11/2026", "26 November 2026"); anything else as given. */
export function date(valeur: string | null | undefined, langue = Langue.FR): string {
  const brut = texte(valeur);
  const j = jour(brut);
  return j === null ? brut : DATES[langue].jour(j);
}

/** "26/11/2026 à 14:05", "26 November 2026, 14:05": Paris time. */
export function dateHeure(instant: Date, langue = Langue.FR): string {
  return DATES[langue].instantCourt(instant);
}

/**
 * As letters write dates: "26 novembre 2026", "1er mars 2027", "1 March 2027". A calendar date (YYYY-MM-DD) is that
 * day, an instant is its day in Paris; anything else is printed as given.
 */
export function dateLongue(valeur: string | Date | null | undefined, langue = Langue.FR): string {
  if (valeur instanceof Date) return DATES[langue].jourLong(valeur);
  const brut = texte(valeur);
  const j = jour(brut);
  return j === null ? brut : DATES[langue].jourLong(j);
}

/** The institution's name on every document's header. */
export const ETABLISSEMENT = "Candidatures à l'université";
