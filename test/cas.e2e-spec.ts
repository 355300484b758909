import request from 'supertest';
import { CasCode } from '../src/auth/cas/entities/cas-code.entity';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { NumeroDossier } from '../src/auth/entities/numero-dossier.entity';
import { Session } from '../src/auth/entities/session.entity';
import { ImportScolarite } from '../src/candidat/entities/import-scolarite.entity';
import { Role } from '../src/common/auth/roles';
import { CampagneService } from '../src/offre/campagne.service';
import { CasTestServer, CasTestUser } from './support/cas-server';
import { CANDIDAT_PASSWORD, createCampagne, createCandidat, createStaff } from './support/factories';
import { bearer } from './support/api';
import { TestApp, startTestApp } from './support/test-app';

const SERVICE_BASE = 'https://candidatures.univ.test';
const FRONT = 'https://front.univ.test/connexion/cas';
/** The API and the front-end on two hosts: CAS calls the API back, the callback sends the browser to the front-end. */
const casEnv = (cas: CasTestServer, extra: Record<string, string> = {}) => ({
  CAS_ENABLED: 'true',
  CAS_URL: cas.url,
  API_PUBLIC_URL: SERVICE_BASE,
  PUBLIC_URL: 'https://front.univ.test',
  STUDENT_RECORDS_ADAPTER: 'file',
  STUDENT_RECORDS_FILE: 'config/demo/etudiants.json',
  ...extra,
});

const ELISE: CasTestUser = {
  user: 'EMartin',
  attributes: { supannEtuId: '21900123', mail: 'elise.martin@univ-exemple.fr', sn: 'Martin', givenName: 'Élise', eduPersonAffiliation: ['student', 'member'] },
};

/** The browser's journey: our /login, CAS /login (which logs `user` in at once), back to our callback with a ticket. */
async function callbackUrl(t: TestApp, cas: CasTestServer, user: CasTestUser, query: string): Promise<string> {
  const login = await request(t.http).get(`/api/auth/cas/login?${query}`).expect(302);
  expect(login.headers.location).toMatch(new RegExp(`^${cas.url}/login\\?service=`));
  cas.nextUser = user;
  const atCas = await fetch(login.headers.location, { redirect: 'manual' });
  expect(atCas.status).toBe(302);
  const back = atCas.headers.get('location') as string;
  expect(back.startsWith(`${SERVICE_BASE}/api/auth/cas/callback?`)).toBe(true);
  expect(new URL(back).searchParams.get('ticket')).toMatch(/^ST-/);
  // API_PUBLIC_URL is the API as the browser reaches it; here that is supertest's server.
  return back.slice(SERVICE_BASE.length);
}

/** The whole login: through CAS, to the front-end's address with a code, exchanged for the session. */
async function casLogin(t: TestApp, cas: CasTestServer, user: CasTestUser, espace: 'candidat' | 'gestion' = 'candidat') {
  const callback = await request(t.http).get(await callbackUrl(t, cas, user, `espace=${espace}`)).expect(302);
  const front = new URL(callback.headers.location);
  expect(`${front.origin}${front.pathname}`).toBe(FRONT);
  expect([...front.searchParams.keys()]).toEqual(['code']);
  const code = front.searchParams.get('code') as string;
  const session = await request(t.http).post('/api/auth/cas/echange').send({ code }).expect(200);
  return { code, session: session.body as { token: string; expiresAt: string; me: { kind: string; id: number; login: string; roles: string[]; nom: string; prenom: string; email: string } } };
}

describe('CAS login (CAS 3.0)', () => {
  let cas: CasTestServer;
  let t: TestApp;
  const comptes = () => t.dataSource.getRepository(CompteCandidat).count();

  beforeAll(async () => {
    cas = await CasTestServer.start();
    t = await startTestApp(casEnv(cas));
    await createCampagne(t);
  });
  afterAll(async () => {
    await t.close();
    await cas.stop();
  });

  it('a student logs in through CAS and gets an account filled from the student records', async () => {
    const before = await comptes();
    const { code, session } = await casLogin(t, cas, ELISE);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Identity from the student records, which win over the CAS attributes.
    expect(session.me).toMatchObject({
      kind: 'candidat',
      id: expect.any(Number),
      login: expect.stringMatching(/^[0-9A-Z]{8}$/),
      nom: 'MARTIN',
      prenom: 'Élise',
      email: 'elise.martin@etu.univ-exemple.fr',
      roles: [Role.CANDIDAT],
    });
    expect(await comptes()).toBe(before + 1);
    const me = await request(t.http).get('/api/auth/me').set(bearer(session.token)).expect(200);
    expect(me.body).toEqual(session.me);

    const compte = await t.dataSource.getRepository(CompteCandidat).findOneByOrFail({ id: session.me.id });
    expect(compte).toMatchObject({ casLogin: 'emartin', passwordHash: null, active: true, activationTokenHash: null, numeroDossier: session.me.login });
    expect(await t.dataSource.getRepository(NumeroDossier).existsBy({ numero: compte.numeroDossier })).toBe(true);

    const scolarite = await request(t.http).get('/api/comptes/moi/scolarite').set(bearer(session.token)).expect(200);
    expect(scolarite.body).toEqual({
      source: 'file',
      codeEtudiant: '21900123',
      importedAt: expect.any(String),
      ine: '1234567890V',
      identite: {
        civilite: 'Mme',
        nomNaissance: 'MARTIN',
        nomUsage: null,
        prenom: 'Élise',
        autresPrenoms: 'Marie Jeanne',
        dateNaissance: '2004-03-17',
        communeNaissance: '45234',
        libelleCommuneNaissance: 'Orléans',
        paysNaissance: 'FR',
        nationalite: 'FR',
        email: 'elise.martin@etu.univ-exemple.fr',
        telephone: '06 12 34 56 78',
      },
      adresse: { ligne1: '12 rue des Carmes', ligne2: 'Appartement 4', ligne3: null, codePostal: '45000', commune: '45234', libelleCommune: 'Orléans', pays: 'FR' },
      bac: { annee: 2022, serie: 'GEN', mention: 'AB', etablissement: '0450049H', departement: '45' },
      cursusInterne: expect.any(Array),
    });
    expect(scolarite.body.cursusInterne.map((c: { codeFormation: string }) => c.codeFormation)).toEqual(['L1INFO', 'L2INFO', 'L3INFO', 'M1MIAGE']);
    expect(scolarite.body.cursusInterne[3]).toEqual({ annee: 2025, codeFormation: 'M1MIAGE', libelleFormation: 'Master 1re année MIAGE', resultat: null, mention: null });

    // The file is pre-filled: identity and bac locked (the scolarité corrects them), the address editable.
    const dossier = (await request(t.http).get('/api/candidat/dossier').set(bearer(session.token)).expect(200)).body;
    expect(dossier.identite).toMatchObject({ civilite: 'MME', nomNaissance: 'MARTIN', prenom: 'Élise', dateNaissance: '2004-03-17', communeNaissance: '45234', departementNaissance: '45', ine: '1234567890V', importe: true, verrouillee: true });
    expect(dossier.bac).toMatchObject({ serie: 'GEN', annee: 2022, mention: 'AB', departement: '45', importe: true });
    expect(dossier.adresse).toMatchObject({ ligne1: '12 rue des Carmes', codePostal: '45000', commune: '45234' });
    expect(dossier.cursusInterne).toHaveLength(4);
    // What the form sends back: the fields, not the section's state.
    const identite = Object.fromEntries(Object.entries(dossier.identite).filter(([key]) => !['importe', 'verrouillee', 'version'].includes(key)));
    const locked = await request(t.http)
      .put('/api/candidat/identite')
      .set(bearer(session.token))
      .set('If-Match', `"${dossier.identite.version}"`)
      .send({ ...identite, prenom: 'Autre' })
      .expect(422);
    expect(locked.body.code).toBe('DONNEES_IMPORTEES');

    // CAS 3.0 validation, with exactly the service URL sent to /login.
    const validation = cas.validations.at(-1);
    expect(validation?.path).toBe('/cas/p3/serviceValidate');
    expect(validation?.service).toBe(`${SERVICE_BASE}/api/auth/cas/callback?espace=candidat`);
    // A password login is impossible for an account without a password.
    const password = await request(t.http).post('/api/auth/login').send({ login: compte.numeroDossier, password: CANDIDAT_PASSWORD }).expect(401);
    expect(password.body.code).toBe('IDENTIFIANTS_INVALIDES');
  });

  it('logging in again finds the same account and refreshes the student records', async () => {
    const first = await casLogin(t, cas, { ...ELISE, user: 'emartin' });
    const before = await comptes();
    const importedAt = (await t.dataSource.getRepository(ImportScolarite).findOneByOrFail({ compteCandidatId: first.session.me.id })).importedAt;
    t.clock.advance({ hours: 2 });
    const second = await casLogin(t, cas, ELISE);
    expect(second.session.me).toEqual(first.session.me);
    expect(second.session.token).not.toBe(first.session.token);
    expect(await comptes()).toBe(before);
    const refreshed = await t.dataSource.getRepository(ImportScolarite).findOneByOrFail({ compteCandidatId: first.session.me.id });
    expect(refreshed.importedAt.getTime() - importedAt.getTime()).toBeGreaterThanOrEqual(2 * 3_600_000);
  });

  it('a one-time code is good once, for 60 seconds, and only its hash is stored', async () => {
    const callback = await request(t.http).get(await callbackUrl(t, cas, ELISE, 'espace=candidat')).expect(302);
    expect(callback.headers['cache-control']).toBe('no-store');
    const code = new URL(callback.headers.location).searchParams.get('code') as string;
    const rows = await t.dataSource.getRepository(CasCode).find();
    expect(rows.some((r) => r.codeHash === code)).toBe(false);
    await request(t.http).post('/api/auth/cas/echange').send({ code }).expect(200);
    const again = await request(t.http).post('/api/auth/cas/echange').send({ code }).expect(401);
    expect(again.body).toMatchObject({ code: 'CODE_CAS_INVALIDE', detail: expect.stringContaining("ne sert qu'une fois") });

    const late = new URL((await request(t.http).get(await callbackUrl(t, cas, ELISE, 'espace=candidat')).expect(302)).headers.location).searchParams.get('code');
    t.clock.advance({ seconds: 61 });
    expect((await request(t.http).post('/api/auth/cas/echange').send({ code: late }).expect(401)).body.code).toBe('CODE_CAS_INVALIDE');
    await request(t.http).post('/api/auth/cas/echange').send({ code: 'trop-court' }).expect(400);
  });

  it('reponse=json answers the session itself, for the Swagger console', async () => {
    const path = await callbackUrl(t, cas, ELISE, 'espace=candidat&reponse=json');
    const res = await request(t.http).get(path).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ token: expect.any(String), expiresAt: expect.any(String), me: { kind: 'candidat', email: 'elise.martin@etu.univ-exemple.fr' } });
    await request(t.http).get('/api/auth/me').set(bearer(res.body.token)).expect(200);
    expect(cas.validations.at(-1)?.service).toBe(`${SERVICE_BASE}/api/auth/cas/callback?espace=candidat&reponse=json`);
  });

  it('a ticket CAS does not know gives 401 and creates nothing', async () => {
    const [accounts, numbers, sessions] = [await comptes(), await t.dataSource.getRepository(NumeroDossier).count(), await t.dataSource.getRepository(Session).count()];
    cas.nextUser = { user: 'nouveau.venu', attributes: { mail: 'nouveau.venu@univ-exemple.fr', sn: 'Venu', givenName: 'Nouveau' } };
    const res = await request(t.http).get('/api/auth/cas/callback?espace=candidat&ticket=ST-999-forge').expect(401);
    expect(res.body).toMatchObject({ status: 401, code: 'TICKET_CAS_INVALIDE', detail: expect.stringMatching(/reconnectez-vous/) });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect([await comptes(), await t.dataSource.getRepository(NumeroDossier).count(), await t.dataSource.getRepository(Session).count()]).toEqual([accounts, numbers, sessions]);
  });

  it('refuses a ticket used twice, and a ticket issued for another service', async () => {
    const path = await callbackUrl(t, cas, ELISE, 'espace=candidat');
    await request(t.http).get(path).expect(302);
    expect((await request(t.http).get(path).expect(401)).body.code).toBe('TICKET_CAS_INVALIDE');

    // Issued for espace=gestion, replayed at espace=candidat: CAS answers INVALID_SERVICE.
    const gestion = await callbackUrl(t, cas, ELISE, 'espace=gestion');
    const replayed = gestion.replace('espace=gestion', 'espace=candidat');
    expect((await request(t.http).get(replayed).expect(401)).body.code).toBe('TICKET_CAS_INVALIDE');
  });

  it('without student records, the account is filled from the CAS attributes and nothing is imported', async () => {
    const user = { user: 'pdupuis', attributes: { mail: 'paul.dupuis@univ-exemple.fr', sn: 'Dupuis', givenName: 'Paul' } };
    const { session } = await casLogin(t, cas, user);
    expect(session.me).toMatchObject({ nom: 'Dupuis', prenom: 'Paul', email: 'paul.dupuis@univ-exemple.fr' });
    const none = await request(t.http).get('/api/comptes/moi/scolarite').set(bearer(session.token)).expect(404);
    expect(none.body.code).toBe('AUCUNE_DONNEE_SCOLARITE');
  });

  it('finds the student records by CAS login when it is the code étudiant', async () => {
    const { session } = await casLogin(t, cas, { user: '21800456' });
    expect(session.me).toMatchObject({ nom: 'NGUYEN', prenom: 'Thomas', email: 'thomas.nguyen@etu.univ-exemple.fr' });
    const scolarite = await request(t.http).get('/api/comptes/moi/scolarite').set(bearer(session.token)).expect(200);
    expect(scolarite.body).toMatchObject({ codeEtudiant: '21800456', ine: '0512345678B', bac: { serie: 'STMG', annee: 2021 } });
  });

  it('links an account created earlier with the same e-mail instead of creating another', async () => {
    const campagne = await t.app.get(CampagneService).enService();
    const externe = await createCandidat(t, campagne);
    await t.dataSource.getRepository(CompteCandidat).update({ id: externe.id }, { email: 'camille.durand@example.org', emailNormalise: 'camille.durand@example.org' });
    const before = await comptes();
    const { session } = await casLogin(t, cas, { user: 'cdurand' });
    expect(session.me).toMatchObject({ id: externe.id, login: externe.numeroDossier });
    expect(await comptes()).toBe(before);
    expect(await t.dataSource.getRepository(CompteCandidat).findOneByOrFail({ id: externe.id })).toMatchObject({ casLogin: 'cdurand' });
    // An activated account keeps its password: its owner proved the address.
    await request(t.http).post('/api/auth/login').send({ login: externe.numeroDossier, password: CANDIDAT_PASSWORD }).expect(200);
  });

  it('an account never activated loses the password of whoever created it when its student logs in through CAS', async () => {
    const campagne = await t.app.get(CampagneService).enService();
    const squat = await createCandidat(t, campagne);
    await t.dataSource.getRepository(CompteCandidat).update(
      { id: squat.id },
      { email: 'lea.bernard@univ-exemple.fr', emailNormalise: 'lea.bernard@univ-exemple.fr', active: false, activatedAt: null },
    );
    const { session } = await casLogin(t, cas, { user: 'lbernard', attributes: { mail: 'Lea.Bernard@univ-exemple.fr', sn: 'Bernard', givenName: 'Léa' } });
    expect(session.me.id).toBe(squat.id);
    expect(await t.dataSource.getRepository(CompteCandidat).findOneByOrFail({ id: squat.id })).toMatchObject({ active: true, passwordHash: null, casLogin: 'lbernard' });
    await request(t.http).post('/api/auth/login').send({ login: squat.numeroDossier, password: CANDIDAT_PASSWORD }).expect(401);
  });

  it('two callbacks of the same new student at once make one account', async () => {
    const user = { user: 'jumeau', attributes: { mail: 'jumeau@univ-exemple.fr', sn: 'Jumeau', givenName: 'Jean' } };
    const paths = [await callbackUrl(t, cas, user, 'espace=candidat'), await callbackUrl(t, cas, user, 'espace=candidat')];
    const before = await comptes();
    const held = cas.hold(2);
    const calls = Promise.all(paths.map((p) => request(t.http).get(p)));
    (await held)();
    const [a, b] = await calls;
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(await comptes()).toBe(before + 1);
    const codes = [a, b].map((r) => new URL(r.headers.location).searchParams.get('code'));
    const ids = [];
    for (const code of codes) ids.push((await request(t.http).post('/api/auth/cas/echange').send({ code }).expect(200)).body.me.id);
    expect(ids[0]).toBe(ids[1]);
    expect(await t.dataSource.getRepository(CompteCandidat).countBy({ casLogin: 'jumeau' })).toBe(1);
  });

  it('refuses to create an account when neither the student records nor CAS give a name and an e-mail', async () => {
    const before = await comptes();
    const res = await request(t.http).get(await callbackUrl(t, cas, { user: 'anonyme' }, 'espace=candidat')).expect(422);
    expect(res.body.code).toBe('IDENTITE_CAS_INCOMPLETE');
    expect(await comptes()).toBe(before);
  });

  it('staff log in through CAS with their local account, whatever the case of the login', async () => {
    await createStaff(t, [Role.GESTIONNAIRE, Role.COMMISSION], 'j.dupont');
    const { session } = await casLogin(t, cas, { user: 'J.Dupont', attributes: { mail: 'jean.dupont@univ-exemple.fr' } }, 'gestion');
    expect(session.me).toMatchObject({ kind: 'staff', login: 'j.dupont', roles: expect.arrayContaining([Role.GESTIONNAIRE, Role.COMMISSION]) });
    expect(session.me.roles).toHaveLength(2);
    const me = await request(t.http).get('/api/auth/me').set(bearer(session.token)).expect(200);
    expect(me.body).toEqual(session.me);
    expect(cas.validations.at(-1)?.service).toBe(`${SERVICE_BASE}/api/auth/cas/callback?espace=gestion`);
  });

  it('a CAS login without a staff account gets 403 and no session', async () => {
    const counts = async () => [await t.dataSource.getRepository(Session).count(), await t.dataSource.getRepository(CasCode).count(), await comptes()];
    const before = await counts();
    const res = await request(t.http).get(await callbackUrl(t, cas, { user: 'inconnu' }, 'espace=gestion')).expect(403);
    expect(res.body).toMatchObject({ code: 'AUCUN_COMPTE_GESTION', detail: expect.stringContaining('« inconnu »') });
    expect(await counts()).toEqual(before);
  });

  it('a CAS server that answers nonsense gives 503', async () => {
    const path = await callbackUrl(t, cas, ELISE, 'espace=candidat');
    cas.broken = true;
    try {
      const res = await request(t.http).get(path).expect(503);
      expect(res.body.code).toBe('CAS_INDISPONIBLE');
    } finally {
      cas.broken = false;
    }
  });

  it('validates its query', async () => {
    const res = await request(t.http).get('/api/auth/cas/login?espace=etudiant').expect(400);
    expect(res.body.errors).toEqual([{ field: 'espace', message: 'doit valoir candidat ou gestion' }]);
    await request(t.http).get('/api/auth/cas/callback?espace=candidat').expect(400);
  });
});

describe('CAS login (CAS 2.0)', () => {
  let cas: CasTestServer;
  let t: TestApp;

  beforeAll(async () => {
    cas = await CasTestServer.start();
    // CAS_RETOUR_URL replaces the front-end's CAS page under PUBLIC_URL.
    t = await startTestApp(casEnv(cas, { CAS_VERSION: '2.0', STUDENT_RECORDS_ADAPTER: 'none', PUBLIC_URL: 'https://ailleurs.univ.test', CAS_RETOUR_URL: FRONT }));
    await createCampagne(t);
  });
  afterAll(async () => {
    await t.close();
    await cas.stop();
  });

  it('validates tickets at /serviceValidate and reads the attributes', async () => {
    const { session } = await casLogin(t, cas, { user: 'mpetit', attributes: { mail: 'marie.petit@univ-exemple.fr', sn: 'Petit', givenName: 'Marie' } });
    expect(session.me).toMatchObject({ kind: 'candidat', nom: 'Petit', prenom: 'Marie', email: 'marie.petit@univ-exemple.fr' });
    expect(cas.validations.map((v) => v.path)).toEqual(['/cas/serviceValidate']);
    // STUDENT_RECORDS_ADAPTER=none: nothing to import.
    await request(t.http).get('/api/comptes/moi/scolarite').set(bearer(session.token)).expect(404);
    const forged = await request(t.http).get('/api/auth/cas/callback?espace=candidat&ticket=ST-1-forge').expect(401);
    expect(forged.body.code).toBe('TICKET_CAS_INVALIDE');
  });
});

describe('CAS disabled', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CAS_ENABLED: 'false' });
  });
  afterAll(() => t.close());

  it('answers a clear problem on every CAS route', async () => {
    for (const call of [
      request(t.http).get('/api/auth/cas/login?espace=candidat'),
      request(t.http).get('/api/auth/cas/callback?espace=gestion&ticket=ST-1-abc'),
      request(t.http).post('/api/auth/cas/echange').send({ code: 'x'.repeat(43) }),
    ]) {
      const res = await call.expect(404);
      expect(res.body).toMatchObject({ code: 'CAS_DESACTIVE', detail: expect.stringContaining("n'est pas proposée") });
    }
  });
});
