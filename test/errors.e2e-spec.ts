import request from 'supertest';
import { TestApp, startTestApp } from './support/test-app';

/** Whatever goes wrong, the caller gets problem+json with a 4xx, a stable code, a French detail and the request id. */
describe('Errors as problem+json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const expectProblem = (res: request.Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: `urn:candidatures:probleme:${code}`, status, code, requestId: res.headers['x-request-id'] });
    expect(typeof res.body.detail).toBe('string');
    expect(res.body.detail.length).toBeGreaterThan(10);
  };

  it.each([
    ['GET', '/api/inconnue'],
    ['GET', '/inconnue'],
    ['DELETE', '/api/referentiels/communes'],
    ['POST', '/api/referentiels/pays'],
  ])('%s %s is a 404 problem', async (method, path) => {
    const res = await request(t.http)[method.toLowerCase() as 'get'](path);
    expectProblem(res, 404, 'ROUTE_INTROUVABLE');
    expect(res.body.instance).toBe(`${method} ${path}`);
  });

  it.each([
    ['GET', '/comptes/activation?token=SECRET-4f2a'],
    ['GET', '/api/unknown?token=SECRET-4f2a'],
    ['POST', '/api/referentiels/pays?token=SECRET-4f2a'],
    ['GET', '/connexion/cas?code=SECRET-4f2a'],
  ])('%s %s answers a problem that does not echo the query string', async (method, url) => {
    const res = await request(t.http)[method.toLowerCase() as 'get'](url);
    expectProblem(res, 404, 'ROUTE_INTROUVABLE');
    expect(res.body.instance).toBe(`${method} ${url.split('?')[0]}`);
    expect(res.text).not.toContain('SECRET');
    expect(JSON.stringify(res.headers)).not.toContain('SECRET');
  });

  it("a front-end page of a mail link, asked of the API, says it is the front-end's and which call it makes", async () => {
    const res = await request(t.http).get('/comptes/activation?token=SECRET-4f2a');
    expectProblem(res, 404, 'ROUTE_INTROUVABLE');
    expect(res.body.detail).toMatch(/page du front-end.*PUBLIC_URL.*POST \/api\/comptes\/activation/);
    const suivi = await request(t.http).get('/candidatures/DEMO0001');
    expect(suivi.body.detail).toMatch(/POST \/api\/auth\/login.*GET \/api\/candidat\/candidatures/);
    // An API address is never taken for a front-end page.
    expect((await request(t.http).get('/api/comptes/activation?token=x')).body.detail).toBe("Cette adresse ne correspond à aucune ressource de l'API.");
  });

  it('malformed JSON is a 400 problem, never a 500', async () => {
    const res = await request(t.http).post('/api/referentiels/pays').set('Content-Type', 'application/json').send('{"nom": ');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('an unsupported content type is a 4xx problem', async () => {
    const res = await request(t.http).post('/api/referentiels/pays').set('Content-Type', 'application/x-unknown').send('x');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('an invalid query names every invalid field in French', async () => {
    const res = await request(t.http).get('/api/referentiels/communes?departement=XX&limit=-1&inconnu=1');
    expectProblem(res, 400, 'REQUETE_INVALIDE');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'departement', message: 'doit être un code de département (45, 2A, 974…)' },
        { field: 'limit', message: 'doit être un nombre entier entre 1 et 200' },
        { field: 'inconnu', message: "n'est pas un champ attendu" },
      ]),
    );
  });

  it('an over-long or hostile query text is refused or handled, never a 500', async () => {
    expectProblem(await request(t.http).get(`/api/referentiels/communes?q=${'a'.repeat(101)}`), 400, 'REQUETE_INVALIDE');
    const injection = await request(t.http).get(`/api/referentiels/communes?q=${encodeURIComponent("' OR 1=1 --")}`).expect(200);
    expect(injection.body.total).toBe(0);
    const repeated = await request(t.http).get('/api/referentiels/communes?q=a&q=b');
    expect(repeated.status).toBe(400);
  });
});
