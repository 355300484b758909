import { binary, parseCsv, workbook } from './support/exports';
import { reporterAvisCourant } from '../src/candidature/liste-candidature-colonnes';
import request from 'supertest';
import { Candidature, StatutDossier } from '../src/candidature/entities/candidature.entity';
import { Role } from '../src/common/auth/roles';
import { Avis, TypeAvis } from '../src/candidature/entities/avis.entity';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { MotRecherche } from '../src/candidature/entities/mot-recherche.entity';
import { TypeTraitement } from '../src/offre/entities/formation.entity';
import { createCampagne } from './support/factories';
import { bearer } from './support/api';
import { creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

type Body = Record<string, unknown>;
type Item = { id: number; numeroDossier: string; nom: string; prenom: string; avis: { type: string; valide: boolean } | null } & Body;

const NOW = '2026-11-20T10:00:00Z';
const DATES = { dateDebutCandidature: '2026-11-15', dateFinCandidature: '2027-03-31', dateRetour: '2027-04-10', dateConfirmation: '2027-04-20' };

describe('Staff lists of candidatures: filters, scopes, full view, bloc-notes, CSV and XLSX exports', () => {
  let t: TestApp;
  let campagne: Campagne;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const numeros: Record<string, string> = {};
  const ines: Record<string, string> = {};
  const get = (who: string, path: string) => request(t.http).get(`/api/candidatures${path}`).set(bearer(tokens[who]));
  const list = async (who: string, query = '') => (await get(who, query).expect(200)).body as { items: Item[]; total: number; page: number; limit: number };
  const numerosOf = async (who: string, query = '') => (await list(who, query)).items.map((i) => i.numeroDossier);

  /** A candidate with a complete file who applies to these formations; returns the candidature ids. */
  async function candidat(key: string, nomNaissance: string, prenom: string, formations: number[], extra: Body = {}): Promise<number[]> {
    const c = await candidatComplet(t, campagne, nomNaissance, prenom, { telephonePortable: '+33 6 12 34 56 78', ...extra });
    [numeros[key], ines[key], tokens[key]] = [c.numero, c.ine, c.token];
    const out: number[] = [];
    for (const formationId of formations) {
      t.clock.advance({ minutes: 1 });
      out.push((await request(t.http).post('/api/candidat/candidatures').set(bearer(c.token)).send({ formationId }).expect(201)).body.id);
    }
    return out;
  }

  // As the avis module writes them: the row, then the candidature's copy of its current avis (liste-candidature-colonnes.ts).
  const avis = async (candidatureId: number, type: TypeAvis, extra: Partial<Avis> = {}) => {
    await t.dataSource.getRepository(Avis).insert({ candidatureId, type, creePar: 'gest.osuc', createdAt: t.clock.now(), valide: false, commentaireVisible: false, ...extra });
    await reporterAvisCourant(t.dataSource.manager, [candidatureId]);
  };

  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    Object.assign(
      tokens,
      await staffConnecte(t, {
        scol: ['scol.liste', [Role.SCOL_CENTRALE]],
        gestOsuc: ['gest.osuc', [Role.GESTIONNAIRE], { centres: ['OSUC'] }],
        gestAutre: ['gest.autre', [Role.GESTIONNAIRE], { centres: ['AUTRE'] }],
        membreOsuc: ['membre.osuc', [Role.COMMISSION], { commissions: ['OSUC-SCOL'] }],
        membreAutre: ['membre.autre', [Role.COMMISSION], { commissions: ['AUTRE-COM'] }],
      }),
    );
    const adresse = { ligne1: '1 A rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' };
    const osuc = await creerOffre(t, tokens.scol, { centre: { code: 'OSUC', libelle: 'OSUC' }, commission: { code: 'OSUC-SCOL', libelle: 'OSUC - SCOLARITE', adresse, alerte: false, email: undefined }, dates: DATES });
    const autre = await creerOffre(t, tokens.scol, { centre: { code: 'AUTRE', libelle: 'Autre centre' }, commission: { code: 'AUTRE-COM', libelle: 'Autre commission', adresse, alerte: false, email: undefined }, dates: DATES });
    const formation = (offre: typeof osuc, code: string, typeTraitement = 'AC') => offre.formation({ code, libelle: `Master ${code}`, typeTraitement });
    ids.geo = await formation(osuc, 'M1-GEO');
    ids.bio = await formation(osuc, 'M2-BIO', 'AT');
    ids.droit = await formation(autre, 'M1-DROIT');

    [ids.elise] = await candidat('elise', 'Martin', 'Élise', [ids.geo]);
    [ids.noeGeo, ids.noeBio] = await candidat('noe', 'Lefèvre', 'Noé', [ids.geo, ids.bio], { nomUsage: 'Durand' });
    [ids.eve] = await candidat('eve', '=cmd|calc', 'Ève', [ids.geo]);
    [ids.zoe] = await candidat('zoe', 'Zola', 'Zoé', [ids.droit]);
    await request(t.http).post(`/api/candidat/candidatures/${ids.noeGeo}/annulation`).set(bearer(tokens.noe)).expect(200);

    // What the other modules of staff processing write, set directly: a statut, avis histories, answers.
    await t.dataSource.getRepository(Candidature).update({ id: ids.elise }, { statutDossier: StatutDossier.CO, acceptee: true, accepteeAt: t.clock.now(), acceptePar: numeros.elise, codeOpi: 'OPI' + numeros.elise });
    await t.dataSource.getRepository(Candidature).update({ id: ids.zoe }, { acceptee: false });
    await avis(ids.elise, TypeAvis.LC, { rang: 4 });
    await avis(ids.elise, TypeAvis.FA, { valide: true, valideAt: t.clock.now(), validePar: 'gest.osuc', publieAt: t.clock.now() });
    await avis(ids.eve, TypeAvis.DE, { motif: 'CAPACITE', commentaire: 'Capacité atteinte' });
  });

  afterAll(() => t.close());

  it('filters on formation, commission, centre, statut, type de traitement, current avis, validation, confirmation and cancellation', async () => {
    const { elise, noe, eve, zoe } = numeros;
    expect((await numerosOf('scol', '?sort=numeroDossier&order=asc')).sort()).toEqual([elise, noe, eve, zoe].sort());
    expect((await list('scol')).total).toBe(4);
    expect(await numerosOf('scol', `?formationId=${ids.geo}&sort=numeroDossier&order=asc`)).toEqual([elise, eve].sort());
    expect((await numerosOf('scol', '?commission=osuc-scol')).sort()).toEqual([elise, noe, eve].sort());
    expect(await numerosOf('scol', '?centre=AUTRE')).toEqual([zoe]);
    expect(await numerosOf('scol', '?statutDossier=CO')).toEqual([elise]);
    expect(await numerosOf('scol', '?typeTraitement=AT')).toEqual([noe]);
    // The current avis is the latest row: Élise's LC was followed by a FA.
    expect(await numerosOf('scol', '?avis=FA')).toEqual([elise]);
    expect(await numerosOf('scol', '?avis=LC')).toEqual([]);
    expect((await numerosOf('scol', '?avis=AUCUN')).sort()).toEqual([noe, zoe].sort());
    expect(await numerosOf('scol', '?avisValide=true')).toEqual([elise]);
    expect(await numerosOf('scol', '?avisValide=false')).toEqual([eve]);
    expect(await numerosOf('scol', '?acceptee=true')).toEqual([elise]);
    expect(await numerosOf('scol', '?acceptee=false')).toEqual([zoe]);
    const annulees = await list('scol', '?annulees=true');
    expect(annulees.items.map((i) => i.id)).toEqual([ids.noeGeo]);
    expect(annulees.items[0].annuleeAt).toEqual(expect.any(String));

    const [item] = (await list('scol', '?avis=FA')).items;
    expect(item).toEqual({
      id: ids.elise,
      numeroDossier: elise,
      civilite: 'MME',
      nom: 'Martin',
      prenom: 'Élise',
      ine: ines.elise,
      email: expect.stringMatching(/@example\.org$/),
      formation: { id: ids.geo, code: 'M1-GEO', libelle: 'Master M1-GEO' },
      commission: 'OSUC-SCOL',
      centre: 'OSUC',
      statutDossier: { code: 'CO', libelle: 'Complet' },
      typeTraitement: { code: 'AC', libelle: 'Accès contrôlé', valide: true },
      avis: { type: 'FA', libelle: 'Favorable', valide: true, rangSaisi: null },
      rangListeComplementaire: null,
      acceptee: true,
      reponse: { code: 'CONFIRMEE', libelle: 'Confirmée', date: t.clock.now().toISOString(), automatique: false },
      createdAt: expect.any(String),
      transmiseAt: null,
      annuleeAt: null,
      etiquettes: [],
    });
    // Nom d'usage first
    expect((await list('scol', `?q=${numeros.noe}`)).items[0]).toMatchObject({ nom: 'Durand', prenom: 'Noé' });

    for (const bad of ['?statutDossier=XX', '?avis=OUI', '?avisValide=peut-etre', '?limit=201', '?sort=prenom', '?inconnu=1']) {
      const res = await get('scol', bad).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('searches names without accents or case, by any word start, and by numéro de dossier or INE', async () => {
    expect(await numerosOf('scol', '?q=elise')).toEqual([numeros.elise]);
    expect(await numerosOf('scol', '?q=MARTIN%20eli')).toEqual([numeros.elise]);
    expect(await numerosOf('scol', '?q=lefevre')).toEqual([numeros.noe]);
    expect(await numerosOf('scol', '?q=durand')).toEqual([numeros.noe]);
    expect(await numerosOf('scol', '?q=artin')).toEqual([]);
    expect(await numerosOf('scol', `?q=${numeros.zoe.toLowerCase()}`)).toEqual([numeros.zoe]);
    const prefix = numeros.elise.slice(0, 7);
    expect((await numerosOf('scol', `?q=${prefix}`)).length).toBeGreaterThanOrEqual(1);
    expect(await numerosOf('scol', `?q=${ines.eve}`)).toEqual([numeros.eve]);
    expect(await numerosOf('scol', '?q=%25')).toEqual([]);
    // Words of different kinds together: a name and the numéro's beginning
    expect(await numerosOf('scol', `?q=eli%20${numeros.elise.slice(0, 5)}`)).toEqual([numeros.elise]);
  });


  it('sorts on each key with a stable tiebreak on id, and pages without overlap', async () => {
    expect((await list('scol', '?sort=nom&order=asc')).items.map((i) => i.prenom)).toEqual(['Ève', 'Noé', 'Élise', 'Zoé']);
    expect((await list('scol', '?sort=nom&order=desc')).items.map((i) => i.prenom)).toEqual(['Zoé', 'Élise', 'Noé', 'Ève']);
    const byNumero = [numeros.elise, numeros.noe, numeros.eve, numeros.zoe].sort();
    expect(await numerosOf('scol', '?sort=numeroDossier&order=asc')).toEqual(byNumero);
    expect(await numerosOf('scol', '?sort=numeroDossier&order=desc')).toEqual([...byNumero].reverse());
    // Created a minute apart, in this order
    expect((await list('scol', '?sort=createdAt&order=asc')).items.map((i) => i.id)).toEqual([ids.elise, ids.noeBio, ids.eve, ids.zoe]);
    expect((await list('scol', '?sort=formation&order=asc')).items.map((i) => i.id)).toEqual([ids.zoe, ids.elise, ids.eve, ids.noeBio]);
    expect((await list('scol', '?sort=statutDossier&order=desc')).items.map((i) => i.id)).toEqual([ids.elise, ids.zoe, ids.eve, ids.noeBio]);
    expect((await list('scol', '?sort=statutDossier&order=asc')).items.map((i) => i.id)).toEqual([ids.noeBio, ids.eve, ids.zoe, ids.elise]);
    const all = (await list('scol', '?sort=formation&order=asc')).items.map((i) => i.id);
    const page1 = await list('scol', '?sort=formation&order=asc&limit=3&page=1');
    const page2 = await list('scol', '?sort=formation&order=asc&limit=3&page=2');
    expect({ total: page1.total, page: page2.page, limit: page2.limit }).toEqual({ total: 4, page: 2, limit: 3 });
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual(all);
  });

  it('pages by cursor: suivant leads through every sort and order to the same rows as one page; page is bounded; the total says when it is exact', async () => {
    type Page = { items: Item[]; total: number; plusDe: boolean; suivant: string | null };
    for (const sort of ['nom', 'numeroDossier', 'createdAt', 'formation', 'statutDossier']) {
      for (const order of ['asc', 'desc']) {
        const all = (await list('scol', `?sort=${sort}&order=${order}&limit=50`)).items.map((i) => i.id);
        const seen: number[] = [];
        let page = (await get('scol', `?sort=${sort}&order=${order}&limit=1`).expect(200)).body as Page;
        for (let n = 0; n < 10 && page.items.length > 0; n++) {
          seen.push(...page.items.map((i) => i.id));
          if (!page.suivant) break;
          page = (await get('scol', `?sort=${sort}&order=${order}&limit=1&apres=${page.suivant}`).expect(200)).body as Page;
        }
        expect({ sort, order, seen }).toEqual({ sort, order, seen: all });
      }
    }
    const first = (await get('scol', '?limit=2').expect(200)).body as Page;
    expect({ total: first.total, plusDe: first.plusDe, suivant: typeof first.suivant }).toEqual({ total: 4, plusDe: false, suivant: 'string' });
    expect(((await get('scol', '?limit=50').expect(200)).body as Page).suivant).toBeNull();
    const deep = await get('scol', '?page=51&limit=200').expect(400);
    expect(deep.body.errors[0].field).toBe('page');
    expect((await get('scol', '?apres=nimporte').expect(400)).body.errors[0].field).toBe('apres');
  });

  it("shows the campaign in service by default, another one when asked (campagne)", async () => {
    const ancienne = await t.dataSource.getRepository(Campagne).save({ code: 'ANCIENNE', libelle: 'Campagne précédente', dateDebut: '2025-01-01', dateFin: '2025-12-31', enService: false });
    const { identifiers } = await t.dataSource.getRepository(Candidature).insert({
      campagneId: ancienne.id,
      compteCandidatId: (await t.dataSource.getRepository(Candidature).findOneByOrFail({ id: ids.zoe })).compteCandidatId,
      formationId: ids.geo,
      statutDossier: StatutDossier.CO,
      statutDossierAt: t.clock.now(),
      typeTraitement: TypeTraitement.AC,
      createdAt: t.clock.now(),
      nonAnnulee: true,
      datesArchivees: '{}',
    });
    try {
      expect((await list('scol')).items.map((i) => i.id)).not.toContain(identifiers[0].id);
      expect((await list('scol', `?campagne=${ancienne.id}`)).items.map((i) => i.id)).toEqual([identifiers[0].id]);
      expect((await list('scol', `?campagne=${campagne.id}`)).total).toBe(4);
    } finally {
      await t.dataSource.getRepository(Candidature).delete({ id: identifiers[0].id });
      await t.dataSource.getRepository(Campagne).delete({ id: ancienne.id });
    }
  });

  it('keeps each member of staff to their scope, in the list, the full view, the notes and the exports', async () => {
    const ours = [numeros.elise, numeros.noe, numeros.eve].sort();
    expect((await numerosOf('gestOsuc')).sort()).toEqual(ours);
    expect((await numerosOf('membreOsuc')).sort()).toEqual(ours);
    for (const who of ['gestAutre', 'membreAutre']) {
      expect(await numerosOf(who)).toEqual([numeros.zoe]);
      expect(await list(who, '?commission=OSUC-SCOL')).toMatchObject({ items: [], total: 0 });
      expect(await list(who, '?annulees=true')).toMatchObject({ items: [], total: 0 });
      expect(await list(who, `?q=${numeros.elise}`)).toMatchObject({ items: [], total: 0 });
      const missing = (await get(who, `/${ids.elise}`).expect(404)).body;
      const unknown = (await get(who, '/999999').expect(404)).body;
      expect({ code: missing.code, detail: missing.detail }).toEqual({ code: unknown.code, detail: unknown.detail });
      expect(missing.code).toBe('CANDIDATURE_INTROUVABLE');
      await get(who, `/${ids.elise}/notes`).expect(404);
      await request(t.http).post(`/api/candidatures/${ids.elise}/notes`).set(bearer(tokens[who])).send({ message: 'Intrus' }).expect(404);
      const csv = await get(who, `/export.csv?formationId=${ids.geo}`).expect(200);
      expect(parseCsv(csv.text.replace(/^\uFEFF/, ''))).toHaveLength(1);
      const xlsx = await get(who, `/export.xlsx?formationId=${ids.geo}`).buffer(true).parse(binary).expect(200);
      const book = await workbook(xlsx.body as Buffer);
      expect(book.getWorksheet('Candidatures')!.actualRowCount).toBe(1);
    }
    await get('gestOsuc', `/${ids.zoe}`).expect(404);
    await get('membreOsuc', `/${ids.elise}`).expect(200);
  });

  it('shows a candidature in full: file, récapitulatif, every avis newest first, and the bloc-notes', async () => {
    t.clock.advance({ minutes: 5 });
    const first = await request(t.http).post(`/api/candidatures/${ids.elise}/notes`).set(bearer(tokens.membreOsuc)).send({ message: '  Appelée le 20/11 : envoie son relevé.  ' }).expect(201);
    expect(first.body).toMatchObject({ message: 'Appelée le 20/11 : envoie son relevé.', auteur: 'membre.osuc', createdAt: t.clock.now().toISOString() });
    t.clock.advance({ minutes: 5 });
    await request(t.http).post(`/api/candidatures/${ids.elise}/notes`).set(bearer(tokens.gestOsuc)).send({ message: 'Relevé reçu.' }).expect(201);
    expect((await request(t.http).post(`/api/candidatures/${ids.elise}/notes`).set(bearer(tokens.gestOsuc)).send({ message: 'x'.repeat(256) }).expect(400)).body.errors[0].field).toBe('message');
    await request(t.http).post(`/api/candidatures/${ids.elise}/notes`).set(bearer(tokens.gestOsuc)).send({ message: '   ' }).expect(400);
    const notes = (await get('membreOsuc', `/${ids.elise}/notes`).expect(200)).body;
    expect(notes.map((n: Body) => [n.auteur, n.message])).toEqual([
      ['gest.osuc', 'Relevé reçu.'],
      ['membre.osuc', 'Appelée le 20/11 : envoie son relevé.'],
    ]);

    const detail = (await get('gestOsuc', `/${ids.elise}`).expect(200)).body;
    expect(detail).toMatchObject({
      id: ids.elise,
      numeroDossier: numeros.elise,
      commission: 'OSUC-SCOL',
      centre: 'OSUC',
      acceptee: true,
      codeOpi: `OPI${numeros.elise}`,
      recapitulatif: { id: ids.elise, formation: { code: 'M1-GEO' }, statutDossier: { code: 'CO' }, dates: { limiteRetour: '2027-04-10' }, contact: { commission: 'OSUC - SCOLARITE' } },
      dossier: { numeroDossier: numeros.elise, identite: { nomNaissance: 'Martin', prenom: 'Élise', ine: ines.elise } },
      notes,
    });
    expect(detail.avis.map((a: Body) => [a.type, a.valide, a.rang])).toEqual([
      ['FA', true, null],
      ['LC', false, 4],
    ]);
    expect(detail.avis[0]).toMatchObject({ libelle: 'Favorable', validePar: 'gest.osuc', valideAt: expect.any(String), publieAt: expect.any(String), creePar: 'gest.osuc' });
    const eve = (await get('scol', `/${ids.eve}`).expect(200)).body;
    expect(eve.avis).toEqual([expect.objectContaining({ type: 'DE', motif: 'CAPACITE', motifLibelle: "Capacité d'accueil atteinte", commentaire: 'Capacité atteinte', valide: false, valideAt: null })]);
    // Cancelled candidatures open too
    expect((await get('scol', `/${ids.noeGeo}`).expect(200)).body.recapitulatif.annuleeAt).toEqual(expect.any(String));
    await get('scol', '/abc').expect(400);
  });

  it('exports the filtered list as CSV for French Excel, formulas neutralised, and the same rows as XLSX', async () => {
    const res = await get('scol', '/export.csv?commission=OSUC-SCOL').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="candidatures-2026-11-20\.csv"/);
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(res.text.slice(1));
    expect(header).toEqual([
      'Numéro de dossier', 'Civilité', 'Nom de naissance', "Nom d'usage", 'Prénom', 'Date de naissance', 'Nationalité', 'INE', 'E-mail',
      'Téléphone portable', 'Code formation', 'Libellé formation', 'Commission', 'Date de candidature', 'Date de transmission',
      'Statut du dossier', 'Date du statut', 'Type de traitement', 'Traitement validé', 'Avis', 'Avis validé', 'Motif', 'Rang saisi',
      'Rang liste complémentaire', 'Réponse', 'Date de réponse', 'Désistement automatique', 'Code OPI', "Date d'annulation", 'Étiquettes',
    ]);
    // By id: Élise, Noé (M2-BIO; the cancelled M1-GEO is not live), Ève
    expect(rows.map((r) => r[0])).toEqual([numeros.elise, numeros.noe, numeros.eve]);
    const col = (name: string) => header.indexOf(name);
    const [elise, noe, eve] = rows;
    expect(elise[col('Nom de naissance')]).toBe('Martin');
    expect(elise[col('Civilité')]).toBe('Mme');
    expect(elise[col('Date de naissance')]).toBe('14/03/2003');
    expect(elise[col('Nationalité')]).toMatch(/^fran/i);
    expect(elise[col('Date de candidature')]).toBe('20/11/2026 11:01');
    expect(elise[col('Statut du dossier')]).toBe('Complet');
    expect([elise[col('Avis')], elise[col('Avis validé')], elise[col('Réponse')], elise[col('Code OPI')]]).toEqual(['Favorable', 'Oui', 'Confirmée', `OPI${numeros.elise}`]);
    expect(elise[col('Téléphone portable')]).toBe("'+33 6 12 34 56 78");
    expect([noe[col("Nom d'usage")], noe[col('Type de traitement')], noe[col('Traitement validé')], noe[col('Avis')]]).toEqual(['Durand', 'En attente', 'Non', '']);
    expect(eve[col('Nom de naissance')]).toBe("'=cmd|calc");
    expect([eve[col('Avis')], eve[col('Avis validé')], eve[col('Motif')]]).toEqual(['Défavorable', 'Non', "Capacité d'accueil atteinte"]);

    const annulees = parseCsv((await get('scol', '/export.csv?annulees=true').expect(200)).text.slice(1));
    expect(annulees.slice(1).map((r) => [r[0], r[col('Code formation')], r[col("Date d'annulation")] !== ''])).toEqual([[numeros.noe, 'M1-GEO', true]]);

    const x = await get('scol', '/export.xlsx?commission=OSUC-SCOL').buffer(true).parse(binary).expect(200);
    expect(x.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(x.headers['content-disposition']).toMatch(/^attachment; filename="candidatures-2026-11-20\.xlsx"/);
    const book = await workbook(x.body as Buffer);
    const sheet = book.getWorksheet('Candidatures')!;
    const cells: string[][] = [];
    sheet.eachRow((row) => cells.push(header.map((_, i) => (row.getCell(i + 1).value === null ? '' : String(row.getCell(i + 1).value)))));
    // Spreadsheet cells are text, never formulas: nothing to neutralise there.
    const unneutralised = [header, ...rows].map((r) => r.map((v) => (v.startsWith("'") ? v.slice(1) : v)));
    expect(cells).toEqual(unneutralised);
    expect(sheet.getRow(4).getCell(col('Nom de naissance') + 1).value).toBe('=cmd|calc');

    const invalid = await get('scol', '/export.csv?statutDossier=XX').expect(400);
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    await get('scol', '/export.csv?page=2').expect(400);
  });

  it('searches an account by the words of its identity as last written, then applies with them', async () => {
    const c = await candidatComplet(t, campagne, 'Vasseur', 'Aubin');
    const compte = await t.dataSource.getRepository(CompteCandidat).findOneByOrFail({ numeroDossier: c.numero });
    const mots = async () => (await t.dataSource.getRepository(MotRecherche).findBy({ compteCandidatId: compte.id })).map((m) => m.mot).sort();
    // The name typed when the account was opened stays among its words (plain ASCII here: folding is upper-casing).
    const duCompte = [compte.nom.toUpperCase(), compte.prenom.toUpperCase()];
    expect(await mots()).toEqual([c.ine, c.numero, 'AUBIN', 'VASSEUR', ...duCompte].sort());
    const identite = { civilite: 'M', nomNaissance: 'Vasseur', nomUsage: 'Le Goff', prenom: 'Aubin', dateNaissance: '2003-03-14', paysNaissance: 'FR', departementNaissance: '45', communeNaissance: '45234', nationalite: 'FR', ine: c.ine };
    await request(t.http).put('/api/candidat/identite').set(bearer(c.token)).set('If-Match', '"1"').send(identite).expect(200);
    expect(await mots()).toEqual([c.ine, c.numero, 'AUBIN', 'GOFF', 'LE', 'VASSEUR', ...duCompte].sort());
    const [id] = [(await request(t.http).post('/api/candidat/candidatures').set(bearer(c.token)).send({ formationId: ids.geo }).expect(201)).body.id];
    expect((await list('scol', '?q=goff%20aub')).items.map((i) => i.id)).toEqual([id]);
  });
  it('sorts by the formation code as last changed', async () => {
    const champs = ['commissionId', 'code', 'libelle', 'motsCles', 'typeDiplome', 'typeTraitement', 'demat', 'dateDebutCandidature', 'dateFinCandidature', 'dateRetour', 'dateAnalyse', 'dateJury', 'datePublication', 'dateConfirmation', 'delaiConfirmation', 'listeComplementaire', 'dateConfirmationListeComplementaire', 'delaiConfirmationListeComplementaire', 'capacite', 'informationsComplementaires'];
    const gestion = (await request(t.http).get('/api/offre/gestion/formations?limit=200').set(bearer(tokens.scol)).expect(200)).body as { items: (Body & { id: number; version: number })[] };
    const droit = gestion.items.find((f) => f.id === ids.droit)!;
    const body = Object.fromEntries(champs.filter((k) => droit[k] !== null && droit[k] !== undefined).map((k) => [k, droit[k]]));
    await request(t.http).put(`/api/offre/gestion/formations/${ids.droit}`).set(bearer(tokens.scol)).set('If-Match', `"${droit.version}"`).send({ ...body, code: 'Z9-DROIT' }).expect(200);
    expect((await list('scol', '?sort=formation&order=asc')).items.map((i) => i.id).at(-1)).toBe(ids.zoe);
    expect((await list('scol', '?sort=formation&order=desc')).items.map((i) => i.id)[0]).toBe(ids.zoe);
  });
});
