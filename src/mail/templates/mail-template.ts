/** A rendered mail: French text and HTML parts. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
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
export function render(subject: string, paragraphs: (string | { lien: string; libelle: string })[]): RenderedMail {
  const text = paragraphs.map((p) => (typeof p === 'string' ? p : `${p.libelle} : ${p.lien}`)).join('\n\n');
  const html = paragraphs
    .map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.lien)}">${escapeHtml(p.libelle)}</a></p>`))
    .join('\n');
  return { subject, text: `${text}\n`, html: `<!doctype html><html lang="fr"><body>\n${html}\n</body></html>\n` };
}

const parisDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

/** "27 novembre 2026 à 19:00", Paris time, as candidates read deadlines. */
export function formatInstant(instant: Date): string {
  return parisDateTime.format(instant);
}
