import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRONT_END_PAGES, frontEndPageAt, lienFrontEnd } from './front-end-pages';

const root = join(__dirname, '..', '..', '..');

/** The rows of the README's table of front-end pages: path, parameters, API calls. */
function readmeRows(): { path: string; params: string[]; api: string[] }[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Front-end pages')) ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `/'))
    .map((line) => {
      const cells = line.split(' | ');
      return {
        path: (cells[0].match(/`([^`]+)`/) as RegExpMatchArray)[1],
        params: [...cells[1].matchAll(/`(\w+)`/g)].map((m) => m[1]),
        api: [...cells[cells.length - 1].matchAll(/(GET|POST|PUT|DELETE) (\/api\/[\w/{}.-]+)/g)].map((m) => `${m[1]} ${m[2]}`),
      };
    });
}

describe('front-end pages', () => {
  it('are the rows of the README table: same paths, parameters and API calls', () => {
    expect(readmeRows()).toEqual(Object.values(FRONT_END_PAGES).map((p) => ({ path: p.path, params: [...p.params], api: [...p.api] })));
  });

  it('call operations of the contract', () => {
    const paths = (JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> }).paths;
    for (const call of Object.values(FRONT_END_PAGES).flatMap((p) => p.api)) {
      const [method, path] = call.split(' ');
      expect([call, Boolean(paths[path]?.[method.toLowerCase()])]).toEqual([call, true]);
    }
  });

  it('build the links of mails under PUBLIC_URL, parameters in the path or the query string, encoded', () => {
    expect(lienFrontEnd('https://candidater.univ.fr', 'activationCompte', { token: 'a+b/c=' })).toBe('https://candidater.univ.fr/comptes/activation?token=a%2Bb%2Fc%3D');
    expect(lienFrontEnd('https://candidater.univ.fr', 'suiviCandidatures', { numeroDossier: 'AB12CD34' })).toBe('https://candidater.univ.fr/candidatures/AB12CD34');
    expect(lienFrontEnd('https://candidater.univ.fr', 'identifiantsOublies', {})).toBe('https://candidater.univ.fr/comptes/identifiants-oublies');
  });

  it('recognise an address as one of them, never an API address', () => {
    expect(frontEndPageAt('/comptes/activation')).toBe(FRONT_END_PAGES.activationCompte);
    expect(frontEndPageAt('/candidatures/AB12CD34')).toBe(FRONT_END_PAGES.suiviCandidatures);
    expect(frontEndPageAt('/api/comptes/activation')).toBeUndefined();
    expect(frontEndPageAt('/candidatures/AB12CD34/autre')).toBeUndefined();
  });
});
