import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { FRONT_END_PAGES, lienFrontEnd } from '../src/common/front-end/front-end-pages';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 16: the API process serves the built web front-end at / (WEB_DIST_DIR): its files, index.html for the app's
 * own addresses (every page a mail links to), the API and health checks untouched; and GET /api/site, the theming.
 * The folder here is a stand-in for `vite build`'s output: the e2e suite never needs web/dist.
 */
const INDEX = '<!doctype html><html lang="fr"><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>';

const GROS_JS = `export const noms = [${Array.from({ length: 500 }, (_, i) => `"candidat-${i}"`).join(',')}];`;

/** A CSP header as its directives: `{ 'default-src': ["'self'"], … }`. */
function directives(csp: unknown): Record<string, string[]> {
  return Object.fromEntries(
    String(csp)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('The web front-end served by the API', () => {
  let t: TestApp;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'web-e2e-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), 'console.log("app")');
    writeFileSync(join(dist, 'assets', 'vendor-GhI789.js'), GROS_JS);
    writeFileSync(join(dist, 'assets', 'index-DeF456.css'), 'body{}');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp({
      WEB_DIST_DIR: dist,
      SITE_NOM: 'Université d’Orléans',
      SITE_COULEUR_PRINCIPALE: '#A0522D',
      SITE_LOGO_URL: 'https://www.univ.example/logo.svg',
    });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const page = async (path: string) => {
    const res = await request(t.http).get(path).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
    return res;
  };

  it('answers index.html at / and at every address of the app, revalidated each time, under a CSP that lets it run', async () => {
    const res = await page('/');
    const csp = directives(res.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'https://www.univ.example']);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(res.headers['x-frame-options']).toBe('DENY');
    await page('/connexion');
    await page('/mon-espace?onglet=1');
    const etag = res.headers.etag;
    expect(etag).toBeDefined();
    await request(t.http).get('/comptes/creation').set('If-None-Match', etag).expect(304);
  });

  it('opens every page a mail links to (FRONT_END_PAGES), instead of the 404 of the API alone', async () => {
    for (const name of Object.keys(FRONT_END_PAGES) as (keyof typeof FRONT_END_PAGES)[]) {
      const lien = new URL(lienFrontEnd('http://localhost', name, { token: 'x'.repeat(43), code: 'y'.repeat(43), numeroDossier: 'DEMO0001' } as never));
      await page(`${lien.pathname}${lien.search}`);
    }
  });

  it('serves the hashed assets for a year and the other files revalidated', async () => {
    const js = await request(t.http).get('/assets/index-AbC123.js').expect(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.text).toBe('console.log("app")');
    const css = await request(t.http).get('/assets/index-DeF456.css').expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const icon = await request(t.http).get('/favicon.svg').expect(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('sends text files gzipped, compressed once at start-up, to browsers that accept it', async () => {
    const gz = await request(t.http).get('/assets/vendor-GhI789.js').set('Accept-Encoding', 'gzip, deflate, br').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(Number(gz.headers['content-length'])).toBeLessThan(GROS_JS.length / 3);
    expect(gz.text).toBe(GROS_JS);
    const brut = await request(t.http).get('/assets/vendor-GhI789.js').set('Accept-Encoding', 'identity').expect(200);
    expect(brut.headers['content-encoding']).toBeUndefined();
    expect(brut.text).toBe(GROS_JS);
  });

  it('a missing asset is a 404, never index.html (a script import of an old build would choke on it)', async () => {
    const res = await request(t.http).get('/assets/index-Old999.js').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('leaves /api and /health alone: their routes, and the API’s own 404 problem under its restrictive CSP', async () => {
    await request(t.http).get('/health').expect(200);
    const index = await request(t.http).get('/api').expect(200);
    expect(index.body.name).toBeDefined();
    for (const path of ['/api/nulle-part', '/api/comptes/activation', '/health/nulle-part']) {
      const res = await request(t.http).get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('ROUTE_INTROUVABLE');
      expect(directives(res.headers['content-security-policy'])).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('GET /api/site: the name, colour and logo of the configuration, and whether CAS is offered, for anyone', async () => {
    const res = await request(t.http).get('/api/site').expect(200);
    expect(res.body).toEqual({ nom: 'Université d’Orléans', couleurPrincipale: '#a0522d', logoUrl: 'https://www.univ.example/logo.svg', cas: false });
    expect(res.headers['cache-control']).toBe('public, max-age=60');
  });
});

describe('The API alone (no built front-end)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ WEB_DIST_DIR: join(tmpdir(), 'pas-de-front-end') });
  });

  afterAll(async () => t?.close());

  it('answers a mail’s page with the 404 naming the call to make, and the default theme', async () => {
    const res = await request(t.http).get('/comptes/activation?token=abc').expect(404);
    expect(res.body.detail).toMatch(/POST \/api\/comptes\/activation/);
    const site = await request(t.http).get('/api/site').expect(200);
    expect(site.body).toEqual({ nom: 'Université de démonstration', couleurPrincipale: '#1d4e89', cas: false });
  });
});
