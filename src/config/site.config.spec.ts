import { ConfigValidationError } from './config-validation';
import { parseSiteConfig } from './site.config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parseSiteConfig(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

describe('Site configuration (the web front-end)', () => {
  it('defaults to the demo institution and web/dist; none serves no page; the colour is written in lower case', () => {
    expect(parseSiteConfig({})).toEqual({ nom: 'Université de démonstration', couleurPrincipale: '#1d4e89', logoUrl: undefined, webDistDir: 'web/dist' });
    expect(parseSiteConfig({ SITE_NOM: 'Université de Caen Normandie', SITE_COULEUR_PRINCIPALE: '#A0522D', SITE_LOGO_URL: '/logo.svg', WEB_DIST_DIR: 'none' })).toEqual({
      nom: 'Université de Caen Normandie',
      couleurPrincipale: '#a0522d',
      logoUrl: '/logo.svg',
      webDistDir: undefined,
    });
  });

  it.each(['bleu', '#12345', 'rgb(0,0,0)', '#1d4e89;x'])('names SITE_COULEUR_PRINCIPALE when it is %s', (value) => {
    expect(problemsOf({ SITE_COULEUR_PRINCIPALE: value })).toEqual([`SITE_COULEUR_PRINCIPALE : doit être une couleur #rrggbb (#1d4e89) (valeur « ${value} »)`]);
  });

  it.each(['javascript:alert(1)', 'logo.svg', 'https://a.fr/logo".svg', 'data:image/svg+xml,<svg/>'])('names SITE_LOGO_URL when it is %s', (value) => {
    expect(problemsOf({ SITE_LOGO_URL: value })).toEqual([expect.stringMatching(/^SITE_LOGO_URL : doit être une URL http\(s\):\/\/ ou un chemin commençant par \//)]);
  });

  it('refuses a name longer than 100 characters', () => {
    expect(problemsOf({ SITE_NOM: 'U'.repeat(101) })).toEqual([expect.stringMatching(/^SITE_NOM : doit faire au plus 100 caractères/)]);
  });
});
