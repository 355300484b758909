import { Role } from '../src/common/auth/roles';
import { EtiquetteCandidature } from '../src/commission/etiquettes/entities/etiquette-candidature.entity';
import { Etiquette } from '../src/commission/etiquettes/entities/etiquette.entity';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { api } from './support/api';
import { parseCsv } from './support/exports';
import { createCampagne } from './support/factories';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

type Comptes = 'scol' | 'gestA' | 'gestB' | 'membreA';

/**
 * Labels (issue 18, part 6): the institution's and the centres', who manages and who uses which, putting them on
 * candidatures (idempotent, concurrent, in bulk), the list's `etiquette` filter, the staff view and the export.
 */
describe('Étiquettes', () => {
  let t: TestApp;
  let campagne: Campagne;
  let tokens: Record<Comptes, string>;
  let a: Offre;
  let b: Offre;
  /** Candidatures of centre A (three) and of centre B (one) */
  let ca: number[];
  let cb: number;
  const as = (qui: Comptes) => api(t, tokens[qui]);
  const lignes = () => t.dataSource.getRepository(EtiquetteCandidature).find({ order: { id: 'ASC' } });

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-11-20T10:00:00Z');
    campagne = await createCampagne(t);
    const { scol } = await staffConnecte(t, { scol: ['scol.etiquettes', [Role.SCOL_CENTRALE]] });
    a = await creerOffre(t, scol, { centre: { code: 'ETQ-A' } });
    b = await creerOffre(t, scol, { centre: { code: 'ETQ-B' } });
    tokens = {
      scol,
      ...(await staffConnecte(t, {
        gestA: ['gest.etq.a', [Role.GESTIONNAIRE], { centres: ['ETQ-A'] }],
        gestB: ['gest.etq.b', [Role.GESTIONNAIRE], { centres: ['ETQ-B'] }],
        membreA: ['membre.etq.a', [Role.COMMISSION], { commissions: [a.commissionCode] }],
      })),
    };
    const fa = await a.formation();
    const fb = await b.formation();
    ca = [];
    for (const nom of ['Arnaud', 'Bertin', 'Chevalier']) {
      const c = await candidatComplet(t, campagne, nom);
      ca.push((await api(t, c.token).post('candidat/candidatures', { formationId: fa }).expect(201)).body.id);
    }
    const c = await candidatComplet(t, campagne, 'Dumas');
    cb = (await api(t, c.token).post('candidat/candidatures', { formationId: fb }).expect(201)).body.id;
  });

  afterAll(() => t.close());

  let institution: number;
  let etiquetteA: number;
  let etiquetteB: number;

  it('lets scolarité centrale create the institution’s labels and each centre’s gestionnaires their centre’s, nobody else', async () => {
    institution = (await as('scol').post('etiquettes', { libelle: 'Boursier', couleur: '#1F77B4' }).expect(201)).body.id;
    expect((await as('scol').get('etiquettes').expect(200)).body).toEqual([{ id: institution, libelle: 'Boursier', couleur: '#1f77b4', centre: null }]);
    etiquetteA = (await as('gestA').post('etiquettes', { libelle: 'À relancer', couleur: '#ff7f0e', centre: 'ETQ-A' }).expect(201)).body.id;
    etiquetteB = (await as('gestB').post('etiquettes', { libelle: 'À relancer', couleur: '#2ca02c', centre: 'etq-b' }).expect(201)).body.id;

    const refus = [
      await as('gestA').post('etiquettes', { libelle: 'Sans centre', couleur: '#000000' }).expect(403),
      await as('gestA').post('etiquettes', { libelle: 'Chez B', couleur: '#000000', centre: 'ETQ-B' }).expect(403),
      await as('gestA').put(`etiquettes/${institution}`, { libelle: 'Renommée', couleur: '#000000' }).expect(403),
    ];
    expect(refus.map((r) => r.body.code)).toEqual(['ETIQUETTES_ETABLISSEMENT_RESERVEES', 'CENTRE_HORS_PERIMETRE', 'ETIQUETTES_ETABLISSEMENT_RESERVEES']);
    for (const r of refus) expect(r.body.detail).toMatch(/étiquette/);
    // Another centre's label is out of reach: as missing.
    expect((await as('gestA').put(`etiquettes/${etiquetteB}`, { libelle: 'Prise', couleur: '#000000' }).expect(404)).body.code).toBe('ETIQUETTE_INTROUVABLE');
    await as('gestA').delete(`etiquettes/${etiquetteB}`).expect(404);
    expect((await as('membreA').get('etiquettes').expect(403)).body.code).toBeDefined();

    // Each sees the institution's and their centres'.
    expect((await as('gestA').get('etiquettes').expect(200)).body.map((e: { id: number }) => e.id)).toEqual([institution, etiquetteA]);
    expect((await as('scol').get('etiquettes').expect(200)).body).toHaveLength(3);
  });

  it('refuses a bad colour, an empty label and a label its owner already has (case and accents ignored), changing nothing', async () => {
    const avant = await t.dataSource.getRepository(Etiquette).find({ order: { id: 'ASC' } });
    for (const couleur of ['bleu', '#12345', '#1234567', '#gggggg', 'rgb(0,0,0)', 12]) {
      const r = await as('scol').post('etiquettes', { libelle: 'Couleur', couleur }).expect(400);
      expect(r.body.errors).toEqual([{ field: 'couleur', message: 'doit être une couleur #rrggbb, par exemple #1f77b4' }]);
    }
    expect((await as('scol').post('etiquettes', { libelle: '', couleur: '#000000' }).expect(400)).body.errors[0].field).toBe('libelle');
    expect((await as('scol').post('etiquettes', { libelle: 'x'.repeat(51), couleur: '#000000' }).expect(400)).body.errors[0].field).toBe('libelle');
    const doublon = await as('scol').post('etiquettes', { libelle: 'BOURSIER', couleur: '#000000' }).expect(409);
    expect(doublon.body).toMatchObject({ code: 'ETIQUETTE_EXISTANTE', detail: expect.stringMatching(/existe déjà/) });
    expect((await as('gestA').post('etiquettes', { libelle: 'a relancer', couleur: '#000000', centre: 'ETQ-A' }).expect(409)).body.code).toBe('ETIQUETTE_EXISTANTE');
    expect((await as('gestA').put(`etiquettes/${etiquetteA}`, { libelle: 'A RELANCER', couleur: '#zzzzzz' }).expect(400)).body.errors[0].field).toBe('couleur');
    expect(await t.dataSource.getRepository(Etiquette).find({ order: { id: 'ASC' } })).toEqual(avant);
    // Renaming to its own label in another case is no conflict; to another's label of the same owner is.
    expect((await as('gestA').put(`etiquettes/${etiquetteA}`, { libelle: 'A RELANCER', couleur: '#ff7f0e' }).expect(200)).body).toEqual({ id: etiquetteA, libelle: 'A RELANCER', couleur: '#ff7f0e', centre: 'ETQ-A' });
    const autre = (await as('gestA').post('etiquettes', { libelle: 'Dossier papier', couleur: '#9467bd', centre: 'ETQ-A' }).expect(201)).body.id;
    expect((await as('gestA').put(`etiquettes/${autre}`, { libelle: 'à relancer', couleur: '#9467bd' }).expect(409)).body.code).toBe('ETIQUETTE_EXISTANTE');
    await as('gestA').delete(`etiquettes/${autre}`).expect(204);
  });

  it('puts a label on and takes it off a candidature, idempotently; concurrent puts give one row', async () => {
    await as('gestA').put(`candidatures/${ca[0]}/etiquettes/${institution}`).expect(204);
    await as('gestA').put(`candidatures/${ca[0]}/etiquettes/${institution}`).expect(204);
    await Promise.all(Array.from({ length: 6 }, () => as('gestA').put(`candidatures/${ca[1]}/etiquettes/${etiquetteA}`).expect(204)));
    expect((await lignes()).map((l) => [l.candidatureId, l.etiquetteId, l.posePar])).toEqual([
      [ca[0], institution, 'gest.etq.a'],
      [ca[1], etiquetteA, 'gest.etq.a'],
    ]);
    await as('gestA').delete(`candidatures/${ca[1]}/etiquettes/${etiquetteA}`).expect(204);
    await as('gestA').delete(`candidatures/${ca[1]}/etiquettes/${etiquetteA}`).expect(204);
    expect(await lignes()).toHaveLength(1);
  });

  it('puts a label on up to 200 candidatures at once, all or nothing, those carrying it left as they were', async () => {
    expect((await as('gestA').post('candidatures/etiquettes', { candidatureIds: ca, etiquetteId: institution }).expect(200)).body).toEqual({ posees: 2 });
    expect((await as('gestA').post('candidatures/etiquettes', { candidatureIds: ca, etiquetteId: institution }).expect(200)).body).toEqual({ posees: 0 });
    const trop = await as('gestA').post('candidatures/etiquettes', { candidatureIds: Array.from({ length: 201 }, (_, i) => i + 1), etiquetteId: institution }).expect(400);
    expect(trop.body.errors[0]).toEqual({ field: 'candidatureIds', message: 'ne doit pas citer plus de 200 candidatures' });
    // One out of scope: nothing is put.
    const avant = await lignes();
    expect((await as('gestA').post('candidatures/etiquettes', { candidatureIds: [ca[0], cb], etiquetteId: etiquetteA }).expect(404)).body.code).toBe('CANDIDATURE_INTROUVABLE');
    // A centre's label goes on its centre's candidatures only, whoever asks.
    const ailleurs = await as('scol').post('candidatures/etiquettes', { candidatureIds: [ca[0], cb], etiquetteId: etiquetteA }).expect(422);
    expect(ailleurs.body).toMatchObject({ code: 'ETIQUETTE_AUTRE_CENTRE', detail: expect.stringContaining(String(cb)) });
    expect(await lignes()).toEqual(avant);
    // Concurrent bulk puts over the same candidatures: one row each.
    await Promise.all([0, 1, 2].map(() => as('gestA').post('candidatures/etiquettes', { candidatureIds: [ca[2], ca[1]], etiquetteId: etiquetteA }).expect(200)));
    expect((await lignes()).filter((l) => l.etiquetteId === etiquetteA).map((l) => l.candidatureId).sort()).toEqual([ca[1], ca[2]].sort());
  });

  it('keeps a gestionnaire from using another centre’s labels, and commission members from putting any', async () => {
    const avant = await lignes();
    expect((await as('gestA').put(`candidatures/${ca[0]}/etiquettes/${etiquetteB}`).expect(404)).body.code).toBe('ETIQUETTE_INTROUVABLE');
    expect((await as('gestA').post('candidatures/etiquettes', { candidatureIds: [ca[0]], etiquetteId: etiquetteB }).expect(404)).body.code).toBe('ETIQUETTE_INTROUVABLE');
    expect((await as('gestA').delete(`candidatures/${ca[1]}/etiquettes/${etiquetteB}`).expect(404)).body.code).toBe('ETIQUETTE_INTROUVABLE');
    const filtre = await as('gestA').get(`candidatures?etiquette=${etiquetteB}`).expect(404);
    expect(filtre.body).toMatchObject({ code: 'ETIQUETTE_INTROUVABLE', detail: expect.stringMatching(/vos centres/) });
    await as('gestA').get(`candidatures/export.csv?etiquette=${etiquetteB}`).expect(404);
    // Another centre's candidature: as missing.
    expect((await as('gestB').put(`candidatures/${ca[0]}/etiquettes/${institution}`).expect(404)).body.code).toBe('CANDIDATURE_INTROUVABLE');
    await as('membreA').put(`candidatures/${ca[0]}/etiquettes/${institution}`).expect(403);
    expect(await lignes()).toEqual(avant);
  });

  it('filters the staff list by label, within the caller’s scope, and shows the labels in the list, the staff view and the export', async () => {
    const ids = async (qui: Comptes, query: string) => (await as(qui).get(`candidatures?${query}`).expect(200)).body.items.map((c: { id: number }) => c.id).sort();
    await as('scol').put(`candidatures/${cb}/etiquettes/${institution}`).expect(204);
    expect(await ids('gestA', `etiquette=${institution}`)).toEqual([...ca].sort());
    expect(await ids('gestA', `etiquette=${etiquetteA}`)).toEqual([ca[1], ca[2]].sort());
    expect(await ids('gestA', `etiquette=${etiquetteA}&q=chevalier`)).toEqual([ca[2]]);
    expect(await ids('scol', `etiquette=${institution}`)).toEqual([...ca, cb].sort());
    expect(await ids('gestB', `etiquette=${institution}`)).toEqual([cb]);
    expect(await ids('membreA', `etiquette=${etiquetteA}`)).toEqual([ca[1], ca[2]].sort());
    expect(await ids('scol', `etiquette=${etiquetteB}`)).toEqual([]);
    const page = (await as('gestA').get(`candidatures?etiquette=${etiquetteA}`).expect(200)).body;
    expect(page.total).toBe(2);
    await as('gestA').get('candidatures?etiquette=abc').expect(400);
    await as('gestA').get('candidatures?etiquette=999999').expect(404);

    const vue = (await as('membreA').get(`candidatures/${ca[1]}`).expect(200)).body;
    expect(vue.etiquettes).toEqual([
      { id: etiquetteA, libelle: 'A RELANCER', couleur: '#ff7f0e', centre: 'ETQ-A' },
      { id: institution, libelle: 'Boursier', couleur: '#1f77b4', centre: null },
    ]);
    const item = page.items.find((c: { id: number }) => c.id === ca[1]);
    expect(item.etiquettes).toEqual(vue.etiquettes);

    const csv = await as('gestA').get(`candidatures/export.csv?etiquette=${etiquetteA}`).expect(200);
    const [entete, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    const col = entete.indexOf('Étiquettes');
    expect(col).toBeGreaterThan(0);
    expect(rows.map((r) => r[col]).sort()).toEqual(['A RELANCER, Boursier', 'A RELANCER, Boursier']);
  });

  it('deletes a label and takes it off every candidature', async () => {
    await as('gestA').delete(`etiquettes/${etiquetteA}`).expect(204);
    expect((await lignes()).some((l) => l.etiquetteId === etiquetteA)).toBe(false);
    expect((await as('gestA').get(`candidatures/${ca[1]}`).expect(200)).body.etiquettes.map((e: { id: number }) => e.id)).toEqual([institution]);
    await as('gestA').get(`candidatures?etiquette=${etiquetteA}`).expect(404);
  });
});
