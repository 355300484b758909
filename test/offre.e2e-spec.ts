import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { CentreCandidature } from '../src/offre/entities/centre-candidature.entity';
import { Commission } from '../src/offre/entities/commission.entity';
import { Formation } from '../src/offre/entities/formation.entity';
import { OffreVersion } from '../src/offre/entities/offre-version.entity';
import { bearer } from './support/api';
import { staffConnecte } from './support/parcours';
import { ScratchDatabase, createScratchDatabase } from '../scripts/lib/scratch-database';
import { TestApp, startTestApp } from './support/test-app';

/** Late November 2026 in Paris: the demo campaign's application windows are open. */
const NOW = '2026-11-20T10:00:00Z';

type Body = Record<string, unknown>;
let sequence = 0;
const uniq = (prefix: string) => `${prefix}${++sequence}`;

const centreBody = (code: string, extra: Body = {}): Body => ({ code, libelle: `Centre ${code}`, contactEmail: 'scol@univ.test', ...extra });
const adresseFr = { ligne1: '1 A rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' };
const commissionBody = (centreId: number, code: string, extra: Body = {}): Body => ({
  centreId,
  code,
  libelle: `Commission ${code}`,
  adresse: adresseFr,
  email: 'admission@univ.test',
  signataire: 'Martine BODUSSEAU',
  ...extra,
});
const DATES = {
  dateDebutCandidature: '2026-11-15',
  dateFinCandidature: '2027-03-31',
  dateRetour: '2027-04-07',
  dateAnalyse: '2027-04-01',
  dateJury: '2027-05-15',
  datePublication: '2027-05-20',
  dateConfirmation: '2027-06-10',
};
const formationBody = (commissionId: number, code: string, extra: Body = {}): Body => ({
  commissionId,
  code,
  libelle: `Master ${code}`,
  typeDiplome: 'MAS',
  typeTraitement: 'AC',
  ...DATES,
  ...extra,
});

describe('Offer set-up by staff and the public offer tree', () => {
  let t: TestApp;
  // A file, not memory, on SQLite: the invalidation test starts a second instance on the same database.
  let database: ScratchDatabase;
  const tokens: Record<string, string> = {};
  const api = (name: string) => ({
    get: (path: string) => request(t.http).get(`/api/offre/gestion/${path}`).set(bearer(tokens[name])),
    post: (path: string, body: Body) => request(t.http).post(`/api/offre/gestion/${path}`).set(bearer(tokens[name])).send(body),
    put: (path: string, body: Body, version?: number) => {
      const req = request(t.http).put(`/api/offre/gestion/${path}`).set(bearer(tokens[name]));
      return (version === undefined ? req : req.set('If-Match', `"${version}"`)).send(body);
    },
  });
  const offreVersion = async () => (await t.dataSource.getRepository(OffreVersion).findOneByOrFail({ id: 1 })).version;
  const fieldsOf = (res: request.Response) => (res.body.errors as { field: string }[]).map((e) => e.field);

  // Codes of the two centres the gestionnaires work on
  const MIEN = 'MIEN';
  const AUTRE = 'AUTRE';
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    database = await createScratchDatabase(undefined, { sqliteFile: true });
    t = await startTestApp({}, { database });
    t.clock.set(NOW);
    Object.assign(
      tokens,
      await staffConnecte(t, {
        scol: ['offre-scol', [Role.SCOL_CENTRALE]],
        admin: ['offre-admin', [Role.ADMIN]],
        gest: ['offre-gest', [Role.GESTIONNAIRE], { centres: [MIEN] }],
        membre: ['offre-membre', [Role.COMMISSION]],
      }),
    );
    for (const code of [MIEN, AUTRE]) ids[code] = (await api('scol').post('centres', centreBody(code)).expect(201)).body.id;
    ids[`${MIEN}-COMM`] = (await api('scol').post('commissions', commissionBody(ids[MIEN], `${MIEN}-COMM`)).expect(201)).body.id;
    ids[`${AUTRE}-COMM`] = (await api('scol').post('commissions', commissionBody(ids[AUTRE], `${AUTRE}-COMM`)).expect(201)).body.id;
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  describe('centres', () => {
    it('lets scolarité centrale and admin create centres (201, ETag "1", offer version bumped); a duplicate code is a 409', async () => {
      const before = await offreVersion();
      const code = uniq('CTR');
      const res = await api('admin').post('centres', centreBody(code.toLowerCase(), { maxVoeux: 3, dematDefaut: false })).expect(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toEqual({ id: expect.any(Number), code, libelle: `Centre ${code.toLowerCase()}`, contactEmail: 'scol@univ.test', contactTelephone: null, maxVoeux: 3, dematDefaut: false, copieMailsCandidats: false, actif: true, version: 1 });
      expect(await t.dataSource.getRepository(CentreCandidature).findOneBy({ id: res.body.id })).toMatchObject({ code, maxVoeux: 3, dematDefaut: false, version: 1 });
      expect(await offreVersion()).toBe(before + 1);

      const duplicate = await api('scol').post('centres', centreBody(code)).expect(409);
      expect(duplicate.body).toMatchObject({ code: 'CODE_DEJA_UTILISE', detail: expect.stringContaining(code) });
      expect(await offreVersion()).toBe(before + 1);
    });

    it('refuses a gestionnaire creating or changing a centre (403, French detail) and shows them only their centres', async () => {
      const created = await api('gest').post('centres', centreBody(uniq('GEST'))).expect(403);
      expect(created.body).toMatchObject({ status: 403, code: 'CENTRES_RESERVES_SCOLARITE', detail: expect.stringContaining('scolarité centrale') });
      await api('gest').put(`centres/${ids[MIEN]}`, centreBody(MIEN, { libelle: 'Renommé' }), 1).expect(403);
      expect(await t.dataSource.getRepository(CentreCandidature).findOneBy({ id: ids[MIEN] })).toMatchObject({ libelle: `Centre ${MIEN}`, version: 1 });

      const mine = await api('gest').get('centres').expect(200);
      expect(mine.body).toEqual({ items: [expect.objectContaining({ code: MIEN })], page: 1, limit: 20, total: 1 });
      const all = await api('scol').get('centres?limit=200').expect(200);
      expect(all.body.items.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining([MIEN, AUTRE]));
      await api('membre').get('centres').expect(403);
    });

    it('changes a centre with the If-Match of its version; stale 412, missing 428, code change 422, nothing written', async () => {
      const code = uniq('PUT');
      const { id } = (await api('scol').post('centres', centreBody(code)).expect(201)).body;
      const changed = await api('scol').put(`centres/${id}`, centreBody(code, { libelle: 'Nouveau libellé', actif: false }), 1).expect(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.body).toMatchObject({ id, libelle: 'Nouveau libellé', actif: false, contactTelephone: null, version: 2 });

      expect((await api('scol').put(`centres/${id}`, centreBody(code, { libelle: 'Perdu' }), 1).expect(412)).body.code).toBe('VERSION_PERIMEE');
      expect((await api('scol').put(`centres/${id}`, centreBody(code, { libelle: 'Perdu' })).expect(428)).body.code).toBe('IF_MATCH_REQUIS');
      const renamed = await api('scol').put(`centres/${id}`, centreBody(`${code}X`), 2).expect(422);
      expect(renamed.body).toMatchObject({ code: 'CODE_NON_MODIFIABLE', errors: [{ field: 'code' }] });
      expect(await t.dataSource.getRepository(CentreCandidature).findOneBy({ id })).toMatchObject({ code, libelle: 'Nouveau libellé', version: 2 });
      await api('scol').put('centres/999999', centreBody(code), 1).expect(404);
    });
  });

  describe('commissions', () => {
    it('lets a gestionnaire create and change commissions of their centre only (other centre: 403, nothing stored)', async () => {
      const code = uniq('COMM');
      const res = await api('gest').post('commissions', commissionBody(ids[MIEN], code, { commentaireCandidat: 'Joindre une lettre.' })).expect(201);
      expect(res.body).toMatchObject({ centreId: ids[MIEN], centreCode: MIEN, code, adresse: { ...adresseFr, ligne2: null, ligne3: null }, alerte: true, commentaireCandidat: 'Joindre une lettre.', version: 1 });

      const other = await api('gest').post('commissions', commissionBody(ids[AUTRE], uniq('COMM'))).expect(403);
      expect(other.body).toMatchObject({ code: 'CENTRE_HORS_PERIMETRE', detail: expect.stringContaining('périmètre') });
      await api('gest').put(`commissions/${ids[`${AUTRE}-COMM`]}`, commissionBody(ids[AUTRE], `${AUTRE}-COMM`, { libelle: 'x' }), 1).expect(403);
      // Moving one's commission to another centre would take it out of one's scope.
      await api('gest').put(`commissions/${res.body.id}`, commissionBody(ids[AUTRE], code), 1).expect(403);
      expect(await t.dataSource.getRepository(Commission).countBy({ centreId: ids[AUTRE] })).toBe(1);

      const changed = await api('gest').put(`commissions/${res.body.id}`, commissionBody(ids[MIEN], code, { alerte: false }), 1).expect(200);
      expect(changed.body).toMatchObject({ alerte: false, commentaireCandidat: null, version: 2 });
      const listed = await api('gest').get('commissions?limit=200').expect(200);
      expect(listed.body.items.every((c: { centreCode: string }) => c.centreCode === MIEN)).toBe(true);
      expect(listed.body.items.map((c: { code: string }) => c.code)).toContain(code);
      expect((await api('gest').get(`commissions?centre=${AUTRE}`).expect(200)).body.total).toBe(0);
      expect((await api('scol').get(`commissions?centre=${AUTRE}`).expect(200)).body.items.map((c: { code: string }) => c.code)).toEqual([`${AUTRE}-COMM`]);
    });

    it('checks the address: in France a 5-digit postal code and a known commune; abroad a city and no commune', async () => {
      const cases: [string, Body][] = [
        ['adresse.commune', { ...adresseFr, commune: undefined }],
        ['adresse.commune', { ...adresseFr, commune: '99999' }],
        ['adresse.codePostal', { ...adresseFr, codePostal: '4507' }],
        ['adresse.pays', { ligne1: 'Rue de la Loi 1', ville: 'Bruxelles', pays: 'XX' }],
        ['adresse.ville', { ligne1: 'Rue de la Loi 1', pays: 'BE' }],
        ['adresse.commune', { ligne1: 'Rue de la Loi 1', ville: 'Bruxelles', commune: '45234', pays: 'BE' }],
        ['adresse.ligne1', { ...adresseFr, ligne1: 'x'.repeat(39) }],
        ['adresse', undefined as unknown as Body],
      ];
      for (const [field, adresse] of cases) {
        const res = await api('scol').post('commissions', commissionBody(ids[MIEN], uniq('ADR'), { adresse })).expect(400);
        expect({ field, fields: fieldsOf(res) }).toEqual({ field, fields: [field] });
      }
      await api('scol').post('commissions', commissionBody(ids[MIEN], uniq('ADR'), { adresse: { ligne1: 'Rue de la Loi 1', ville: 'Bruxelles', pays: 'BE' } })).expect(201);
      expect(fieldsOf(await api('scol').post('commissions', commissionBody(999999, uniq('ADR'))).expect(400))).toEqual(['centreId']);
    });
  });

  describe('formations', () => {
    it('lets a gestionnaire create formations in their centre (mode from the centre by default), not in another', async () => {
      const code = uniq('F');
      const res = await api('gest').post('formations', formationBody(ids[`${MIEN}-COMM`], code, { delaiConfirmation: undefined })).expect(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({ code, centreCode: MIEN, demat: true, typeTraitement: 'AC', ...DATES, delaiConfirmation: null, actif: true, version: 1 });
      const paperCentre = (await api('scol').post('centres', centreBody(uniq('PAP'), { dematDefaut: false })).expect(201)).body.id;
      const paperComm = (await api('scol').post('commissions', commissionBody(paperCentre, uniq('PAPC'))).expect(201)).body.id;
      expect((await api('scol').post('formations', formationBody(paperComm, uniq('F'))).expect(201)).body.demat).toBe(false);
      expect((await api('scol').post('formations', formationBody(paperComm, uniq('F'), { demat: true })).expect(201)).body.demat).toBe(true);

      const other = await api('gest').post('formations', formationBody(ids[`${AUTRE}-COMM`], uniq('F'))).expect(403);
      expect(other.body.code).toBe('CENTRE_HORS_PERIMETRE');
      const theirs = (await api('scol').post('formations', formationBody(ids[`${AUTRE}-COMM`], uniq('F'))).expect(201)).body;
      await api('gest').put(`formations/${theirs.id}`, formationBody(ids[`${AUTRE}-COMM`], theirs.code, { libelle: 'x' }), 1).expect(403);
      await api('gest').put(`formations/${res.body.id}`, formationBody(ids[`${AUTRE}-COMM`], code), 1).expect(403);
      expect(await t.dataSource.getRepository(Formation).findOneBy({ id: res.body.id })).toMatchObject({ commissionId: ids[`${MIEN}-COMM`], version: 1 });
      expect((await api('gest').get(`formations?limit=200`).expect(200)).body.items.every((f: { centreCode: string }) => f.centreCode === MIEN)).toBe(true);
      expect((await api('scol').get(`formations?commissionId=${ids[`${AUTRE}-COMM`]}`).expect(200)).body.items.map((f: { code: string }) => f.code)).toContain(theirs.code);
    });

    it('names each broken date rule of the reference system in a 400, and stores nothing', async () => {
      const cases: [string, Body][] = [
        ['dateFinCandidature', { dateFinCandidature: '2026-11-14' }],
        ['dateAnalyse', { dateAnalyse: '2027-03-30' }],
        ['dateRetour', { dateRetour: '2027-03-30', dateAnalyse: undefined }],
        ['dateJury', { dateJury: '2027-04-06' }],
        ['datePublication', { datePublication: '2027-05-14' }],
        ['datePublication', { dateJury: undefined, datePublication: '2027-04-06' }],
        ['dateConfirmation', { dateConfirmation: '2027-05-19' }],
        ['dateConfirmation', { dateConfirmation: undefined }],
        ['delaiConfirmation', { delaiConfirmation: 15 }],
        ['dateDebutCandidature', { dateDebutCandidature: '2027-02-30' }],
        ['dateRetour', { dateRetour: '07/04/2027' }],
        ['dateRetour', { dateRetour: undefined }],
        ['typeDiplome', { typeDiplome: 'XYZ' }],
        ['typeTraitement', { typeTraitement: 'AX' }],
        ['code', { code: 'avec espace' }],
        ['commissionId', { commissionId: 999999 }],
      ];
      const before = await t.dataSource.getRepository(Formation).count();
      for (const [field, change] of cases) {
        const res = await api('scol').post('formations', formationBody(ids[`${MIEN}-COMM`], uniq('D'), change)).expect(400);
        expect({ field, fields: fieldsOf(res), status: res.body.status }).toEqual({ field, fields: [field], status: 400 });
        expect(res.body.errors[0].message).toMatch(/[a-zé]/);
      }
      const misordered = await api('scol').post('formations', formationBody(ids[`${MIEN}-COMM`], uniq('D'), { dateJury: '2027-04-06' })).expect(400);
      expect(misordered.body.detail).toBe('Le champ « dateJury » est invalide : ne peut pas précéder la date limite de retour (2027-04-07).');
      expect(await t.dataSource.getRepository(Formation).count()).toBe(before);
      // Equal dates are fine (inclusive bounds), and a delay replaces the date.
      const d = '2027-03-31';
      await api('scol')
        .post('formations', formationBody(ids[`${MIEN}-COMM`], uniq('D'), { dateDebutCandidature: d, dateFinCandidature: d, dateRetour: d, dateAnalyse: d, dateJury: d, datePublication: d, dateConfirmation: undefined, delaiConfirmation: 8 }))
        .expect(201);
    });

    it('changes a formation with If-Match; a stale version is a 412 and the date rules apply to changes too', async () => {
      const code = uniq('F');
      const { id } = (await api('gest').post('formations', formationBody(ids[`${MIEN}-COMM`], code)).expect(201)).body;
      const changed = await api('gest').put(`formations/${id}`, formationBody(ids[`${MIEN}-COMM`], code, { libelle: 'Titre changé', capacite: 24 }), 1).expect(200);
      expect(changed.body).toMatchObject({ libelle: 'Titre changé', capacite: 24, version: 2 });
      expect(changed.headers.etag).toBe('"2"');
      expect((await api('gest').put(`formations/${id}`, formationBody(ids[`${MIEN}-COMM`], code), 1).expect(412)).body.code).toBe('VERSION_PERIMEE');
      expect(fieldsOf(await api('gest').put(`formations/${id}`, formationBody(ids[`${MIEN}-COMM`], code, { dateRetour: '2027-01-01' }), 2).expect(400))).toEqual([
        'dateRetour',
      ]);
      expect(await t.dataSource.getRepository(Formation).findOneBy({ id })).toMatchObject({ libelle: 'Titre changé', capacite: 24, dateRetour: DATES.dateRetour, version: 2 });
      await api('gest').put('formations/999999', formationBody(ids[`${MIEN}-COMM`], code), 1).expect(404);
    });
  });

  describe('public offer', () => {
    const offre = (query = '', http = t.http) => request(http).get(`/api/offre${query}`).expect(200);
    let centre: string;

    beforeAll(async () => {
      centre = uniq('PUB');
      const centreId = (await api('scol').post('centres', centreBody(centre, { libelle: 'Observatoire des Sciences de l’Univers' })).expect(201)).body.id;
      const commissionId = (await api('scol').post('commissions', commissionBody(centreId, uniq('PUBC'))).expect(201)).body.id;
      const add = (code: string, extra: Body) => api('scol').post('formations', formationBody(commissionId, `${centre}-${code}`, extra)).expect(201);
      await add('M1', { libelle: 'M1 Sciences de la Terre et des Planètes, Environnement', motsCles: 'géologie GEO2env' });
      await add('LP1', { libelle: 'LP Assurance, Banque, Finance', typeDiplome: 'LP', demat: false, dateDebutCandidature: '2026-11-21' });
      await add('LP2', { libelle: 'LP Marchés publics', typeDiplome: 'LP', dateDebutCandidature: '2026-10-01', dateFinCandidature: '2026-11-20' });
      await add('OFF', { libelle: 'Master inactif', actif: false });
      const hidden = uniq('HID');
      const hiddenId = (await api('scol').post('centres', centreBody(hidden, { actif: false })).expect(201)).body.id;
      const hiddenComm = (await api('scol').post('commissions', commissionBody(hiddenId, uniq('HIDC'))).expect(201)).body.id;
      await api('scol').post('formations', formationBody(hiddenComm, `${hidden}-M1`)).expect(201);
    });

    it('is public and answers the tree centre → type de diplôme → formation of active formations of active centres', async () => {
      const res = await offre(`?centre=${centre}`);
      expect(res.body).toEqual({
        centres: [
          {
            code: centre,
            libelle: 'Observatoire des Sciences de l’Univers',
            typesDiplome: [
              {
                code: 'LP',
                libelle: 'Licence professionnelle',
                formations: [
                  expect.objectContaining({ code: `${centre}-LP1`, mode: 'PAPIER', ouverte: false, dateDebutCandidature: '2026-11-21' }),
                  expect.objectContaining({ code: `${centre}-LP2`, mode: 'DEMATERIALISE', ouverte: true }),
                ],
              },
              {
                code: 'MAS',
                libelle: 'Master',
                formations: [
                  {
                    id: expect.any(Number),
                    code: `${centre}-M1`,
                    libelle: 'M1 Sciences de la Terre et des Planètes, Environnement',
                    motsCles: 'géologie GEO2env',
                    mode: 'DEMATERIALISE',
                    ...{ dateDebutCandidature: DATES.dateDebutCandidature, dateFinCandidature: DATES.dateFinCandidature, dateRetour: DATES.dateRetour },
                    dateJury: DATES.dateJury,
                    datePublication: DATES.datePublication,
                    informationsComplementaires: null,
                    ouverte: true,
                  },
                ],
              },
            ],
          },
        ],
      });
      const all = await offre();
      const codes = all.body.centres.map((c: { code: string }) => c.code);
      expect(codes).toContain(centre);
      expect(codes.some((c: string) => c.startsWith('HID'))).toBe(false);
      expect(JSON.stringify(all.body)).not.toContain('Master inactif');
    });

    it('filters by text (accents and case ignored, title or keywords), type de diplôme and ouverte', async () => {
      const codesOf = (res: request.Response) =>
        res.body.centres.flatMap((c: { typesDiplome: { formations: { code: string }[] }[] }) => c.typesDiplome.flatMap((td) => td.formations.map((f) => f.code)));
      expect(codesOf(await offre(`?centre=${centre}&q=PLANETES  terre`))).toEqual([`${centre}-M1`]);
      expect(codesOf(await offre(`?centre=${centre}&q=Géologie`))).toEqual([`${centre}-M1`]);
      expect(codesOf(await offre(`?centre=${centre}&q=marches`))).toEqual([`${centre}-LP2`]);
      expect(codesOf(await offre(`?centre=${centre}&q=introuvable`))).toEqual([]);
      expect(codesOf(await offre(`?centre=${centre}&typeDiplome=lp`))).toEqual([`${centre}-LP1`, `${centre}-LP2`]);
      expect(codesOf(await offre(`?centre=${centre}&ouverte=true`))).toEqual([`${centre}-LP2`, `${centre}-M1`]);
      expect(codesOf(await offre(`?centre=${centre}&ouverte=false`))).toEqual([`${centre}-LP1`]);
      const invalid = await request(t.http).get('/api/offre?ouverte=oui').expect(400);
      expect(invalid.body.errors[0].field).toBe('ouverte');
      // Shared caches may keep the offer as long as an instance does, never an error.
      expect((await offre()).headers['cache-control']).toBe('public, max-age=2');
      expect(invalid.headers['cache-control']).toBe('no-store');

      // Bounds are inclusive days in Europe/Paris: 2026-11-20 23:30 in Paris is still the last day of LP2.
      t.clock.set('2026-11-20T22:30:00Z');
      expect(codesOf(await offre(`?centre=${centre}&ouverte=true`))).toEqual([`${centre}-LP2`, `${centre}-M1`]);
      t.clock.set('2026-11-20T23:30:00Z');
      expect(codesOf(await offre(`?centre=${centre}&ouverte=true`))).toEqual([`${centre}-LP1`, `${centre}-M1`]);
      t.clock.set(NOW);
    });

    it('gives each formation the id a candidate applies with (the one of the staff set-up)', async () => {
      const staff = (await api('scol').get(`formations?centre=${centre}&limit=200`).expect(200)).body.items as { id: number; code: string; actif: boolean }[];
      const offered = (await offre(`?centre=${centre}`)).body.centres[0].typesDiplome.flatMap((td: { formations: { id: number; code: string }[] }) =>
        td.formations.map((f) => ({ id: f.id, code: f.code })),
      );
      expect(offered).toEqual(expect.arrayContaining(staff.filter((f) => f.actif).map((f) => ({ id: f.id, code: f.code }))));
      expect(offered).toHaveLength(staff.filter((f) => f.actif).length);
    });

    it('serves other instances from their snapshot, without SQL, and shows them a staff change after their poll (≤ 2 s)', async () => {
      const other = await startTestApp({}, { database: t.database, clock: t.clock });
      try {
        const titles = async () => (await offre(`?centre=${centre}&typeDiplome=MAS`, other.http)).body.centres[0].typesDiplome[0].formations.map((f: { libelle: string }) => f.libelle);
        expect(await titles()).toEqual(['M1 Sciences de la Terre et des Planètes, Environnement']);

        const queries = jest.spyOn(other.dataSource.logger, 'logQuery');
        try {
          await offre('', other.http);
          await offre(`?q=terre`, other.http);
          expect(queries).not.toHaveBeenCalled();

          // A change through the first instance: visible there at once, on the other one after its poll.
          const m1 = (await api('scol').get(`formations?centre=${centre}&limit=200`).expect(200)).body.items.find((f: { code: string }) => f.code === `${centre}-M1`);
          await api('scol').put(`formations/${m1.id}`, formationBody(m1.commissionId, m1.code, { libelle: 'M1 GEO2env renommé' }), m1.version).expect(200);
          expect((await offre(`?centre=${centre}&q=renomme`)).body.centres).toHaveLength(1);
          expect(await titles()).toEqual(['M1 Sciences de la Terre et des Planètes, Environnement']);
          expect(queries).not.toHaveBeenCalled();

          t.clock.advance({ seconds: 1 });
          expect(await titles()).toEqual(['M1 Sciences de la Terre et des Planètes, Environnement']);
          t.clock.advance({ seconds: 1 });
          expect(await titles()).toEqual(['M1 GEO2env renommé']);
          expect(queries.mock.calls.length).toBeGreaterThan(1);

          // Unchanged offer: the next poll reads the counter row only.
          queries.mockClear();
          await titles();
          expect(queries).not.toHaveBeenCalled();
          t.clock.advance({ seconds: 2 });
          await titles();
          expect(queries).toHaveBeenCalledTimes(1);
          expect(String(queries.mock.calls[0][0])).toMatch(/offre_version/);
        } finally {
          queries.mockRestore();
        }
      } finally {
        await other.close();
        t.clock.set(NOW);
      }
    });
  });
  describe('public detail of a formation', () => {
    const detail = (id: number | string) => request(t.http).get(`/api/offre/formations/${id}`);
    const pieces = '/api/offre/gestion/pieces';
    const piece = async (code: string, extra: Body) =>
      (await request(t.http).post(pieces).set(bearer(tokens.scol)).send({ code, libelle: `Pièce ${code}`, ...extra }).expect(201)).body.id as number;
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
    let centre: string;
    let commission: string;
    const f: Record<string, number> = {};
    const p: Record<string, number> = {};
    /** A paper licence pro in accès de droit, not open yet, confirmed within 8 days of the decision */
    const AD = { libelle: 'LP Assurance', typeDiplome: 'LP', typeTraitement: 'AD', demat: false, dateDebutCandidature: '2026-12-01', dateConfirmation: undefined, delaiConfirmation: 8 };

    beforeAll(async () => {
      centre = uniq('DET');
      commission = `${centre}-COMM`;
      const centreId = (await api('scol').post('centres', centreBody(centre, { libelle: 'UFR Sciences' })).expect(201)).body.id;
      const commissionId = (
        await api('scol')
          .post('commissions', commissionBody(centreId, commission, { libelle: 'OSUC - SCOLARITE', telephone: '02 38 49 46 24', commentaireCandidat: 'Joindre une enveloppe timbrée.' }))
          .expect(201)
      ).body.id;
      const add = async (code: string, extra: Body) => (f[code] = (await api('scol').post('formations', formationBody(commissionId, `${centre}-${code}`, extra)).expect(201)).body.id);
      await add('AC', { libelle: 'M1 GEO2env', informationsComplementaires: 'Entretien en mai.', demat: true });
      await add('AD', AD);
      await add('OFF', { actif: false });
      const hidden = (await api('scol').post('centres', centreBody(uniq('DETH'), { actif: false })).expect(201)).body.id;
      const hiddenComm = (await api('scol').post('commissions', commissionBody(hidden, uniq('DETHC'))).expect(201)).body.id;
      f.HIDDEN = (await api('scol').post('formations', formationBody(hiddenComm, uniq('DETH-F'))).expect(201)).body.id;

      // The institution's common pièce applies to every formation: conditional, with a model document.
      p.INST = await piece(uniq('INST'), { commun: true, conditionnel: true, ordre: 1 });
      await request(t.http)
        .put(`${pieces}/${p.INST}/modele`)
        .set(bearer(tokens.scol))
        .set('If-Match', '"1"')
        .attach('fichier', PDF, { filename: 'attestation-langue.pdf', contentType: 'application/pdf' })
        .expect(200);
      p.CENTRE = await piece(uniq('CTRP'), { commun: true, unicite: true, centreId, ordre: 2 });
      p.SPEC = await piece(uniq('SPEC'), { commun: false, centreId, formationIds: [f.AC], ordre: 3 });
      p.AUTRE = await piece(uniq('AUTP'), { commun: false, centreId, formationIds: [f.AD], ordre: 3 });
      p.INACTIVE = await piece(uniq('INAP'), { commun: true, centreId, actif: false });
      // Accès de droit: a new candidature starts en attente (AT) until staff validate it, so AT pièces are asked, AD ones not yet.
      p.AD = await piece(uniq('ADP'), { commun: true, centreId, typeTraitement: 'AD', ordre: 4 });
      p.AT = await piece(uniq('ATP'), { commun: true, centreId, typeTraitement: 'AT', ordre: 4 });
    });

    it('answers anyone the dates, mode, pièces to provide, informations complémentaires and the commission to contact', async () => {
      const res = await detail(f.AC).expect(200);
      expect(res.headers['cache-control']).toBe('public, max-age=2');
      expect(res.body).toEqual({
        id: f.AC,
        code: `${centre}-AC`,
        libelle: 'M1 GEO2env',
        motsCles: null,
        mode: 'DEMATERIALISE',
        centre: { code: centre, libelle: 'UFR Sciences' },
        typeDiplome: { code: 'MAS', libelle: 'Master' },
        ...DATES,
        delaiConfirmation: null,
        ouverte: true,
        informationsComplementaires: 'Entretien en mai.',
        pieces: [
          { id: p.INST, code: expect.stringMatching(/^INST/), libelle: expect.stringMatching(/^Pièce INST/), conditionnel: true, partagee: true, modele: { nom: 'attestation-langue.pdf', type: 'application/pdf', url: `/api/offre/pieces/${p.INST}/modele` } },
          { id: p.CENTRE, code: expect.any(String), libelle: expect.any(String), conditionnel: false, partagee: false, modele: null },
          { id: p.SPEC, code: expect.any(String), libelle: expect.any(String), conditionnel: false, partagee: false, modele: null },
        ],
        contact: {
          commission: 'OSUC - SCOLARITE',
          adresse: ['OSUC - SCOLARITE', '1 A rue de la Férollerie', '45071 ORLEANS CEDEX 2'],
          email: 'admission@univ.test',
          telephone: '02 38 49 46 24',
        },
        messageCommission: 'Joindre une enveloppe timbrée.',
      });
      // The model's link is the public download route.
      const modele = await request(t.http).get(res.body.pieces[0].modele.url).expect(200);
      expect(modele.headers['content-type']).toBe('application/pdf');
    });

    it('lists the pièces of a new candidature: by the type de traitement it starts with, paper mode, closed window', async () => {
      const res = await detail(f.AD).expect(200);
      expect(res.body).toMatchObject({ mode: 'PAPIER', ouverte: false, dateConfirmation: null, delaiConfirmation: 8, typeDiplome: { code: 'LP', libelle: 'Licence professionnelle' } });
      expect(res.body.pieces.map((x: { id: number }) => x.id)).toEqual([p.INST, p.CENTRE, p.AUTRE, p.AT]);
    });

    it('shows exactly the formations of the public offer, with the same fields: what the offer does not show is a 404', async () => {
      const tree = (await request(t.http).get(`/api/offre?centre=${centre}`).expect(200)).body;
      const listed = tree.centres[0].typesDiplome.flatMap((td: { formations: { id: number }[] }) => td.formations);
      expect(listed.map((x: { id: number }) => x.id).sort()).toEqual([f.AC, f.AD].sort());
      for (const formation of listed) expect((await detail(formation.id).expect(200)).body).toMatchObject(formation);

      for (const id of [f.OFF, f.HIDDEN, 999999]) {
        const missing = await detail(id).expect(404);
        expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(missing.body).toMatchObject({ status: 404, code: 'FORMATION_INTROUVABLE', detail: "Cette formation n'existe pas ou n'est plus proposée." });
      }

      // Withdrawn from the offer by staff: gone from both at once on this instance, and back with it.
      const ac = (await api('scol').get(`formations?centre=${centre}&limit=200`).expect(200)).body.items.find((x: { id: number }) => x.id === f.AC);
      const body = formationBody(ac.commissionId, ac.code, { libelle: ac.libelle, demat: true, informationsComplementaires: ac.informationsComplementaires });
      await api('scol').put(`formations/${f.AC}`, { ...body, actif: false }, ac.version).expect(200);
      await detail(f.AC).expect(404);
      await api('scol').put(`formations/${f.AC}`, { ...body, actif: true }, ac.version + 1).expect(200);
      expect((await detail(f.AC).expect(200)).body.libelle).toBe('M1 GEO2env');
    });

    it('reads the same snapshot as the offer on every instance: another one shows a change in both at its poll', async () => {
      const other = await startTestApp({}, { database: t.database, clock: t.clock });
      try {
        const both = async () => [
          (await request(other.http).get(`/api/offre?centre=${centre}&typeDiplome=LP`).expect(200)).body.centres[0].typesDiplome[0].formations[0].libelle,
          (await request(other.http).get(`/api/offre/formations/${f.AD}`).expect(200)).body.libelle,
        ];
        expect(await both()).toEqual(['LP Assurance', 'LP Assurance']);
        const ad = (await api('scol').get(`formations?centre=${centre}&limit=200`).expect(200)).body.items.find((x: { id: number }) => x.id === f.AD);
        await api('scol').put(`formations/${f.AD}`, formationBody(ad.commissionId, ad.code, { ...AD, libelle: 'LP Assurance renommée' }), ad.version).expect(200);
        expect(await both()).toEqual(['LP Assurance', 'LP Assurance']);
        t.clock.advance({ seconds: 2 });
        expect(await both()).toEqual(['LP Assurance renommée', 'LP Assurance renommée']);
      } finally {
        await other.close();
        t.clock.set(NOW);
      }
    });

    it('refuses an id that is not a positive integer (400 naming id)', async () => {
      for (const id of ['abc', '0', '1.5', '-3', '99999999999']) {
        const res = await detail(id).expect(400);
        expect({ id, fields: fieldsOf(res) }).toEqual({ id, fields: ['id'] });
      }
    });
  });
});
