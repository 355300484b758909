import request from 'supertest';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { Candidature, StatutDossier } from '../src/candidature/entities/candidature.entity';
import { Role } from '../src/common/auth/roles';
import { JobsService } from '../src/jobs/jobs.service';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { TypeTraitement } from '../src/offre/entities/formation.entity';
import { bearer } from './support/api';
import { STAFF_PASSWORD, createCandidat, createStaff } from './support/factories';
import { creerOffre } from './support/offre';
import { TestApp, startTestApp } from './support/test-app';

type Body = Record<string, unknown>;

/** Mid-September 2026 in Paris: the institution sets up its first campaign, which opens on 1 October. */
const START = '2026-09-15T10:00:00Z';
const PASSWORD = 'une phrase de passe toute simple';
/** The two formations' dates (the second has a confirmation delay instead of a date) */
const DATES_A = {
  dateDebutCandidature: '2027-01-15',
  dateFinCandidature: '2027-03-31',
  dateRetour: '2027-04-10',
  dateAnalyse: '2027-04-01',
  dateJury: '2027-04-12',
  datePublication: '2027-04-13',
  dateConfirmation: '2027-04-20',
};
const DATES_B = { dateDebutCandidature: '2027-02-01', dateFinCandidature: '2027-04-30', dateRetour: '2027-05-05', delaiConfirmation: 10 };

describe('Campaigns: set-up by staff, the window for accounts, the archiving job', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const api = (name: string) => ({
    get: (path = '') => request(t.http).get(`/api/offre/gestion/campagnes${path}`).set(bearer(tokens[name])),
    post: (path: string, body: Body = {}) => request(t.http).post(`/api/offre/gestion/campagnes${path}`).set(bearer(tokens[name])).send(body),
    put: (path: string, body: Body, version?: number) => {
      const req = request(t.http).put(`/api/offre/gestion/campagnes${path}`).set(bearer(tokens[name]));
      return (version === undefined ? req : req.set('If-Match', `"${version}"`)).send(body);
    },
  });
  const campagne = (id: number) => t.dataSource.getRepository(Campagne).findOneByOrFail({ id });
  const createAccount = (email: string) =>
    request(t.http).post('/api/comptes').send({ nom: 'Martin', prenom: 'Élise', email, emailConfirmation: email, password: PASSWORD, passwordConfirmation: PASSWORD });
  const runJob = async () => JSON.parse((await t.app.get(JobsService).trigger('archivage-campagnes'))!.counts!) as Record<string, number>;

  const campagne2027 = { code: '2027', libelle: 'Campagne 2027', dateDebut: '2026-10-01', dateFin: '2027-09-30' };
  const campagne2028 = { code: '2028', libelle: 'Campagne 2028', dateDebut: '2027-10-01', dateFin: '2028-09-30' };

  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set(START);
    const accounts: [string, Role, string[]][] = [
      ['scol', Role.SCOL_CENTRALE, []],
      ['admin', Role.ADMIN, []],
      ['gest', Role.GESTIONNAIRE, ['CAMP']],
      ['membre', Role.COMMISSION, []],
    ];
    for (const [login, role, centres] of accounts) await createStaff(t, [role], `campagnes-${login}`, { centres });
  });
  // Sessions end after 12 hours and these tests travel in time: everyone logs in again at each test's start.
  const loginAll = async () => {
    for (const login of ['scol', 'admin', 'gest', 'membre']) {
      tokens[login] = (await request(t.http).post('/api/auth/login').send({ login: `campagnes-${login}`, password: STAFF_PASSWORD }).expect(200)).body.token;
    }
  };
  beforeEach(loginAll);
  afterAll(() => t?.close());

  it('puts the very first campaign in service at once (its planned date is moot), with its ETag', async () => {
    const res = await api('scol').post('', { ...campagne2027, dateActivationPrevue: '2026-09-20' }).expect(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual({
      id: expect.any(Number),
      ...campagne2027,
      dateActivationPrevue: null,
      campagneAArchiverId: null,
      dateFinCandidat: null,
      creationComptesHorsCas: true,
      enService: true,
      activeeAt: '2026-09-15T10:00:00.000Z',
      archiveeAt: null,
      version: 1,
    });
    ids.c2027 = res.body.id;
    expect(await campagne(ids.c2027)).toMatchObject({ enService: true, activeeAt: new Date(START), archiveeAt: null, version: 1 });
    const read = await api('admin').get(`/${ids.c2027}`).expect(200);
    expect([read.headers.etag, read.body]).toEqual(['"1"', res.body]);
  });

  it('refuses account creation before the campaign opens and after it closes (422 CAMPAGNE_FERMEE), Paris days inclusive', async () => {
    const comptes = t.dataSource.getRepository(CompteCandidat);
    const early = await createAccount('tot@example.org').expect(422);
    expect(early.body).toMatchObject({
      code: 'CAMPAGNE_FERMEE',
      detail: 'La campagne de candidature Campagne 2027 ouvrira le 01/10/2026 : vous ne pouvez pas encore créer de compte ni déposer de candidature.',
    });
    // 1 October 00:30 in Paris is still 30 September in UTC.
    t.clock.set('2026-09-30T22:30:00Z');
    await createAccount('premier-jour@example.org').expect(202);
    // The last day until midnight in Paris, then closed.
    t.clock.set('2027-09-30T21:59:00Z');
    await createAccount('dernier-jour@example.org').expect(202);
    t.clock.set('2027-09-30T22:00:00Z');
    const late = await createAccount('tard@example.org').expect(422);
    expect(late.body).toMatchObject({
      status: 422,
      code: 'CAMPAGNE_FERMEE',
      detail: 'La campagne de candidature Campagne 2027 est close depuis le 01/10/2027 : vous ne pouvez plus créer de compte ni déposer de candidature.',
    });
    // The same answer for an address that has an account: nothing is revealed.
    const known = (await createAccount('premier-jour@example.org').expect(422)).body;
    expect({ ...known, requestId: null }).toEqual({ ...late.body, requestId: null });
    expect((await comptes.find({ order: { id: 'ASC' } })).map((c) => c.email)).toEqual(['premier-jour@example.org', 'dernier-jour@example.org']);
    t.clock.set(START);
  });

  it('refuses changes by gestionnaires (403 from the service; they may read) and any access by other roles (403 from the guard)', async () => {
    expect((await api('gest').get().expect(200)).body.items.map((c: { code: string }) => c.code)).toEqual(['2027']);
    await api('gest').get(`/${ids.c2027}`).expect(200);
    for (const call of [
      api('gest').post('', { ...campagne2028, code: 'GEST' }),
      api('gest').put(`/${ids.c2027}`, { ...campagne2027, libelle: 'Renommée' }, 1),
      api('gest').post(`/${ids.c2027}/activation`),
    ]) {
      const res = await call.expect(403);
      expect(res.body).toMatchObject({ code: 'CAMPAGNES_RESERVEES_SCOLARITE', detail: expect.stringContaining('scolarité centrale') });
    }
    const membre = await api('membre').get().expect(403);
    expect(membre.body).not.toHaveProperty('items');
    expect(JSON.stringify(membre.body)).not.toContain('2027');
    await request(t.http).get('/api/offre/gestion/campagnes').expect(401);
    expect(await t.dataSource.getRepository(Campagne).count()).toBe(1);
    expect(await campagne(ids.c2027)).toMatchObject({ libelle: 'Campagne 2027', version: 1 });
  });

  it('answers field errors in French (400), a taken code with 409', async () => {
    const bad = await api('scol').post('', { ...campagne2028, dateFin: '2027-09-30', dateActivationPrevue: '2026-09-14', campagneAArchiverId: 999 }).expect(400);
    expect(bad.body.errors).toEqual([
      { field: 'dateFin', message: 'ne doit pas précéder la date de début (01/10/2027)' },
      { field: 'dateActivationPrevue', message: "ne doit pas être passée : au plus tôt aujourd'hui (15/09/2026)" },
      { field: 'campagneAArchiverId', message: `doit désigner la campagne en service (« 2027 », id ${ids.c2027})` },
    ]);
    const shape = await api('scol').post('', { code: 'pas de blancs', libelle: '', dateDebut: '2027-02-30', dateFin: 'demain' }).expect(400);
    expect(Object.fromEntries((shape.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]))).toEqual({
      code: expect.stringContaining('doit être un code'),
      libelle: 'est obligatoire',
      dateDebut: 'doit être une date au format AAAA-MM-JJ',
      dateFin: 'doit être une date au format AAAA-MM-JJ',
    });
    const taken = await api('admin').post('', { ...campagne2028, code: '2027' }).expect(409);
    expect(taken.body).toMatchObject({ code: 'CODE_DEJA_UTILISE', detail: expect.stringContaining('« 2027 »') });
    expect(await t.dataSource.getRepository(Campagne).count()).toBe(1);
  });

  it('creates the next campaign, planned and naming the one to archive; it waits for its day; changes need If-Match', async () => {
    const res = await api('scol').post('', { ...campagne2028, dateActivationPrevue: '2027-09-15', campagneAArchiverId: ids.c2027 }).expect(201);
    ids.c2028 = res.body.id;
    expect(res.body).toMatchObject({ ...campagne2028, dateActivationPrevue: '2027-09-15', campagneAArchiverId: ids.c2027, enService: false, activeeAt: null, archiveeAt: null, version: 1 });
    expect((await campagne(ids.c2027)).enService).toBe(true);

    const listed = await api('admin').get().expect(200);
    expect(listed.body).toMatchObject({ page: 1, limit: 20, total: 2 });
    expect(listed.body.items.map((c: { code: string }) => c.code)).toEqual(['2028', '2027']);

    const change = { ...campagne2028, libelle: 'Campagne 2028-2029', dateActivationPrevue: '2027-09-15', campagneAArchiverId: ids.c2027 };
    expect((await api('scol').put(`/${ids.c2028}`, change).expect(428)).body.status).toBe(428);
    expect((await api('scol').put(`/${ids.c2028}`, change, 7).expect(412)).body.status).toBe(412);
    const changed = await api('scol').put(`/${ids.c2028}`, change, 1).expect(200);
    expect([changed.headers.etag, changed.body.libelle, changed.body.version]).toEqual(['"2"', 'Campagne 2028-2029', 2]);
    await api('scol').put(`/${ids.c2028}`, { ...change, libelle: 'Trop tard' }, 1).expect(412);
    const selfArchive = await api('scol').put(`/${ids.c2027}`, { ...campagne2027, campagneAArchiverId: ids.c2027 }, 1).expect(400);
    expect(selfArchive.body.errors).toEqual([{ field: 'campagneAArchiverId', message: expect.stringContaining('ne peut plus changer') }]);
    expect(await campagne(ids.c2028)).toMatchObject({ libelle: 'Campagne 2028-2029', version: 2, enService: false });
  });

  it('the job, on the planned day, puts the next campaign in service, archives the old one and freezes its candidatures’ dates; once', async () => {
    const adresse = { ligne1: '1 rue de Blois', codePostal: '45067', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' };
    const offre = await creerOffre(t, tokens.scol, { centre: { code: 'CAMP', libelle: 'Centre CAMP' }, commission: { code: 'CAMP-COM', libelle: 'Commission CAMP', adresse, email: undefined }, dates: {} });
    // On paper (the centre's default), each with its own calendar.
    const formation = (code: string, dates: Body) => offre.formation({ code, libelle: `Master ${code}`, demat: undefined, ...dates });
    const formations = { [await formation('M-A', DATES_A)]: DATES_A, [await formation('M-B', DATES_B)]: DATES_B } as Record<number, Body>;
    const [fa, fb] = Object.keys(formations).map(Number);

    const old = await campagne(ids.c2027);
    const now = t.clock.now();
    const repo = t.dataSource.getRepository(Candidature);
    for (const formationId of [fa, fa, fb]) {
      const compte = await createCandidat(t, old);
      await repo.insert({
        campagneId: old.id,
        compteCandidatId: compte.id,
        formationId,
        statutDossier: StatutDossier.AT,
        statutDossierAt: now,
        typeTraitement: TypeTraitement.AC,
        typeTraitementValide: true,
        createdAt: now,
        transmiseAt: null,
        annuleeAt: null,
        annuleePar: null,
        nonAnnulee: true,
        datesArchivees: null,
        version: 1,
      });
    }

    // The day before (Paris): nothing happens.
    t.clock.set('2027-09-14T21:00:00Z');
    expect(await runJob()).toEqual({ campagnesActivees: 0, campagnesArchivees: 0, candidaturesArchivees: 0 });
    expect((await campagne(ids.c2027)).enService).toBe(true);

    // 00:05 on 15 September in Paris
    t.clock.set('2027-09-14T22:05:00Z');
    await loginAll();
    expect(await runJob()).toEqual({ campagnesActivees: 1, campagnesArchivees: 1, candidaturesArchivees: 3 });
    expect(await campagne(ids.c2028)).toMatchObject({ enService: true, activeeAt: new Date('2027-09-14T22:05:00Z'), archiveeAt: null });
    expect(await campagne(ids.c2027)).toMatchObject({ enService: false, archiveeAt: new Date('2027-09-14T22:05:00Z') });
    const archived = await repo.find({ where: { campagneId: ids.c2027 }, order: { id: 'ASC' } });
    expect(archived).toHaveLength(3);
    const full = (dates: Body) => ({ dateAnalyse: null, dateJury: null, datePublication: null, dateConfirmation: null, delaiConfirmation: null, ...dates });
    for (const c of archived) {
      expect(JSON.parse(c.datesArchivees!)).toEqual(full(formations[c.formationId]));
      expect(c.version).toBe(2);
    }

    // Again (tonight's second tick, or another instance): nothing changes.
    const before = { campagnes: await t.dataSource.getRepository(Campagne).find({ order: { id: 'ASC' } }), candidatures: await repo.find({ order: { id: 'ASC' } }) };
    t.clock.advance({ hours: 1 });
    expect(await runJob()).toEqual({ campagnesActivees: 0, campagnesArchivees: 0, candidaturesArchivees: 0 });
    expect({ campagnes: await t.dataSource.getRepository(Campagne).find({ order: { id: 'ASC' } }), candidatures: await repo.find({ order: { id: 'ASC' } }) }).toEqual(before);

    // Accounts now go to the new campaign, which opens on 1 October.
    expect((await createAccount('nouvelle@example.org').expect(422)).body.detail).toMatch(/^La campagne de candidature Campagne 2028-2029 ouvrira le 01\/10\/2027/);

    await loginAll();
    const jobs = await request(t.http).get('/api/admin/jobs').set(bearer(tokens.admin)).expect(200);
    expect(jobs.body.find((j: { name: string }) => j.name === 'archivage-campagnes')).toMatchObject({ schedule: '0 5 0 * * *', description: expect.stringContaining('archive'), lastRun: { status: 'SUCCES' } });
  });

  it('puts a campaign in service by hand (the same switch), refuses an archived one and any change to it', async () => {
    const next = await api('scol').post('', { code: '2029', libelle: 'Campagne 2029', dateDebut: '2028-10-01', dateFin: '2029-09-30', campagneAArchiverId: ids.c2028 }).expect(201);
    expect(next.body).toMatchObject({ enService: false, dateActivationPrevue: null });
    await api('gest').post(`/${next.body.id}/activation`).expect(403);
    expect((await campagne(ids.c2028)).enService).toBe(true);

    const activated = await api('admin').post(`/${next.body.id}/activation`).expect(200);
    expect(activated.body).toMatchObject({ id: next.body.id, enService: true, activeeAt: t.clock.now().toISOString() });
    expect(activated.headers.etag).toBe(`"${activated.body.version}"`);
    expect(await campagne(ids.c2028)).toMatchObject({ enService: false, archiveeAt: t.clock.now() });
    expect((await api('admin').post(`/${next.body.id}/activation`).expect(200)).body).toEqual(activated.body);
    expect(await t.dataSource.getRepository(Campagne).countBy({ enService: true })).toBe(1);

    const archived = await api('scol').post(`/${ids.c2027}/activation`).expect(422);
    expect(archived.body).toMatchObject({ code: 'CAMPAGNE_ARCHIVEE', detail: expect.stringContaining('Campagne 2027') });
    const current = await api('scol').get(`/${ids.c2027}`).expect(200);
    expect((await api('scol').put(`/${ids.c2027}`, campagne2027, current.body.version).expect(422)).body.code).toBe('CAMPAGNE_ARCHIVEE');
    await api('scol').get('/999999').expect(404);
  });
});
