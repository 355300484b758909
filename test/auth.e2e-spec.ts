import request from 'supertest';
import { buildOpenApiDocument } from '../src/app';
import { Role } from '../src/common/auth/roles';
import { CANDIDAT_PASSWORD, STAFF_PASSWORD, createCampagne, createCandidat, createStaff } from './support/factories';
import { bearer } from './support/api';
import { TestApp, startTestApp } from './support/test-app';

const PASSWORD = STAFF_PASSWORD;

describe('Staff authentication and roles', () => {
  let t: TestApp;
  const tokens: Partial<Record<Role, string>> = {};
  let candidatLogin = '';

  const login = (loginName: string, password = PASSWORD) => request(t.http).post('/api/auth/login').send({ login: loginName, password });

  beforeAll(async () => {
    // The matrix logs every account in once per operation: far beyond the login throttle, on purpose.
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '100000', THROTTLE_ACCOUNT_PER_15_MIN: '1000' });
    const candidat = await createCandidat(t, await createCampagne(t));
    candidatLogin = candidat.numeroDossier;
    for (const role of [Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE, Role.COMMISSION]) {
      await createStaff(t, [role], `${role}.test`);
      tokens[role] = (await login(`${role}.test`).expect(200)).body.token;
    }
  });
  afterAll(() => t.close());

  it('logs in, tells who is logged in, logs out, and the token is dead afterwards', async () => {
    const session = (await login('Admin.Test').expect(200)).body;
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.me).toMatchObject({ kind: 'staff', login: 'admin.test', roles: ['admin'], scopes: { centres: [], commissions: [] } });
    const me = await request(t.http).get('/api/auth/me').set(bearer(session.token)).expect(200);
    expect(me.body).toEqual(session.me);
    // The language is a candidate's (pages, mails, letters): staff have none.
    expect(me.body).not.toHaveProperty('langue');
    await request(t.http).post('/api/auth/logout').set(bearer(session.token)).expect(204);
    const after = await request(t.http).get('/api/auth/me').set(bearer(session.token)).expect(401);
    expect(after.body.code).toBe('AUTHENTIFICATION_REQUISE');
  });

  it('tells the centres of a gestionnaire and the commissions of a member', async () => {
    await createStaff(t, [Role.GESTIONNAIRE, Role.COMMISSION], 'double.casquette', { centres: ['SCI', 'DROIT'], commissions: ['M1-GEO'] });
    const session = (await login('double.casquette').expect(200)).body;
    const me = await request(t.http).get('/api/auth/me').set(bearer(session.token)).expect(200);
    expect(me.body.roles.sort()).toEqual(['commission', 'gestionnaire']);
    expect({ centres: me.body.scopes.centres.sort(), commissions: me.body.scopes.commissions }).toEqual({ centres: ['DROIT', 'SCI'], commissions: ['M1-GEO'] });
  });

  it('answers a wrong password and an unknown login the same way', async () => {
    const wrong = await login('admin.test', 'not the password').expect(401);
    const unknown = await login('personne', 'not the password').expect(401);
    for (const res of [wrong, unknown]) expect(res.body).toMatchObject({ code: 'IDENTIFIANTS_INVALIDES', detail: 'Identifiant ou mot de passe incorrect.' });
    await login('', '').expect(400);
  });

  it('stores only the hash of the token', async () => {
    const token = tokens[Role.ADMIN] as string;
    const rows: { token_hash: string }[] = await t.dataSource.query('SELECT token_hash FROM session');
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('ends a session idle for 30 minutes, and any session 12 hours after login', async () => {
    const idle = (await login('gestionnaire.test').expect(200)).body.token;
    t.clock.advance({ minutes: 29 });
    await request(t.http).get('/api/auth/me').set(bearer(idle)).expect(200);
    t.clock.advance({ minutes: 31 });
    await request(t.http).get('/api/auth/me').set(bearer(idle)).expect(401);

    const busy = (await login('gestionnaire.test').expect(200)).body.token;
    // 28 requests 25 minutes apart keep it alive for 11 h 40; the next one, at 12 h 05, finds it over.
    for (let i = 0; i < 28; i++) {
      t.clock.advance({ minutes: 25 });
      await request(t.http).get('/api/auth/me').set(bearer(busy)).expect(200);
    }
    t.clock.advance({ minutes: 25 });
    await request(t.http).get('/api/auth/me').set(bearer(busy)).expect(401);
    for (const role of Object.keys(tokens) as Role[]) tokens[role] = (await login(`${role}.test`).expect(200)).body.token;
  });

  it('lets an administrator list and run jobs', async () => {
    const jobs = await request(t.http).get('/api/admin/jobs').set(bearer(tokens[Role.ADMIN])).expect(200);
    expect(jobs.body.map((j: { name: string }) => j.name)).toContain('envoi-mails');
    const run = await request(t.http).post('/api/admin/jobs/envoi-mails/run').set(bearer(tokens[Role.ADMIN])).expect(200);
    expect(run.body).toMatchObject({ name: 'envoi-mails', status: 'SUCCES', counts: { envoyes: 0, reportes: 0, abandonnes: 0 } });
    const listed = await request(t.http).get('/api/admin/jobs').set(bearer(tokens[Role.ADMIN])).expect(200);
    expect(listed.body.find((j: { name: string }) => j.name === 'envoi-mails').lastRun.id).toBe(run.body.id);
    const unknown = await request(t.http).post('/api/admin/jobs/inconnu/run').set(bearer(tokens[Role.ADMIN])).expect(404);
    expect(unknown.body.code).toBe('JOB_INCONNU');
  });

  it('checks every secured operation of the contract against anonymous callers and every role', async () => {
    const document = buildOpenApiDocument(t.app);
    const secured = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { security?: unknown[] }>)
        .filter(([, op]) => !(Array.isArray(op.security) && op.security.length === 0))
        .map(([method]) => ({ method, path: path.replace(/\{[^}]+\}/g, 'inconnu') })),
    );
    expect(secured.length).toBeGreaterThanOrEqual(5);
    // Who may call what; every other authenticated caller gets 403, anonymous and forged tokens 401.
    const STAFF = [Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE, Role.COMMISSION];
    const allowed = (path: string, method: string): Role[] => {
      // Staff accounts: scolarité centrale manages gestionnaires' and members' (PersonnelService refuses the rest).
      if (path.startsWith('/api/admin/utilisateurs')) return [Role.ADMIN, Role.SCOL_CENTRALE];
      // Mail texts: scolarité centrale writes to candidates too.
      if (path.startsWith('/api/admin/modeles-mail')) return [Role.ADMIN, Role.SCOL_CENTRALE];
      if (path.startsWith('/api/admin/')) return [Role.ADMIN];
      if (path.startsWith('/api/offre/gestion/')) return [Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE];
      // Letters: the institution's settings for institution-wide roles; the preview for gestionnaires too (their commissions).
      if (path === '/api/lettres/apercu.pdf') return [Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE];
      if (path.startsWith('/api/lettres/')) return [Role.ADMIN, Role.SCOL_CENTRALE];
      if (path === '/api/opi' || path.startsWith('/api/parametrage/')) return [Role.ADMIN, Role.SCOL_CENTRALE];
      if (path.startsWith('/api/comptes/moi/') || path.startsWith('/api/candidat/')) return [Role.CANDIDAT];
      // Statut du dossier, pièce checks, type de traitement, deadlines and labels change candidatures: commission members only read them (AccesCandidatures.gere).
      if (/^\/api\/candidatures\/(statut-dossier|pieces\/statut|inconnu\/pieces\/inconnu\/statut|type-traitement|type-traitement\/validation|inconnu\/dates|dates|etiquettes|inconnu\/etiquettes\/inconnu)$/.test(path)) return [Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE];
      // Acting for a candidate (pièces, answers, propositions, restorations) is for gestionnaires too; staff download pièces with GET on the same path.
      if (/^\/api\/candidatures\/(propositions|inconnu\/(confirmation|desistement|restauration|pieces\/inconnu\/non-concerne))$/.test(path)) return [Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE];
      if (method === 'put' && path === '/api/candidatures/inconnu/pieces/inconnu/fichier') return [Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE];
      // Labels: the institution's (scolarité centrale) and the centres' (their gestionnaires).
      if (path === '/api/etiquettes' || path.startsWith('/api/etiquettes/')) return [Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE];
      // A candidate's data export and erasure (RGPD): institution-wide roles only.
      if (/^\/api\/candidats\/inconnu\/(donnees|effacement)$/.test(path)) return [Role.ADMIN, Role.SCOL_CENTRALE];
      // The search of accounts: scolarité centrale, admin and gestionnaires (within their scope), not commission members.
      if (path === '/api/candidats') return [Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE];
      if (path.startsWith('/api/candidats/') || path === '/api/candidatures' || path.startsWith('/api/candidatures/')) return STAFF;
      // Statistics: every member of staff, each within their scope (the figures of their centres or commissions).
      if (path === '/api/statistiques' || path.startsWith('/api/statistiques/')) return STAFF;
      return Object.values(Role);
    };
    const callers: [Role, string, string][] = [
      ...STAFF.map((r): [Role, string, string] => [r, `${r}.test`, PASSWORD]),
      [Role.CANDIDAT, candidatLogin, CANDIDAT_PASSWORD],
    ];
    // One session a role (argon2 makes logins the slow part), opened again after an operation that may close it.
    const sessions = new Map<string, string>();
    const sessionOf = async (name: string, password: string) => {
      if (!sessions.has(name)) sessions.set(name, (await login(name, password).expect(200)).body.token);
      return sessions.get(name) as string;
    };
    for (const { method, path } of secured) {
      const call = () => request(t.http)[method as 'get'](path);
      expect({ method, path, status: (await call()).status }).toEqual({ method, path, status: 401 });
      expect({ method, path, status: (await call().set('Authorization', 'Bearer forged-token-forged-token-forged')).status }).toEqual({ method, path, status: 401 });
      for (const [role, name, password] of callers) {
        const status = (await call().set(bearer(await sessionOf(name, password)))).status;
        if (/logout|mot-de-passe|email/.test(path)) sessions.delete(name);
        const refused = status === 401 || status === 403;
        expect({ method, path, role, refused }).toEqual({ method, path, role, refused: !allowed(path, method).includes(role) });
        if (refused) expect(status).toBe(403);
      }
    }
  });
});
