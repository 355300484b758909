import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { api, bearer } from './support/api';
import { binary } from './support/exports';
import { createCampagne } from './support/factories';
import { pdfDePages, png } from './support/fichiers';
import { creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 14, part 6, « Headers »: nothing personal is ever stored by a browser or a proxy, no answer is sniffed nor
 * framed, the Swagger console runs under a Content-Security-Policy that still lets it load, and HSTS is an option.
 */

/** A CSP header as its directives: `{ 'default-src': ["'none'"], … }`. */
function directives(csp: string | undefined): Record<string, string[]> {
  expect(csp).toBeDefined();
  return Object.fromEntries(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** Whether a CSP lets the page load `url` (relative to the page, so same-origin when it has no scheme) as `kind`. */
function permet(policy: Record<string, string[]>, kind: 'script-src' | 'style-src' | 'img-src', url: string): boolean {
  const sources = policy[kind] ?? policy['default-src'] ?? [];
  if (url === 'inline') return sources.includes("'unsafe-inline'");
  if (/^data:/.test(url)) return sources.includes('data:');
  return !/^[a-z]+:|^\/\//i.test(url) && sources.includes("'self'");
}

const RESTRICTIVE = { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] };

describe('Security headers of every kind of answer', () => {
  let t: TestApp;
  let storageDir: string;
  const tokens = {} as Record<'scol' | 'gest', string>;
  let candidat: { token: string; id: number; pieceId: number };
  let formationId: number;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'entetes-e2e-'));
    t = await startTestApp({ STORAGE_DIR: storageDir, THROTTLE_IP_PER_MINUTE: '100000' });
    t.clock.set('2026-11-20T10:00:00Z');
    const campagne = await createCampagne(t);
    Object.assign(tokens, await staffConnecte(t, { scol: ['ent.scol', [Role.SCOL_CENTRALE]], gest: ['ent.gest', [Role.GESTIONNAIRE], { centres: ['ENT-A'] }] }));
    const offre = await creerOffre(t, tokens.scol, { centre: { code: 'ENT-A', libelle: 'Centre A' }, commission: { alerte: false } });
    formationId = await offre.formation();
    const pieceId = (
      await api(t, tokens.scol).post('offre/gestion/pieces', { code: 'ENT-P1', libelle: 'Photo', commun: false, ordre: 1, centreId: offre.centreId, formationIds: [formationId] }).expect(201)
    ).body.id as number;
    const c = await candidatComplet(t, campagne, 'Entetes', 'Zoé');
    const id = (await api(t, c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id as number;
    await request(t.http).put(`/api/candidat/candidatures/${id}/pieces/${pieceId}/fichier`).set(bearer(c.token)).attach('fichier', png(40, 30), 'photo.png').expect(200);
    candidat = { token: c.token, id, pieceId };
  });

  afterAll(async () => {
    await t?.close();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  const get = (path: string, token?: string) => {
    const req = request(t.http).get(path);
    return token ? req.set(bearer(token)) : req;
  };

  /** What every answer carries, whatever it is. */
  const partout = (res: request.Response) => {
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-request-id']).toBeDefined();
  };

  describe('personal answers, errors and health: never stored, never sniffed, never framed, a CSP that allows nothing', () => {
    it.each([
      ['the index, anonymous', () => get('/api'), 200],
      ['a candidate’s file', () => get('/api/candidat/dossier', candidat.token), 200],
      ['a candidate’s candidatures', () => get('/api/candidat/candidatures', candidat.token), 200],
      ['a staff list', () => get('/api/candidatures', tokens.gest), 200],
      ['the session', () => request(t.http).post('/api/auth/login').send({ login: 'ent.gest', password: 'correct horse battery staple' }), 200],
      ['401 without a session', () => get('/api/candidat/dossier'), 401],
      ['400 of a bad query on a public list', () => get('/api/referentiels/pays?limit=100000'), 400],
      ['404 of an unknown route', () => get('/api/nulle-part'), 404],
      ['404 outside /api', () => get('/nulle-part'), 404],
      ['health', () => get('/health'), 200],
      ['readiness', () => get('/health/ready'), 200],
    ])('%s', async (_name, send, status) => {
      const res = await send().expect(status);
      partout(res);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(directives(res.headers['content-security-policy'])).toEqual(RESTRICTIVE);
    });
  });

  it('public, non-personal reads keep their short public cache (the offer, reference lists), with the other headers', async () => {
    const offre = await get('/api/offre').expect(200);
    partout(offre);
    expect(offre.headers['cache-control']).toBe('public, max-age=2');
    const formation = await get(`/api/offre/formations/${formationId}`).expect(200);
    expect(formation.headers['cache-control']).toBe('public, max-age=2');
    const pays = await get('/api/referentiels/pays').expect(200);
    partout(pays);
    expect(pays.headers['cache-control']).toBe('public, max-age=3600');
    expect(directives(pays.headers['content-security-policy'])).toEqual(RESTRICTIVE);
  });

  it('the OpenAPI document: JSON, not stored, the restrictive CSP', async () => {
    const res = await get('/api/docs-json').expect(200);
    partout(res);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(directives(res.headers['content-security-policy'])).toEqual(RESTRICTIVE);
  });

  it('downloads keep their own type and name, and are neither stored nor sniffed', async () => {
    const fichier = await get(`/api/candidat/candidatures/${candidat.id}/pieces/${candidat.pieceId}/fichier`, candidat.token).buffer(true).parse(binary).expect(200);
    partout(fichier);
    expect(fichier.headers['content-type']).toBe('image/png');
    expect(fichier.headers['content-disposition']).toMatch(/^attachment; filename="photo\.png"/);
    expect(fichier.headers['cache-control']).toBe('no-store');

    const pdf = await get(`/api/candidat/candidatures/${candidat.id}/dossier.pdf`, candidat.token).buffer(true).parse(binary).expect(200);
    partout(pdf);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; /);
    expect(pdf.headers['cache-control']).toBe('no-store');

    const staff = await get(`/api/candidatures/${candidat.id}/dossier.pdf`, tokens.gest).buffer(true).parse(binary).expect(200);
    partout(staff);
    expect(staff.headers['cache-control']).toBe('no-store');
    const csv = await get('/api/candidatures/export.csv', tokens.gest).buffer(true).parse(binary).expect(200);
    partout(csv);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['cache-control']).toBe('no-store');
  });

  it('a model document (public) is no-store too: one rule for every file', async () => {
    const piece = (await api(t, tokens.scol).post('offre/gestion/pieces', { code: 'ENT-MOD', libelle: 'Modèle', commun: true }).expect(201)).body;
    await request(t.http)
      .put(`/api/offre/gestion/pieces/${piece.id}/modele`)
      .set(bearer(tokens.scol))
      .set('If-Match', `"${piece.version}"`)
      .attach('fichier', await pdfDePages('MODELE', 1), 'modele.pdf')
      .expect(200);
    const res = await get(`/api/offre/pieces/${piece.id}/modele`).buffer(true).parse(binary).expect(200);
    partout(res);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  describe('the Swagger console', () => {
    let html: string;
    let policy: Record<string, string[]>;

    beforeAll(async () => {
      const res = await get('/api/docs').expect(200);
      partout(res);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      html = res.text;
      policy = directives(res.headers['content-security-policy']);
    });

    it('cannot be framed and runs no script but its own files: no inline script, no eval, nothing from elsewhere', () => {
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect(policy['default-src']).toEqual(["'none'"]);
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['connect-src']).toEqual(["'self'"]);
      expect(policy['base-uri']).toEqual(["'none'"]);
      expect(policy['object-src'] ?? policy['default-src']).toEqual(["'none'"]);
    });

    it('allows every script and style the page references, and every one of them loads with its own type', async () => {
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attrs, body]) => /\bsrc=["']([^"']+)["']/.exec(attrs)?.[1] ?? (body.trim() ? 'inline' : 'empty'));
      const styles = [
        ...[...html.matchAll(/<link\b[^>]*rel=["']stylesheet["'][^>]*>/g)].map(([tag]) => /\bhref=["']([^"']+)["']/.exec(tag)![1]),
        ...[...html.matchAll(/<style\b[^>]*>/g)].map(() => 'inline'),
        ...[...html.matchAll(/\bstyle=["']/g)].map(() => 'inline'),
      ];
      const images = [...html.matchAll(/<link\b[^>]*rel=["']icon["'][^>]*>/g)].map(([tag]) => /\bhref=["']([^"']+)["']/.exec(tag)![1]);
      expect(scripts.filter((s) => s !== 'inline')).toHaveLength(3);
      expect(styles.length).toBeGreaterThan(0);
      for (const src of scripts) expect({ src, allowed: permet(policy, 'script-src', src) }).toEqual({ src, allowed: true });
      for (const href of styles) expect({ href, allowed: permet(policy, 'style-src', href) }).toEqual({ href, allowed: true });
      for (const href of images) expect({ href, allowed: permet(policy, 'img-src', href) }).toEqual({ href, allowed: true });

      const charge = async (url: string, type: RegExp) => {
        // Resolved as the browser does, against the page's own address.
        const res = await get(new URL(url, 'http://localhost/api/docs').pathname).expect(200);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect({ url, type: res.headers['content-type'] }).toEqual({ url, type: expect.stringMatching(type) });
      };
      for (const src of scripts) await charge(src, /^(application|text)\/javascript/);
      for (const href of styles.filter((s) => s !== 'inline')) await charge(href, /^text\/css/);
      for (const href of images) await charge(href, /^image\//);
    });

    it('allows the data: images of Swagger UI’s stylesheet, and the calls of « Try it out » to this origin', async () => {
      const css = await get('/api/docs/swagger-ui.css').expect(200);
      const urls = [...css.text.matchAll(/url\(["']?([^"')]+)/g)].map(([, u]) => u);
      expect(urls.length).toBeGreaterThan(0);
      for (const u of urls) expect({ u: u.slice(0, 30), allowed: permet(policy, 'img-src', u) }).toEqual({ u: u.slice(0, 30), allowed: true });
      // The console calls the server of the document: relative, so this origin, which connect-src allows.
      expect((await get('/api/docs-json').expect(200)).body.servers).toEqual([{ url: '/' }]);
    });
  });
});

describe('HSTS, an option for deployments behind TLS', () => {
  it('is sent with the configured max-age (and includeSubDomains when asked), on every answer', async () => {
    const t = await startTestApp({ HSTS_MAX_AGE: '31536000', HSTS_INCLUDE_SUBDOMAINS: 'true' });
    try {
      for (const path of ['/health', '/api', '/api/nulle-part', '/api/docs']) {
        const res = await request(t.http).get(path);
        expect({ path, hsts: res.headers['strict-transport-security'] }).toEqual({ path, hsts: 'max-age=31536000; includeSubDomains' });
      }
    } finally {
      await t.close();
    }
  });

  it('is sent without includeSubDomains unless asked, and not at all with 0 (the default)', async () => {
    const t = await startTestApp({ HSTS_MAX_AGE: '600' });
    const off = await startTestApp({ HSTS_MAX_AGE: '0' }, { database: t.database });
    try {
      expect((await request(t.http).get('/health')).headers['strict-transport-security']).toBe('max-age=600');
      expect((await request(off.http).get('/health')).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await off.close();
      await t.close();
    }
  });
});
