import { Langue, Traduit } from '../../common/i18n/langue';

/** A rendered mail: text and HTML parts, in the recipient's language. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /**
   * The editable template it was rendered from (src/mail/modeles): its code, language and values, so that the
   * outbox renders the text saved in the database instead of the shipped one when staff changed it.
   */
  origine?: OrigineModele;
}

/** Which editable template a mail came from, with the values it was rendered with. */
export interface OrigineModele {
  code: string;
  langue: Langue;
  variables: Record<string, unknown>;
}

/**
 * A mail template: renders its data in the language given with it. The language travels with the data
 * (`{ ...donnees, langue }`): a caller cannot forget it. Each one is declared with `modeleEditable`
 * (src/mail/modeles/modele-editable.ts), its French and English texts side by side.
 */
export interface Modele<D> {
  (d: D & { langue: Langue }): RenderedMail;
  /** The shipped texts, in the engine's syntax */
  readonly textes: Traduit<{ sujet: string; corps: string }>;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Everything a user typed goes through this before it reaches an HTML part. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** The HTML part around its paragraphs, given as HTML already escaped. */
export function pageHtml(paragraphesHtml: string[], langue: Langue): string {
  return `<!doctype html><html lang="${langue}"><body>\n${paragraphesHtml.map((p) => `<p>${p}</p>`).join('\n')}\n</body></html>\n`;
}
