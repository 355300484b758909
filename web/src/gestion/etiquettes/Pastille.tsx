import type { Schemas } from '@client';

type Etiquette = Pick<Schemas['EtiquetteDto'], 'id' | 'libelle' | 'couleur'>;

/** A colour channel's share of luminance (WCAG 2.x relative luminance). */
const canal = (octet: number) => {
  const c = octet / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** The relative luminance of a #rrggbb colour. */
function luminance(couleur: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(couleur.slice(i, i + 2), 16) || 0);
  return 0.2126 * canal(r) + 0.7152 * canal(g) + 0.0722 * canal(b);
}

/**
 * The text colour that reads on this background: black or white, whichever contrasts more. One of them always
 * reaches 4.5:1 (the worst background, luminance ≈ 0.18, gives about 4.6 with both), so any colour staff choose
 * stays readable.
 */
export function couleurTexte(fond: string): '#000000' | '#ffffff' {
  const l = luminance(fond);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** A label as a coloured chip (its colour set through the DOM, which the pages' CSP allows), then `children` (a button). */
export function Pastille({ etiquette, children }: { etiquette: Etiquette; children?: React.ReactNode }) {
  return (
    <span className="badge rounded-pill d-inline-flex align-items-center gap-1 fs-6 fw-normal" style={{ backgroundColor: etiquette.couleur, color: couleurTexte(etiquette.couleur) }}>
      {etiquette.libelle}
      {children}
    </span>
  );
}

/** A candidature's labels, as chips (nothing when it carries none). */
export function Pastilles({ etiquettes }: { etiquettes: readonly Etiquette[] }) {
  if (etiquettes.length === 0) return null;
  return (
    <ul className="list-inline mb-0 mt-1" aria-label="Étiquettes">
      {etiquettes.map((e) => (
        <li key={e.id} className="list-inline-item">
          <Pastille etiquette={e} />
        </li>
      ))}
    </ul>
  );
}
