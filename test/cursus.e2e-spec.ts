import request from 'supertest';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { Role } from '../src/common/auth/roles';
import { CursusService } from '../src/cursus/cursus.service';
import { CursusExterne } from '../src/cursus/entities/cursus-externe.entity';
import { ExperiencePro } from '../src/cursus/entities/experience-pro.entity';
import { Stage } from '../src/cursus/entities/stage.entity';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { ReferentielService } from '../src/referentiel/referentiel.service';
import { CANDIDAT_PASSWORD, STAFF_PASSWORD, createCampagne, createCandidat, createStaff } from './support/factories';
import { bearer } from './support/api';
import { TestApp, startTestApp } from './support/test-app';

/** Mid-June 2026 in Paris: years up to 2027 are accepted. */
const NOW = '2026-06-15T10:00:00Z';
const NEXT_YEAR = 2027;

type Body = Record<string, unknown>;
type Entity = typeof CursusExterne | typeof Stage | typeof ExperiencePro;

interface Kind {
  path: string;
  entity: Entity;
  /** A valid row of that year */
  body: (annee: number) => Body;
  /** A full replacement of body(annee), an optional field left out */
  changed: (annee: number) => Body;
  /** What the replacement stored, column by column */
  stored: Body;
  notFound: string;
  /** One row per year (cursus externe) */
  /** [field the 400 names, what is wrong with body(2020)] */
  invalid: [string, Body | ((b: Body) => Body)][];
}

const without = (field: string) => (b: Body) => Object.fromEntries(Object.entries(b).filter(([key]) => key !== field));

const COMMON_INVALID: [string, Body | ((b: Body) => Body)][] = [
  ['annee', { annee: 1949 }],
  ['annee', { annee: NEXT_YEAR + 1 }],
  ['annee', { annee: '2020' }],
  ['annee', { annee: 2020.5 }],
  ['annee', without('annee')],
  ['commentaire', { commentaire: 'champ inconnu' }],
];

const KINDS: Kind[] = [
  {
    path: 'cursus-externe',
    entity: CursusExterne,
    body: (annee) => ({
      annee,
      pays: 'FR',
      departement: '45',
      commune: '45234',
      etablissement: '0450855K',
      typeDiplome: 'LIC',
      libelle: `Licence de géographie ${annee}`,
      resultat: 'OBTENU',
      mention: 'AB',
    }),
    changed: (annee) => ({ annee, pays: 'fr', departement: '45', commune: '45234', typeDiplome: 'lp', libelle: '  LP Aménagement  ', resultat: 'EN_COURS', libelleEtablissement: 'IUT de Bourges' }),
    stored: {
      pays: 'FR',
      departement: '45',
      commune: '45234',
      etablissement: null,
      libelleEtablissement: 'IUT de Bourges',
      typeDiplome: 'LP',
      libelle: 'LP Aménagement',
      resultat: 'EN_COURS',
      mention: null,
    },
    notFound: 'CURSUS_EXTERNE_INTROUVABLE',
    invalid: [
      ...COMMON_INVALID,
      ['pays', { pays: 'XX' }],
      ['pays', { pays: 'FRA' }],
      ['pays', without('pays')],
      ['departement', { departement: '999' }],
      ['commune', { commune: '99999' }],
      ['commune', { commune: '75056' }],
      ['etablissement', { etablissement: '0000000A' }],
      ['libelleEtablissement', { libelleEtablissement: "Université d'Orléans" }],
      ['typeDiplome', { typeDiplome: 'BAC' }],
      ['typeDiplome', without('typeDiplome')],
      ['libelle', { libelle: '   ' }],
      ['libelle', { libelle: 'x'.repeat(256) }],
      ['libelle', without('libelle')],
      ['resultat', { resultat: 'O' }],
      ['resultat', without('resultat')],
      ['mention', { mention: 'ZZ' }],
    ],
  },
  {
    path: 'stages',
    entity: Stage,
    body: (annee) => ({ annee, duree: '8 semaines', heuresParSemaine: 35, organisme: "Mairie d'Orléans", descriptif: 'Inventaire des espaces verts' }),
    changed: (annee) => ({ annee, duree: '3 mois', organisme: 'Journal DNA', descriptif: 'Rubrique des informations pratiques' }),
    stored: { duree: '3 mois', heuresParSemaine: null, organisme: 'Journal DNA', descriptif: 'Rubrique des informations pratiques' },
    notFound: 'STAGE_INTROUVABLE',
    invalid: [
      ...COMMON_INVALID,
      ['duree', { duree: 'x'.repeat(21) }],
      ['duree', without('duree')],
      ['heuresParSemaine', { heuresParSemaine: 0 }],
      ['heuresParSemaine', { heuresParSemaine: 61 }],
      ['organisme', { organisme: 'x'.repeat(101) }],
      ['organisme', without('organisme')],
      ['descriptif', { descriptif: 'x'.repeat(501) }],
      ['descriptif', without('descriptif')],
    ],
  },
  {
    path: 'experiences-pro',
    entity: ExperiencePro,
    body: (annee) => ({ annee, duree: 'CDD 8 mois', intitule: 'Animateur', organisme: 'Foire de Bordeaux', descriptif: 'Accompagnement des visiteurs' }),
    changed: (annee) => ({ annee, duree: 'CDI', intitule: 'Responsable du secteur vinicole', organisme: 'Librairie Mollat' }),
    stored: { duree: 'CDI', intitule: 'Responsable du secteur vinicole', organisme: 'Librairie Mollat', descriptif: null },
    notFound: 'EXPERIENCE_PRO_INTROUVABLE',
    invalid: [
      ...COMMON_INVALID,
      ['duree', without('duree')],
      ['intitule', { intitule: 'x'.repeat(101) }],
      ['intitule', without('intitule')],
      ['organisme', { organisme: '' }],
      ['organisme', without('organisme')],
      ['descriptif', { descriptif: 'x'.repeat(501) }],
    ],
  },
];

describe('Cursus externe, stages and expériences professionnelles of the candidate', () => {
  let t: TestApp;
  let campagne: Campagne;
  const login = async (name: string, password = CANDIDAT_PASSWORD) =>
    (await request(t.http).post('/api/auth/login').send({ login: name, password }).expect(200)).body.token as string;
  /** A new candidate, logged in. */
  const candidat = async () => {
    const compte = await createCandidat(t, campagne);
    return { id: compte.id, token: await login(compte.numeroDossier) };
  };

  const url = (kind: Kind, id?: number | string) => `/api/candidat/${kind.path}${id === undefined ? '' : `/${id}`}`;
  const list = (kind: Kind, token: string) => request(t.http).get(url(kind)).set(bearer(token));
  const add = (kind: Kind, token: string, body: Body) => request(t.http).post(url(kind)).set(bearer(token)).send(body);
  const put = (kind: Kind, token: string, id: number, body: Body, version?: number | string) => {
    const req = request(t.http).put(url(kind, id)).set(bearer(token));
    return (version === undefined ? req : req.set('If-Match', typeof version === 'number' ? `"${version}"` : version)).send(body);
  };
  const del = (kind: Kind, token: string, id: number, version?: number) => {
    const req = request(t.http).delete(url(kind, id)).set(bearer(token));
    return version === undefined ? req : req.set('If-Match', `"${version}"`);
  };
  const rowsOf = (kind: Kind, compteCandidatId: number) =>
    t.dataSource.getRepository<{ id: number; compteCandidatId: number; annee: number; version: number }>(kind.entity).find({ where: { compteCandidatId }, order: { id: 'ASC' } });
  const rowOf = (kind: Kind, id: number) => t.dataSource.getRepository<Record<string, unknown>>(kind.entity).findOneBy({ id });

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(NOW);
    campagne = await createCampagne(t);
  });
  afterAll(() => t.close());

  describe.each(KINDS)('$path', (kind) => {
    it('adds rows (201, ETag "1"), lists them by year then order of addition, reads one with its ETag', async () => {
      const me = await candidat();
      expect((await list(kind, me.token).expect(200)).body).toEqual([]);

      const added = [];
      for (const annee of [2024, 2021, NEXT_YEAR, 2021]) {
        const res = await add(kind, me.token, kind.body(annee)).expect(201);
        expect(res.headers.etag).toBe('"1"');
        expect(res.body).toEqual({ id: expect.any(Number), version: 1, ...kind.body(annee) });
        added.push(res.body);
      }
      const byYear = [...added].sort((a, b) => a.annee - b.annee || a.id - b.id);
      expect(byYear.map((r) => r.annee)).toEqual([2021, 2021, 2024, NEXT_YEAR]);
      expect((await list(kind, me.token).expect(200)).body).toEqual(byYear);
      expect((await rowsOf(kind, me.id)).map((r) => r.id)).toEqual(added.map((r) => r.id));

      const one = await request(t.http).get(url(kind, added[1].id)).set(bearer(me.token)).expect(200);
      expect(one.body).toEqual(added[1]);
      expect(one.headers.etag).toBe('"1"');
    });

    it('replaces a row with the If-Match of its version (version + 1, optional fields left out are cleared), then deletes it', async () => {
      const me = await candidat();
      const { id } = (await add(kind, me.token, kind.body(2022)).expect(201)).body;

      const changed = await put(kind, me.token, id, kind.changed(2023), 1).expect(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.body).toMatchObject({ id, version: 2, annee: 2023 });
      expect(await rowOf(kind, id)).toMatchObject({ ...kind.stored, annee: 2023, version: 2, compteCandidatId: me.id });
      expect((await list(kind, me.token).expect(200)).body).toEqual([changed.body]);

      // W/ (weak) ETags are accepted as well.
      const again = await put(kind, me.token, id, kind.body(2023), 'W/"2"').expect(200);
      expect(again.body).toEqual({ id, version: 3, ...kind.body(2023) });

      await del(kind, me.token, id, 3).expect(204);
      expect(await rowsOf(kind, me.id)).toEqual([]);
      expect((await list(kind, me.token).expect(200)).body).toEqual([]);
      await request(t.http).get(url(kind, id)).set(bearer(me.token)).expect(404);
    });

    it('refuses a stale If-Match (412) and a missing one (428), and leaves the row as it was', async () => {
      const me = await candidat();
      const { id } = (await add(kind, me.token, kind.body(2022)).expect(201)).body;
      await put(kind, me.token, id, kind.body(2023), 1).expect(200);
      const before = await rowOf(kind, id);

      const stale = await put(kind, me.token, id, kind.changed(2019), 1).expect(412);
      expect(stale.body).toMatchObject({ status: 412, code: 'VERSION_PERIMEE' });
      expect((await del(kind, me.token, id, 1).expect(412)).body.code).toBe('VERSION_PERIMEE');
      expect((await put(kind, me.token, id, kind.changed(2019)).expect(428)).body.code).toBe('IF_MATCH_REQUIS');
      expect((await del(kind, me.token, id).expect(428)).body.code).toBe('IF_MATCH_REQUIS');
      const malformed = await put(kind, me.token, id, kind.changed(2019), '2').expect(400);
      expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['If-Match']);

      expect(await rowOf(kind, id)).toEqual(before);
      expect(before).toMatchObject({ version: 2, annee: 2023 });
    });

    it('lets one of two simultaneous changes of the same version win; the other gets 412 and changes nothing', async () => {
      const me = await candidat();
      const { id } = (await add(kind, me.token, kind.body(2022)).expect(201)).body;
      // Both requests read version 1 before either writes: the first to reach the reference-data check waits for the
      // second (at most 2 s), so only the UPDATE … WHERE version = 1 can tell them apart.
      const referentiel = t.app.get(ReferentielService);
      const verify = referentiel.verify.bind(referentiel);
      let release: (() => void) | undefined;
      const spy = jest.spyOn(referentiel, 'verify').mockImplementation(async (checks) => {
        if (release) release();
        else
          await new Promise<void>((resolve) => {
            release = resolve;
            setTimeout(resolve, 2000);
          });
        return verify(checks);
      });
      try {
        const answers = await Promise.all([put(kind, me.token, id, kind.body(2023), 1), put(kind, me.token, id, kind.changed(2024), 1)]);
        expect(answers.map((res) => res.status).sort()).toEqual([200, 412]);
        const winner = answers.find((res) => res.status === 200)?.body;
        expect(winner.version).toBe(2);
        expect((await request(t.http).get(url(kind, id)).set(bearer(me.token)).expect(200)).body).toEqual(winner);
        expect(spy).toHaveBeenCalledTimes(2);
      } finally {
        spy.mockRestore();
      }
    });

    it('answers a bad value with a 400 naming the field, and stores nothing', async () => {
      const me = await candidat();
      const { id } = (await add(kind, me.token, kind.body(2018)).expect(201)).body;
      const stored = await rowOf(kind, id);
      for (const [field, change] of kind.invalid) {
        const body = typeof change === 'function' ? change(kind.body(2020)) : { ...kind.body(2020), ...change };
        for (const res of [await add(kind, me.token, body), await put(kind, me.token, id, body, 1)]) {
          expect({ field, status: res.status, code: res.body.code }).toEqual({ field, status: 400, code: 'REQUETE_INVALIDE' });
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
          expect(res.body.detail).toContain(field);
        }
      }
      expect(await rowsOf(kind, me.id)).toHaveLength(1);
      expect(await rowOf(kind, id)).toEqual(stored);
      await request(t.http).get(url(kind, 'abc')).set(bearer(me.token)).expect(400);
    });

    it("hides another candidate's rows: 404 on every item route, an empty list, nothing changed", async () => {
      const owner = await candidat();
      const other = await candidat();
      const { id } = (await add(kind, owner.token, kind.body(2022)).expect(201)).body;
      const stored = await rowOf(kind, id);

      const answers = [
        await request(t.http).get(url(kind, id)).set(bearer(other.token)),
        await put(kind, other.token, id, kind.body(2023), 1),
        await del(kind, other.token, id, 1),
        await del(kind, other.token, id),
      ];
      for (const res of answers) expect(res.body).toMatchObject({ status: 404, code: kind.notFound, detail: expect.stringContaining('votre dossier') });
      expect((await list(kind, other.token).expect(200)).body).toEqual([]);
      expect(await rowOf(kind, id)).toEqual(stored);
      await request(t.http).get(url(kind, 999_999)).set(bearer(owner.token)).expect(404);
    });

    it('refuses staff (403) on the list and the item routes', async () => {
      const owner = await candidat();
      const { id } = (await add(kind, owner.token, kind.body(2022)).expect(201)).body;
      for (const role of [Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE]) {
        const login_ = `${role}.${kind.path}`;
        await createStaff(t, [role], login_);
        const token = await login(login_, STAFF_PASSWORD);
        await list(kind, token).expect(403);
        await add(kind, token, kind.body(2023)).expect(403);
        await request(t.http).get(url(kind, id)).set(bearer(token)).expect(403);
        await put(kind, token, id, kind.body(2023), 1).expect(403);
        await del(kind, token, id, 1).expect(403);
      }
      expect(await rowsOf(kind, owner.id)).toMatchObject([{ id, version: 1, annee: 2022 }]);
      await request(t.http).get(url(kind)).expect(401);
    });

    it('keeps at most 50 rows per candidate (422 TROP_D_ELEMENTS)', async () => {
      const me = await candidat();
      for (let i = 0; i < 50; i++) await add(kind, me.token, kind.body(1970 + i)).expect(201);
      const refused = await add(kind, me.token, kind.body(2025)).expect(422);
      expect(refused.body).toMatchObject({ code: 'TROP_D_ELEMENTS', detail: expect.stringContaining('50') });
      expect(await rowsOf(kind, me.id)).toHaveLength(50);
    });
  });

  describe('cursus externe', () => {
    const kind = KINDS[0];

    it("takes two rows of the same year, as the Caen guide's example (C2I and L3 Communication in 2006)", async () => {
      const me = await candidat();
      const l3 = (await add(kind, me.token, { ...kind.body(2023), libelle: 'L3 Communication', resultat: 'EN_COURS' }).expect(201)).body;
      const c2i = (await add(kind, me.token, { ...kind.body(2023), libelle: 'C2I' }).expect(201)).body;
      expect((await list(kind, me.token).expect(200)).body).toEqual([l3, c2i]);
    });

    it('abroad, keeps the name of the establishment and drops French département, commune and UAI', async () => {
      const me = await candidat();
      const abroad = { annee: 2021, pays: 'BE', departement: '45', commune: '45234', etablissement: '0450855K', libelleEtablissement: 'Université libre de Bruxelles', typeDiplome: 'ETR', libelle: 'Bachelier en géographie', resultat: 'NON_OBTENU' };
      const res = await add(kind, me.token, abroad).expect(201);
      expect(res.body).toEqual({ id: res.body.id, version: 1, annee: 2021, pays: 'BE', libelleEtablissement: 'Université libre de Bruxelles', typeDiplome: 'ETR', libelle: 'Bachelier en géographie', resultat: 'NON_OBTENU' });
      expect(await rowOf(kind, res.body.id)).toMatchObject({ departement: null, commune: null, etablissement: null, mention: null });
    });

    it('names every invalid field of one request', async () => {
      const me = await candidat();
      const res = await add(kind, me.token, { ...kind.body(2020), pays: 'FR', departement: '2A', commune: '45234', typeDiplome: 'XYZ', mention: 'Q' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['commune', 'mention', 'typeDiplome']);
      expect(res.body.errors.find((e: { field: string }) => e.field === 'commune').message).toContain('2A');
      expect(await rowsOf(kind, me.id)).toEqual([]);
    });
  });

  it('gives the whole cursus of an account to the other modules, each list sorted', async () => {
    const me = await candidat();
    const other = await candidat();
    for (const annee of [2023, 2021]) for (const kind of KINDS) await add(kind, me.token, kind.body(annee)).expect(201);
    await add(KINDS[1], other.token, KINDS[1].body(2020)).expect(201);
    const cursus = await t.app.get(CursusService).ofCompte(me.id);
    expect(Object.keys(cursus)).toEqual(['cursusExterne', 'stages', 'experiencesPro']);
    expect(cursus.cursusExterne).toEqual((await list(KINDS[0], me.token)).body);
    expect(cursus.stages).toEqual((await list(KINDS[1], me.token)).body);
    expect(cursus.experiencesPro).toEqual((await list(KINDS[2], me.token)).body);
    for (const rows of Object.values(cursus)) expect(rows.map((r: { annee: number }) => r.annee)).toEqual([2021, 2023]);
  });

  it("deleting the account (purge, candidate's request) removes its rows", async () => {
    const me = await candidat();
    for (const kind of KINDS) await add(kind, me.token, kind.body(2022)).expect(201);
    await t.dataSource.getRepository(CompteCandidat).delete({ id: me.id });
    for (const kind of KINDS) expect(await rowsOf(kind, me.id)).toEqual([]);
  });

  it('takes "next year" from the calendar in Paris', async () => {
    // 31 December 23:30 UTC is already 1 January 2027 in Paris: 2028 becomes acceptable.
    t.clock.set('2026-12-31T22:30:00Z');
    const before = await candidat();
    expect((await add(KINDS[1], before.token, KINDS[1].body(2028)).expect(400)).body.errors[0]).toEqual({ field: 'annee', message: 'doit être une année entre 1950 et 2027' });
    t.clock.set('2026-12-31T23:30:00Z');
    const after = await candidat();
    await add(KINDS[1], after.token, KINDS[1].body(2028)).expect(201);
  });
});
