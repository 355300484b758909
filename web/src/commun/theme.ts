import type { Schemas } from '@client';

/**
 * The institution's colour on the page, at run time (GET /api/site, from SITE_COULEUR_PRINCIPALE): Bootstrap 5.3's
 * CSS variables set on <html> through the DOM (no inline style in the markup, for the CSP); theme.css derives the
 * buttons' states from --site-principale.
 */
export function appliquerTheme(site: Schemas['SiteDto']): void {
  const racine = document.documentElement.style;
  const rgb = [1, 3, 5].map((i) => parseInt(site.couleurPrincipale.slice(i, i + 2), 16)).join(', ');
  racine.setProperty('--site-principale', site.couleurPrincipale);
  racine.setProperty('--bs-primary', site.couleurPrincipale);
  racine.setProperty('--bs-primary-rgb', rgb);
  racine.setProperty('--bs-link-color-rgb', rgb);
  racine.setProperty('--bs-link-hover-color-rgb', rgb);
}
