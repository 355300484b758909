import request from 'supertest';
import { createScratchDatabase, ScratchDatabase } from '../scripts/lib/scratch-database';
import { Role } from '../src/common/auth/roles';
import { FRAICHEUR_MAINTENANCE_MS } from '../src/maintenance/maintenance.service';
import { api } from './support/api';
import { CANDIDAT_PASSWORD, STAFF_PASSWORD, createCampagne, createCandidat } from './support/factories';
import { login, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';
import { TestClock } from './support/test-clock';

/**
 * Issue 17, item 5, the maintenance mode: switched on by an administrator with a message (and optionally an end),
 * candidates are answered 503 with the message and Retry-After, on every instance within seconds; staff, the public
 * offer and health keep working.
 */
describe('Maintenance mode', () => {
  let database: ScratchDatabase;
  let a: TestApp;
  /** A second instance on the same database */
  let b: TestApp;
  const tokens = {} as Record<'admin' | 'scol' | 'gest' | 'candidat', string>;
  let numero = '';
  const MESSAGE = 'Mise à jour de la plateforme : retour prévu à 14 h.';

  beforeAll(async () => {
    database = await createScratchDatabase(undefined, { sqliteFile: true });
    const clock = new TestClock();
    clock.set('2026-12-06T11:00:00Z');
    a = await startTestApp({ THROTTLE_IP_PER_MINUTE: '100000' }, { database, clock });
    b = await startTestApp({ THROTTLE_IP_PER_MINUTE: '100000' }, { database, clock });
    Object.assign(tokens, await staffConnecte(a, { admin: ['mnt.admin', [Role.ADMIN]], scol: ['mnt.scol', [Role.SCOL_CENTRALE]], gest: ['mnt.gest', [Role.GESTIONNAIRE], { centres: ['SCI'] }] }));
    const compte = await createCandidat(a, await createCampagne(a));
    numero = compte.numeroDossier;
    tokens.candidat = await login(a, numero, CANDIDAT_PASSWORD);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await database.drop();
  });

  const regler = (body: object, token = tokens.admin) => api(a, token).put('admin/maintenance', body);
  const candidatTravaille = (t: TestApp) => api(t, tokens.candidat).get('comptes/moi/donnees');
  const gestionnaireTravaille = (t: TestApp) => api(t, tokens.gest).get('candidatures').expect(200);

  it('is off at first: candidates and staff both work, and the public state says so', async () => {
    await candidatTravaille(a).expect(200);
    await gestionnaireTravaille(a);
    expect((await request(a.http).get('/api/maintenance').expect(200)).body).toEqual({ enCours: false, message: null, fin: null });
    expect((await api(a, tokens.admin).get('admin/maintenance').expect(200)).body).toMatchObject({ active: false, enCours: false });
  });

  it('is switched by administrators only', async () => {
    await regler({ active: true, message: MESSAGE }, tokens.scol).expect(403);
    await regler({ active: true, message: MESSAGE }, tokens.gest).expect(403);
    await regler({ active: true, message: MESSAGE }, tokens.candidat).expect(403);
    await request(a.http).put('/api/admin/maintenance').send({ active: true }).expect(401);
    await api(a, tokens.gest).get('admin/maintenance').expect(403);
    await candidatTravaille(a).expect(200);
  });

  it('refuses an end already past, and an ill-formed one', async () => {
    expect((await regler({ active: true, message: MESSAGE, fin: '2026-12-06T10:00:00Z' }).expect(422)).body.code).toBe('FIN_MAINTENANCE_PASSEE');
    expect((await regler({ active: true, fin: 'demain' }).expect(400)).body.errors).toEqual([{ field: 'fin', message: expect.any(String) }]);
    await regler({ message: MESSAGE }).expect(400);
  });

  it('on: a candidate gets 503 with the message and Retry-After, a gestionnaire works, health and the offer too', async () => {
    const res = await regler({ active: true, message: MESSAGE, fin: '2026-12-06T13:00:00Z' }).expect(200);
    expect(res.body).toMatchObject({ active: true, enCours: true, message: MESSAGE, fin: '2026-12-06T13:00:00.000Z', modifiePar: 'mnt.admin' });

    const refus = await candidatTravaille(a).expect(503);
    expect(refus.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refus.body).toMatchObject({ status: 503, code: 'MAINTENANCE_EN_COURS', detail: MESSAGE });
    // Two hours until the announced end.
    expect(refus.headers['retry-after']).toBe('7200');
    await api(a, tokens.candidat).get('candidat/dossier').expect(503);
    await api(a, tokens.candidat).get('auth/me').expect(503);

    await gestionnaireTravaille(a);
    await api(a, tokens.scol).get('auth/me').expect(200);
    await request(a.http).get('/health').expect(200);
    await request(a.http).get('/api/offre').expect(200);
    expect((await request(a.http).get('/api/maintenance').expect(200)).body).toEqual({ enCours: true, message: MESSAGE, fin: '2026-12-06T13:00:00.000Z' });
  });

  it('on: candidates cannot log in, create an account or use a link; a wrong password is still just wrong; staff log in', async () => {
    expect((await request(a.http).post('/api/auth/login').send({ login: numero, password: CANDIDAT_PASSWORD }).expect(503)).body.code).toBe('MAINTENANCE_EN_COURS');
    expect((await request(a.http).post('/api/auth/login').send({ login: numero, password: 'pas le bon mot de passe' }).expect(401)).body.code).toBe('IDENTIFIANTS_INVALIDES');
    const creation = await request(a.http)
      .post('/api/comptes')
      .send({ nom: 'Petit', prenom: 'Camille', email: 'camille@example.org', emailConfirmation: 'camille@example.org', password: CANDIDAT_PASSWORD, passwordConfirmation: CANDIDAT_PASSWORD })
      .expect(503);
    expect(creation.body).toMatchObject({ code: 'MAINTENANCE_EN_COURS', detail: MESSAGE });
    await request(a.http).post('/api/comptes/identifiants-oublies').send({ email: 'camille@example.org' }).expect(503);
    await login(a, 'mnt.gest', STAFF_PASSWORD);
  });

  it('reaches the other instance within seconds, with no restart', async () => {
    // b may have read "off" less than FRAICHEUR_MAINTENANCE_MS ago: past that, it reads again.
    await new Promise((resolve) => setTimeout(resolve, FRAICHEUR_MAINTENANCE_MS + 100));
    expect((await candidatTravaille(b).expect(503)).body.detail).toBe(MESSAGE);
    await gestionnaireTravaille(b);
  });

  it('without an end, says to retry in five minutes; ends by itself at its end', async () => {
    await regler({ active: true }).expect(200);
    const refus = await candidatTravaille(a).expect(503);
    expect(refus.headers['retry-after']).toBe('300');
    expect(refus.body.detail).toMatch(/maintenance/);

    // 20 minutes: sessions stay alive (30 minutes idle), the candidate's refused requests kept it seen.
    await regler({ active: true, message: MESSAGE, fin: '2026-12-06T11:20:00Z' }).expect(200);
    await candidatTravaille(a).expect(503);
    a.clock.advance({ minutes: 21 });
    await candidatTravaille(a).expect(200);
    expect((await api(a, tokens.admin).get('admin/maintenance').expect(200)).body).toMatchObject({ active: true, enCours: false });
  });

  it('off: both work again, on every instance', async () => {
    await regler({ active: true, message: MESSAGE }).expect(200);
    await candidatTravaille(a).expect(503);
    expect((await regler({ active: false }).expect(200)).body).toMatchObject({ active: false, enCours: false, message: null, fin: null });
    await candidatTravaille(a).expect(200);
    await gestionnaireTravaille(a);
    await new Promise((resolve) => setTimeout(resolve, FRAICHEUR_MAINTENANCE_MS + 100));
    await candidatTravaille(b).expect(200);
    await login(a, numero, CANDIDAT_PASSWORD);
  });
});
