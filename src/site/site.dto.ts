export class SiteDto {
  /** The institution's name (SITE_NOM) @example "Université d'Orléans" */
  nom: string;
  /** Main colour of the pages, #rrggbb (SITE_COULEUR_PRINCIPALE) @example "#1d4e89" */
  couleurPrincipale: string;
  /** The logo's address (SITE_LOGO_URL), absent when none @example "https://www.univ-orleans.fr/logo.svg" */
  logoUrl?: string;
  /** Login through the university's CAS is offered (CAS_ENABLED): `GET /api/auth/cas/login` */
  cas: boolean;
}
