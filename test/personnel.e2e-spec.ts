import request from 'supertest';
import { Session } from '../src/auth/entities/session.entity';
import { Utilisateur } from '../src/auth/entities/utilisateur.entity';
import { Role } from '../src/common/auth/roles';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { api } from './support/api';
import { CasTestServer, CasTestUser } from './support/cas-server';
import { CANDIDAT_PASSWORD, STAFF_PASSWORD, createCampagne, createStaff } from './support/factories';
import { ADRESSE_COMMISSION, Offre, creerOffre } from './support/offre';
import { candidatComplet, login } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

const NOW = '2026-11-20T10:00:00Z';
const SERVICE_BASE = 'https://candidatures.univ.test';
const ETUDIANT: CasTestUser = { user: 'nouvel.etudiant', attributes: { mail: 'nouvel.etudiant@univ-exemple.fr', sn: 'Nouvel', givenName: 'Étudiant' } };
const PASSWORD = 'une phrase de passe du service';

type Body = Record<string, unknown>;

/**
 * Issue 17, parts 1 and 9: staff accounts and their scopes set up through the API only (an administrator, then
 * scolarité centrale), each account then seeing exactly its candidatures; deactivation ending a session at once; the
 * history of grants and revocations; the campaign's switches on candidates' access.
 */
describe('Staff accounts and scopes through the API', () => {
  let t: TestApp;
  let cas: CasTestServer;
  let campagne: Campagne;
  let admin: string;
  let scol: string;
  let offreA: Offre;
  let offreB: Offre;
  /** A second commission of centre A */
  let commissionA2: string;
  /** The candidatures, one a commission: A1, A2 (centre A), B1 (centre B) */
  const candidatures = {} as Record<'a1' | 'a2' | 'b1', number>;
  /** Account ids and session tokens of what the walk creates */
  const ids: Record<string, number> = {};
  const tokens: Record<string, string> = {};

  const creer = (token: string, body: Body) => api(t, token).post('admin/utilisateurs', body);
  const compte = (loginName: string, roles: string[], extra: Body = {}): Body => ({
    login: loginName,
    email: `${loginName}@univ.test`,
    nom: 'Personnel',
    prenom: loginName,
    password: PASSWORD,
    roles,
    ...extra,
  });
  /** PUT of an account with the If-Match of the version just read by the same session; the answer, of the status expected */
  const modifierCompte = async (token: string, id: number, body: Body, status: number) => {
    const lu = await api(t, token).get(`admin/utilisateurs/${id}`).expect(200);
    return api(t, token).put(`admin/utilisateurs/${id}`, body).set('If-Match', lu.headers.etag as string).expect(status);
  };
  /** The ids of the candidatures a session's staff list shows */
  const visibles = async (token: string) =>
    ((await api(t, token).get('candidatures?limit=200').expect(200)).body.items as { id: number }[]).map((c) => c.id).sort((x, y) => x - y);
  const sorted = (...values: number[]) => [...values].sort((x, y) => x - y);

  beforeAll(async () => {
    cas = await CasTestServer.start();
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '100000', THROTTLE_ACCOUNT_PER_15_MIN: '1000', CAS_ENABLED: 'true', CAS_URL: cas.url, API_PUBLIC_URL: SERVICE_BASE });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    // The first administrator, as `npm run admin:create` makes it; everything else goes through the API.
    await createStaff(t, [Role.ADMIN], 'premier.admin');
    admin = await login(t, 'premier.admin', STAFF_PASSWORD);
  });

  afterAll(async () => {
    await t?.close();
    await cas?.stop();
  });

  /** Through CAS: our /login, CAS /login (which logs `user` in at once), our callback with the ticket; its answer. */
  async function parCas(user: CasTestUser, espace: 'candidat' | 'gestion') {
    const debut = await request(t.http).get(`/api/auth/cas/login?espace=${espace}`).expect(302);
    cas.nextUser = user;
    const retour = (await fetch(debut.headers.location, { redirect: 'manual' })).headers.get('location') as string;
    return request(t.http).get(retour.slice(SERVICE_BASE.length));
  }

  it('walks the set-up through the API: scolarité centrale, two gestionnaires of different centres, three members, each seeing exactly their candidatures', async () => {
    const creeScol = await creer(admin, compte('scol.centrale', ['scol-centrale'])).expect(201);
    expect(creeScol.body).toMatchObject({ login: 'scol.centrale', roles: ['scol-centrale'], actif: true, casUniquement: false, centres: [], commissions: [] });
    ids.scol = creeScol.body.id;
    scol = await login(t, 'scol.centrale', PASSWORD);

    offreA = await creerOffre(t, scol, { centre: { code: 'PERS-A' }, commission: { code: 'PERS-A1' } });
    offreB = await creerOffre(t, scol, { centre: { code: 'PERS-B' }, commission: { code: 'PERS-B1' } });
    commissionA2 = 'PERS-A2';
    const a2Id = (
      await api(t, scol)
        .post('offre/gestion/commissions', { centreId: offreA.centreId, code: commissionA2, libelle: 'Commission A2', adresse: ADRESSE_COMMISSION, email: 'a2@univ.test' })
        .expect(201)
    ).body.id as number;
    const formationA1 = await offreA.formation();
    const formationA2 = await offreA.formation({ commissionId: a2Id, code: 'PERS-A2-F1' });
    const formationB1 = await offreB.formation();
    for (const [key, formationId, nom] of [['a1', formationA1, 'Alpha'], ['a2', formationA2, 'Bravo'], ['b1', formationB1, 'Charlie']] as const) {
      const c = await candidatComplet(t, campagne, nom, 'Zoé');
      candidatures[key] = (await api(t, c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id;
    }

    // Scolarité centrale scopes gestionnaires and members; each account then logs in with its own password.
    const comptes: [string, Body][] = [
      ['gest.a', compte('gest.a', ['gestionnaire'], { centres: [{ code: 'pers-a' }] })],
      ['gest.b', compte('gest.b', ['gestionnaire'], { centres: [{ code: 'PERS-B' }] })],
      ['membre.a1', compte('membre.a1', ['commission'], { commissions: [{ code: 'PERS-A1', president: true }] })],
      ['membre.a2', compte('membre.a2', ['commission'], { commissions: [{ code: commissionA2 }] })],
      ['membre.b1', compte('membre.b1', ['commission'], { commissions: [{ code: 'PERS-B1' }] })],
    ];
    for (const [name, body] of comptes) {
      ids[name] = (await creer(scol, body).expect(201)).body.id;
      tokens[name] = await login(t, name, PASSWORD);
    }
    expect((await api(t, scol).get(`admin/utilisateurs/${ids['membre.a1']}`).expect(200)).body).toMatchObject({
      roles: ['commission'],
      centres: [],
      commissions: [{ code: 'PERS-A1', president: true }],
    });
    expect((await api(t, scol).get(`admin/utilisateurs/${ids['gest.a']}`).expect(200)).body.centres).toEqual([{ code: 'PERS-A', commissions: null }]);

    expect(await visibles(tokens['gest.a'])).toEqual(sorted(candidatures.a1, candidatures.a2));
    expect(await visibles(tokens['gest.b'])).toEqual([candidatures.b1]);
    expect(await visibles(tokens['membre.a1'])).toEqual([candidatures.a1]);
    expect(await visibles(tokens['membre.a2'])).toEqual([candidatures.a2]);
    expect(await visibles(tokens['membre.b1'])).toEqual([candidatures.b1]);
    expect(await visibles(scol)).toEqual(sorted(candidatures.a1, candidatures.a2, candidatures.b1));
    // One candidature outside the scope answers as missing.
    await api(t, tokens['gest.b']).get(`candidatures/${candidatures.a1}`).expect(404);
    await api(t, tokens['gest.a']).get(`candidatures/${candidatures.a1}`).expect(200);
  });

  it('deactivating an account ends its session at once, and it can no longer log in', async () => {
    await api(t, tokens['membre.b1']).get('auth/me').expect(200);
    const body = { email: 'membre.b1@univ.test', nom: 'Personnel', prenom: 'membre.b1', roles: ['commission'], commissions: [{ code: 'PERS-B1' }], actif: false };
    const res = await modifierCompte(scol, ids['membre.b1'], body, 200);
    expect(res.body).toMatchObject({ actif: false, commissions: [{ code: 'PERS-B1', president: false }] });
    const refus = await api(t, tokens['membre.b1']).get('candidatures').expect(401);
    expect(refus.body.code).toBe('AUTHENTIFICATION_REQUISE');
    expect(await t.dataSource.getRepository(Session).countBy({ utilisateurId: ids['membre.b1'] })).toBe(0);
    await request(t.http).post('/api/auth/login').send({ login: 'membre.b1', password: PASSWORD }).expect(401);
    // The others' sessions are untouched.
    await api(t, tokens['membre.a1']).get('auth/me').expect(200);

    // Reactivated: logs in again, with the same scope.
    await modifierCompte(scol, ids['membre.b1'], { ...body, actif: true }, 200);
    tokens['membre.b1'] = await login(t, 'membre.b1', PASSWORD);
    expect(await visibles(tokens['membre.b1'])).toEqual([candidatures.b1]);
  });

  it('a change needs the version read: none is 428, an older one 412, and nothing is written', async () => {
    const id = ids['membre.a2'];
    const lu = await api(t, scol).get(`admin/utilisateurs/${id}`).expect(200);
    expect(lu.headers.etag).toBe(`"${lu.body.version}"`);
    const body = { email: 'membre.a2@univ.test', nom: 'Personnel', prenom: 'membre.a2', roles: ['commission'], commissions: [{ code: commissionA2 }], actif: false };
    expect((await api(t, scol).put(`admin/utilisateurs/${id}`, body).expect(428)).body.code).toBe('IF_MATCH_REQUIS');
    const premiere = await api(t, scol).put(`admin/utilisateurs/${id}`, { ...body, actif: true, nom: 'Premier' }).set('If-Match', lu.headers.etag as string).expect(200);
    expect(premiere.headers.etag).toBe(`"${lu.body.version + 1}"`);
    expect((await api(t, scol).put(`admin/utilisateurs/${id}`, body).set('If-Match', lu.headers.etag as string).expect(412)).body.code).toBe('VERSION_PERIMEE');
    expect((await api(t, scol).get(`admin/utilisateurs/${id}`).expect(200)).body).toMatchObject({ nom: 'Premier', actif: true });
    await api(t, tokens['membre.a2']).get('auth/me').expect(200);
  });

  it('nobody deactivates themselves, nor drops their own admin role', async () => {
    const me = (await api(t, admin).get('auth/me').expect(200)).body as { id: number };
    const body = { email: 'premier.admin@univ.test', nom: 'Test', prenom: 'premier.admin', roles: ['admin'], actif: false };
    const soi = await modifierCompte(admin, me.id, body, 422);
    expect(soi.body).toMatchObject({ code: 'DESACTIVATION_DE_SOI', detail: expect.stringContaining('propre compte') });
    const role = await modifierCompte(admin, me.id, { ...body, actif: true, roles: ['scol-centrale'] }, 422);
    expect(role.body.code).toBe('ROLE_ADMIN_DE_SOI');
    await api(t, admin).get('auth/me').expect(200);
  });

  it('scolarité centrale manages gestionnaires and members only', async () => {
    for (const roles of [['admin'], ['scol-centrale'], ['gestionnaire', 'scol-centrale']]) {
      const res = await creer(scol, compte(`refus.${roles.join('.')}`, roles)).expect(403);
      expect(res.body).toMatchObject({ code: 'GESTION_COMPTE_INTERDITE', detail: expect.stringContaining('administrateur') });
    }
    // Not an administrator's account either, nor its own.
    const me = (await api(t, admin).get('auth/me').expect(200)).body as { id: number };
    const body = { email: 'x@univ.test', nom: 'X', prenom: 'Y', roles: ['gestionnaire'], actif: true };
    expect((await modifierCompte(scol, me.id, body, 403)).body.code).toBe('GESTION_COMPTE_INTERDITE');
    expect((await modifierCompte(scol, ids.scol, body, 403)).body.code).toBe('GESTION_COMPTE_INTERDITE');
    // Gestionnaires and members do not reach these routes.
    await api(t, tokens['gest.a']).get('admin/utilisateurs').expect(403);
    await creer(tokens['gest.a'], compte('par.gestionnaire', ['gestionnaire'])).expect(403);
    expect(await t.dataSource.getRepository(Utilisateur).countBy({ login: 'refus.admin' })).toBe(0);
  });

  it('refuses a login already used in any spelling, a weak password, and scopes that do not exist or lack their role', async () => {
    const deja = await creer(admin, compte('GEST.Â', ['gestionnaire'])).expect(409);
    expect(deja.body).toMatchObject({ code: 'LOGIN_DEJA_UTILISE', detail: expect.stringContaining('gest.a') });
    const faible = await creer(admin, compte('mot.faible', ['gestionnaire'], { password: 'court' })).expect(400);
    expect(faible.body.errors).toEqual([{ field: 'password', message: expect.stringContaining('12 caractères') }]);
    const inconnu = await creer(admin, compte('perimetre.inconnu', ['gestionnaire', 'commission'], { centres: [{ code: 'NULLE-PART' }], commissions: [{ code: 'NI-ICI' }] })).expect(400);
    expect(inconnu.body.errors.map((e: { field: string }) => e.field)).toEqual(['centres.0.code', 'commissions.0.code']);
    const sansRole = await creer(admin, compte('sans.role', ['commission'], { centres: [{ code: 'PERS-A' }] })).expect(400);
    expect(sansRole.body.errors).toEqual([{ field: 'centres', message: expect.stringContaining('gestionnaire') }]);
    const horsCentre = await creer(admin, compte('hors.centre', ['gestionnaire'], { centres: [{ code: 'PERS-A', commissions: ['PERS-B1'] }] })).expect(400);
    expect(horsCentre.body.errors).toEqual([{ field: 'centres.0.commissions', message: expect.stringContaining('PERS-B1') }]);
    await creer(admin, compte('role.candidat', ['candidat'])).expect(400);
    expect(await t.dataSource.getRepository(Utilisateur).countBy({ login: 'hors.centre' })).toBe(0);
  });

  it('a CAS-only account has no password: no password opens it', async () => {
    const sansMotDePasse = compte('cas.seulement', ['gestionnaire'], { centres: [{ code: 'PERS-B' }] });
    delete sansMotDePasse.password;
    const res = await creer(scol, sansMotDePasse).expect(201);
    expect(res.body.casUniquement).toBe(true);
    expect((await t.dataSource.getRepository(Utilisateur).findOneByOrFail({ id: res.body.id })).passwordHash).toBeNull();
    await request(t.http).post('/api/auth/login').send({ login: 'cas.seulement', password: PASSWORD }).expect(401);
  });

  it('a gestionnaire may be given only some commissions of a centre', async () => {
    const res = await creer(scol, compte('gest.a2', ['gestionnaire'], { centres: [{ code: 'PERS-A', commissions: [commissionA2] }] })).expect(201);
    expect(res.body.centres).toEqual([{ code: 'PERS-A', commissions: [commissionA2] }]);
    const token = await login(t, 'gest.a2', PASSWORD);
    expect(await visibles(token)).toEqual([candidatures.a2]);
    await api(t, token).get(`candidatures/${candidatures.a1}`).expect(404);
    expect((await api(t, token).get('auth/me').expect(200)).body.scopes).toEqual({ centres: [], commissionsGerees: [commissionA2], commissions: [] });
    // The gestionnaire of a commission manages its candidatures (statut du dossier), not those of the centre's others.
    const statut = (id: number) => api(t, token).post('candidatures/statut-dossier', { candidatureIds: [id], statut: 'RE' });
    expect((await statut(candidatures.a2)).status).not.toBe(404);
    expect((await statut(candidatures.a1).expect(404)).body.code).toBe('CANDIDATURE_INTROUVABLE');
  });

  it('lists and searches accounts by folded name, login or e-mail, by role, centre and commission', async () => {
    await creer(admin, { ...compte('l.eleve', ['commission'], { commissions: [{ code: 'PERS-A1' }] }), nom: 'Lefèvre', prenom: 'Élodie', email: 'elodie.lefevre@univ.test' }).expect(201);
    const logins = async (query: string) => ((await api(t, scol).get(`admin/utilisateurs?limit=200&${query}`).expect(200)).body.items as { login: string }[]).map((u) => u.login).sort();
    expect(await logins('q=ELODIE%20lefevre')).toEqual(['l.eleve']);
    expect(await logins('q=Lefèvre')).toEqual(['l.eleve']);
    expect(await logins('q=elodie.lefevre%40univ')).toEqual(['l.eleve']);
    expect(await logins('q=100%25')).toEqual([]);
    expect(await logins('commission=PERS-A1')).toEqual(['l.eleve', 'membre.a1']);
    expect(await logins('centre=PERS-A')).toEqual(['gest.a', 'gest.a2']);
    expect(await logins('role=scol-centrale')).toEqual(['scol.centrale']);
    expect(await logins('role=gestionnaire&actif=true&centre=PERS-B')).toEqual(['cas.seulement', 'gest.b']);
    const page = (await api(t, scol).get('admin/utilisateurs?limit=2&page=2').expect(200)).body;
    expect(page).toMatchObject({ page: 2, limit: 2, total: expect.any(Number) });
    expect(page.items).toHaveLength(2);
    await api(t, scol).get('admin/utilisateurs?role=candidat').expect(400);
  });

  it('records every grant and revocation: who, when, what', async () => {
    const id = ids['membre.a1'];
    const journal = async () => (await api(t, admin).get(`admin/utilisateurs/${id}/habilitations?limit=200`).expect(200)).body.items as Body[];
    expect((await journal()).reverse()).toEqual([
      expect.objectContaining({ operation: 'attribution', nature: 'compte', code: null, auteur: { id: ids.scol, login: 'scol.centrale' }, date: new Date(NOW).toISOString() }),
      expect.objectContaining({ operation: 'attribution', nature: 'role', code: 'commission' }),
      expect.objectContaining({ operation: 'attribution', nature: 'commission', code: 'PERS-A1' }),
      expect.objectContaining({ operation: 'attribution', nature: 'presidence', code: 'PERS-A1' }),
    ]);
    // Admin moves the member to A2 (no longer président) and makes them a gestionnaire of centre B.
    const body = { email: 'membre.a1@univ.test', nom: 'Personnel', prenom: 'membre.a1', roles: ['commission', 'gestionnaire'], centres: [{ code: 'PERS-B' }], commissions: [{ code: commissionA2 }], actif: true };
    await modifierCompte(admin, id, body, 200);
    const nouvelles = (await journal()).slice(0, 5).reverse();
    expect(nouvelles.map(({ operation, nature, code }) => ({ operation, nature, code }))).toEqual([
      { operation: 'attribution', nature: 'role', code: 'gestionnaire' },
      { operation: 'attribution', nature: 'centre', code: 'PERS-B' },
      { operation: 'retrait', nature: 'commission', code: 'PERS-A1' },
      { operation: 'attribution', nature: 'commission', code: commissionA2 },
      { operation: 'retrait', nature: 'presidence', code: 'PERS-A1' },
    ]);
    expect(nouvelles.every((n) => (n.auteur as { login: string }).login === 'premier.admin')).toBe(true);
    // The session of the changed account sees its new scope on its next request.
    expect(await visibles(tokens['membre.a1'])).toEqual(sorted(candidatures.a2, candidatures.b1));
    // Deactivation is in the history too.
    const b1 = (await api(t, admin).get(`admin/utilisateurs/${ids['membre.b1']}/habilitations`).expect(200)).body.items as Body[];
    expect(b1.slice(0, 2).map(({ operation, nature }) => ({ operation, nature }))).toEqual([
      { operation: 'attribution', nature: 'compte' },
      { operation: 'retrait', nature: 'compte' },
    ]);
    await api(t, admin).get('admin/utilisateurs/999999/habilitations').expect(404);
  });

  describe('campaign switches (part 9)', () => {
    const campagneBody = () => ({ code: campagne.code, libelle: campagne.libelle, dateDebut: campagne.dateDebut, dateFin: campagne.dateFin });
    const modifier = async (extra: Body, status: number) => {
      const lue = await api(t, admin).get(`offre/gestion/campagnes/${campagne.id}`).expect(200);
      return api(t, admin).put(`offre/gestion/campagnes/${campagne.id}`, { ...campagneBody(), ...extra }).set('If-Match', lue.headers.etag as string).expect(status);
    };
    const nouveauCompte = (email: string) =>
      request(t.http).post('/api/comptes').send({ nom: 'Martin', prenom: 'Élise', email, emailConfirmation: email, password: PASSWORD, passwordConfirmation: PASSWORD });

    it('closes account creation to non-CAS candidates when the campaign says so', async () => {
      const ferme = await modifier({ creationComptesHorsCas: false }, 200);
      expect(ferme.body).toMatchObject({ creationComptesHorsCas: false, dateFinCandidat: null });
      const refus = await nouveauCompte('hors.cas@example.org').expect(403);
      expect(refus.body).toMatchObject({ code: 'CREATION_COMPTE_CAS_UNIQUEMENT', detail: expect.stringContaining('CAS') });
      expect(refus.headers['content-type']).toMatch(/application\/problem\+json/);
      // CAS stays the way in: a student's first CAS login opens their account.
      expect((await parCas(ETUDIANT, 'candidat')).status).toBe(302);
      // Absent, the switch is open again (the PUT replaces the campaign's settings).
      expect((await modifier({}, 200)).body.creationComptesHorsCas).toBe(true);
      await nouveauCompte('hors.cas@example.org').expect(202);
    });

    it('after the last day for candidates, a candidate cannot log in; staff still can', async () => {
      const invalide = await modifier({ dateFinCandidat: '2027-12-30' }, 400);
      expect(invalide.body.errors).toEqual([{ field: 'dateFinCandidat', message: expect.stringContaining('31/12/2027') }]);
      expect((await modifier({ dateFinCandidat: '2027-12-31' }, 200)).body.dateFinCandidat).toBe('2027-12-31');
      const candidat = await candidatComplet(t, campagne, 'Delta', 'Yann');
      const connexion = () => request(t.http).post('/api/auth/login').send({ login: candidat.numero, password: CANDIDAT_PASSWORD });
      t.clock.set('2027-12-31T22:00:00Z'); // 23:00 in Paris: still the last day
      await connexion().expect(200);
      t.clock.set('2027-12-31T23:30:00Z'); // 00:30 on 1 January in Paris
      const refus = await connexion().expect(403);
      expect(refus.body).toMatchObject({ code: 'CONNEXION_CANDIDAT_FERMEE', detail: expect.stringContaining('01/01/2028') });
      // A wrong password still gets the same 401 as ever: the closing says nothing of unknown accounts.
      await request(t.http).post('/api/auth/login').send({ login: candidat.numero, password: 'pas le bon mot de passe' }).expect(401);
      await login(t, 'scol.centrale', PASSWORD);
      // The same through CAS: the student is refused, staff log in.
      const casRefus = await parCas(ETUDIANT, 'candidat');
      expect(casRefus.status).toBe(403);
      expect(casRefus.body.code).toBe('CONNEXION_CANDIDAT_FERMEE');
      expect((await parCas({ user: 'gest.a', attributes: {} }, 'gestion')).status).toBe(302);
      t.clock.set(NOW);
    });
  });
});
