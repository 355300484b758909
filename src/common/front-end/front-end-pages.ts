/**
 * The front-end's pages the API sends people to, under PUBLIC_URL: mail links and the CAS return. The one list of
 * their paths, the parameters they receive and the API calls each page makes with them; README.md's table of
 * front-end routes is this list (front-end-pages.spec.ts checks both, and that each call is in the contract).
 */
export const FRONT_END_PAGES = {
  activationCompte: { path: '/comptes/activation', params: ['token'], api: ['POST /api/comptes/activation'] },
  reinitialisationMotDePasse: { path: '/comptes/mot-de-passe', params: ['token'], api: ['POST /api/comptes/mot-de-passe/reinitialisation'] },
  validationEmail: { path: '/comptes/email', params: ['token'], api: ['POST /api/comptes/email/validation'] },
  identifiantsOublies: { path: '/comptes/identifiants-oublies', params: [], api: ['POST /api/comptes/identifiants-oublies'] },
  suiviCandidatures: { path: '/candidatures/{numeroDossier}', params: ['numeroDossier'], api: ['POST /api/auth/login', 'GET /api/candidat/candidatures'] },
  connexionCas: { path: '/connexion/cas', params: ['code'], api: ['POST /api/auth/cas/echange'] },
} as const;

export type FrontEndPage = keyof typeof FRONT_END_PAGES;
type Params<P extends FrontEndPage> = Record<(typeof FRONT_END_PAGES)[P]['params'][number], string>;

/** The address of a front-end page: `{name}` in its path replaced, its other parameters in the query string. */
export function lienFrontEnd<P extends FrontEndPage>(publicUrl: string, page: P, params: Params<P>): string {
  let path: string = FRONT_END_PAGES[page].path;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params) as [string, string][]) {
    if (path.includes(`{${name}}`)) path = path.replace(`{${name}}`, encodeURIComponent(value));
    else query.set(name, value);
  }
  const search = query.toString();
  return `${publicUrl}${path}${search ? `?${search}` : ''}`;
}

/** The front-end page an address (its path, without the query string) is, if any. */
export function frontEndPageAt(path: string): (typeof FRONT_END_PAGES)[FrontEndPage] | undefined {
  return Object.values(FRONT_END_PAGES).find((page) => new RegExp(`^${page.path.replace(/\{\w+\}/g, '[^/]+')}/?$`).test(path));
}
