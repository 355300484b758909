import { DATES, FormatsDates } from '../../common/i18n/dates';
import { Langue, Traduit } from '../../common/i18n/langue';

/** A rendered mail: text and HTML parts, in the recipient's language. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A paragraph: a sentence, or a link (a bare URL in text, an anchor in HTML). */
export type Paragraphe = string | { lien: string; libelle: string };

/** What a mail says in one language. */
export interface Texte {
  sujet: string;
  corps: Paragraphe[];
}

/** One mail in each language, side by side: each writes the data with its language's date formats. */
export type Textes<D> = Traduit<(d: D, dates: FormatsDates) => Texte>;

/** A mail template: renders its data in the language given with it. */
export interface Modele<D> {
  (d: D & { langue: Langue }): RenderedMail;
  readonly textes: Textes<D>;
}

/**
 * Declares a mail template, French and English next to each other, so each mail is read and changed in one place.
 * The language travels with the data (`{ ...donnees, langue }`): a caller cannot forget it.
 */
export function modele<D>(textes: Textes<D>): Modele<D> {
  const rendre = (d: D & { langue: Langue }): RenderedMail => {
    const { sujet, corps } = textes[d.langue](d, DATES[d.langue]);
    return render(sujet, corps, d.langue);
  };
  return Object.assign(rendre, { textes });
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Everything a user typed goes through this before it reaches an HTML part. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * Builds both parts from one list of paragraphs; `{lien}` paragraphs become a link in HTML and a bare URL in text.
 * Values are escaped once, here, so templates cannot forget it.
 */
export function render(subject: string, paragraphs: Paragraphe[], langue: Langue): RenderedMail {
  // French typography spaces a colon on both sides; English does not.
  const deuxPoints = langue === Langue.FR ? ' : ' : ': ';
  const text = paragraphs.map((p) => (typeof p === 'string' ? p : `${p.libelle}${deuxPoints}${p.lien}`)).join('\n\n');
  const html = paragraphs
    .map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.lien)}">${escapeHtml(p.libelle)}</a></p>`))
    .join('\n');
  return { subject, text: `${text}\n`, html: `<!doctype html><html lang="${langue}"><body>\n${html}\n</body></html>\n` };
}
