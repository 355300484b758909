import request from 'supertest';
import { ReferentielImportService } from '../src/referentiel/referentiel-import.service';
import { TestApp, startTestApp } from './support/test-app';

describe('Référentiels', () => {
  let t: TestApp;
  beforeAll(async () => {
    // An empty database: the start-up import is what these tests check.
    t = await startTestApp({}, { empty: true });
  });
  afterAll(() => t.close());

  const get = (path: string) => request(t.http).get(`/api/referentiels/${path}`);

  describe('communes', () => {
    it('finds Orléans (45) with its postal codes, accents ignored', async () => {
      const res = await get('communes?q=orleans').expect(200);
      expect(res.body.items[0]).toEqual({ code: '45234', libelle: 'Orléans', departement: '45', codesPostaux: ['45000', '45100'] });
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
    });

    it('puts labels starting with the text first, most populated first', async () => {
      const res = await get('communes?q=orl').expect(200);
      expect(res.body.items[0].libelle).toBe('Orléans');
      const starts = res.body.items.findIndex((c: { libelle: string }) => !/^orl/i.test(c.libelle.normalize('NFD')));
      const rest = res.body.items.slice(starts === -1 ? res.body.items.length : starts);
      expect(rest.every((c: { libelle: string }) => !/^orl/i.test(c.libelle.normalize('NFD').replace(/[\u0300-\u036f]/g, '')))).toBe(true);
    });

    it('filters by département and by postal code', async () => {
      const dep = await get('communes?departement=45&limit=200').expect(200);
      expect(dep.body.total).toBeGreaterThan(300);
      expect(dep.body.items.every((c: { departement: string }) => c.departement === '45')).toBe(true);
      const cp = await get('communes?codePostal=45100').expect(200);
      expect(cp.body.items.map((c: { code: string }) => c.code)).toContain('45234');
      expect(cp.body.items.every((c: { codesPostaux: string[] }) => c.codesPostaux.includes('45100'))).toBe(true);
    });

    it('paginates', async () => {
      const first = await get('communes?departement=45&limit=10&page=1').expect(200);
      const second = await get('communes?departement=45&limit=10&page=2').expect(200);
      expect(first.body).toMatchObject({ page: 1, limit: 10, total: second.body.total });
      expect(first.body.items).toHaveLength(10);
      const firstCodes = first.body.items.map((c: { code: string }) => c.code);
      expect(second.body.items.some((c: { code: string }) => firstCodes.includes(c.code))).toBe(false);
    });
  });

  describe('séries de bac', () => {
    const codes = (res: request.Response) => res.body.items.map((s: { code: string }) => s.code);

    it('lists the general bac and the technological séries of 2023, not the former séries', async () => {
      const res = await get('series-bac?annee=2023&limit=200').expect(200);
      expect(codes(res)).toEqual(expect.arrayContaining(['GEN', 'STMG', 'STI2D', 'STL', 'ST2S', 'STD2A', 'STAV', 'STHR', 'S2TMD', 'PRO']));
      expect(codes(res)).not.toEqual(expect.arrayContaining(['S']));
      expect(codes(res)).not.toContain('ES');
      expect(res.body.items.find((s: { code: string }) => s.code === 'GEN')).toMatchObject({ categorie: 'GENERAL', avecSpecialites: true });
    });

    it('lists S, ES and L in 2019, and no general bac with spécialités yet', async () => {
      const res = await get('series-bac?annee=2019&limit=200').expect(200);
      expect(codes(res)).toEqual(expect.arrayContaining(['S', 'ES', 'L', 'STMG', 'PRO']));
      expect(codes(res)).not.toContain('GEN');
    });

    it('always offers foreign equivalents and "sans bac"', async () => {
      const res = await get('series-bac?annee=1980&limit=200').expect(200);
      expect(codes(res)).toEqual(expect.arrayContaining(['C', 'D', 'ETR', 'SANS']));
    });

    it('lists the spécialités of a session', async () => {
      const y2022 = await get('specialites-bac?annee=2022&limit=200').expect(200);
      const y2023 = await get('specialites-bac?annee=2023&limit=200').expect(200);
      expect(codes(y2022)).toContain('NSI');
      expect(codes(y2022)).not.toContain('EPPCS');
      expect(codes(y2023)).toContain('EPPCS');
      const none = await get('specialites-bac?annee=2019').expect(200);
      expect(none.body.total).toBe(0);
    });
  });

  it('gives countries with the French nationality label', async () => {
    const res = await get('pays?q=france').expect(200);
    expect(res.body.items[0]).toEqual({ code: 'FR', codeIso3: 'FRA', libelle: 'France', nationalite: 'Français' });
    const maroc = await get('pays?q=MA').expect(200);
    expect(maroc.body.items[0]).toMatchObject({ code: 'MA', nationalite: 'Marocain' });
  });

  it('gives départements, mentions, types de diplôme and établissements', async () => {
    expect((await get('departements?q=loiret').expect(200)).body.items).toEqual([{ code: '45', libelle: 'Loiret', codeRegion: '24' }]);
    expect((await get('departements?q=2A').expect(200)).body.items[0]).toMatchObject({ code: '2A', libelle: 'Corse-du-Sud' });
    const mentions = (await get('mentions').expect(200)).body.items.map((m: { code: string }) => m.code);
    expect(mentions).toEqual(['P', 'AB', 'B', 'TB', 'TBF', 'SM']);
    expect((await get('types-diplome?q=technologie').expect(200)).body.items.map((d: { code: string }) => d.code)).toEqual(['BUT', 'DUT']);
    const etab = await get('etablissements?departement=45&type=SUPERIEUR').expect(200);
    expect(etab.body.items).toEqual([
      { code: '0450855K', libelle: "Université d'Orléans", type: 'SUPERIEUR', statut: 'PUBLIC', commune: '45234', libelleCommune: 'Orléans', departement: '45', actif: true },
    ]);
    const lycees = await get('etablissements?q=orleans&type=LYCEE').expect(200);
    expect(lycees.body.items.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['0450049J', '0450782F', '0451526P']));
  });

  it.each([
    ['communes?departement=999', 'departement'],
    ['communes?codePostal=4', 'codePostal'],
    ['series-bac?annee=deux-mille', 'annee'],
    ['series-bac?annee=1800', 'annee'],
    ['pays?limit=201', 'limit'],
    ['pays?page=0', 'page'],
    ['pays?tri=libelle', 'tri'],
    ['etablissements?type=ECOLE', 'type'],
  ])('refuses %s with a 400 problem naming %s', async (path, field) => {
    const res = await get(path).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ status: 400, code: 'REQUETE_INVALIDE' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(res.body.detail).toContain(field);
  });

  it('loads the data once: a second import adds nothing', async () => {
    const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM commune'))[0].n);
    const before = await count();
    expect(before).toBeGreaterThan(34000);
    await expect(t.app.get(ReferentielImportService).importMissing()).resolves.toEqual({});
    await t.dataSource.query(`DELETE FROM commune_code_postal WHERE commune_code = '45234'`);
    await expect(t.app.get(ReferentielImportService).importMissing()).resolves.toEqual({ commune_code_postal: expect.any(Number) });
    expect(await count()).toBe(before);
    expect((await get('communes?q=orleans').expect(200)).body.items[0].codesPostaux).toEqual(['45000', '45100']);
  });
});
