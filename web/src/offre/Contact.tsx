import type { Schemas } from '@client';
import { useTextes } from '../commun/langue';
import { TEXTES_OFFRE } from './textes';

/** The commission's contact, as on an envelope: its name, address lines, e-mail and telephone. */
export function Contact({ contact }: { contact: Schemas['ContactDto'] }) {
  const t = useTextes(TEXTES_OFFRE);
  return (
    <address>
      <strong className="d-block">{contact.commission}</strong>
      {/* The address's first line often names the commission again, as on an envelope: said once here. */}
      {contact.adresse.filter((ligne, i) => i > 0 || ligne !== contact.commission).map((ligne, i) => (
        <span key={i} className="d-block">
          {ligne}
        </span>
      ))}
      {contact.email && (
        <span className="d-block">
          {t.courriel} <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </span>
      )}
      {contact.telephone && <span className="d-block">
          {t.telephone} {contact.telephone}
        </span>}
    </address>
  );
}
