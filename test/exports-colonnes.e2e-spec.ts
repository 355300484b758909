import request from 'supertest';
import { ImportScolarite } from '../src/candidat/entities/import-scolarite.entity';
import { Role } from '../src/common/auth/roles';
import { CursusExterne, ResultatCursus } from '../src/cursus/entities/cursus-externe.entity';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { Commune, Departement, Mention, SerieBac, SpecialiteBac } from '../src/referentiel/entities';
import { bearer } from './support/api';
import { binary, parseCsv, workbook } from './support/exports';
import { createCampagne } from './support/factories';
import { creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

type Colonne = { code: string; entete: string; groupe: string; libelleGroupe: string; description: string; parDefaut: boolean };

/** The 29 columns of the export before the catalogue, in their order, and the étiquettes (issue 18, part 6): the default. */
const ENTETES_PAR_DEFAUT = [
  'Numéro de dossier', 'Civilité', 'Nom de naissance', "Nom d'usage", 'Prénom', 'Date de naissance', 'Nationalité', 'INE', 'E-mail',
  'Téléphone portable', 'Code formation', 'Libellé formation', 'Commission', 'Date de candidature', 'Date de transmission',
  'Statut du dossier', 'Date du statut', 'Type de traitement', 'Traitement validé', 'Avis', 'Avis validé', 'Motif', 'Rang saisi',
  'Rang liste complémentaire', 'Réponse', 'Date de réponse', 'Désistement automatique', 'Code OPI', "Date d'annulation",
  'Étiquettes',
];

const CHOIX = 'numeroDossier,adresse,adresseLigne1,adresseCodePostal,adresseVille,adressePays,bacSerie,bacAnnee,bacMention,bacSpecialites,bacDepartement,cursusExterne,dernierDiplome,numeroEtudiant,blocNotes';

describe('Exports with chosen columns: the catalogue, the `colonnes` parameter, CSV and XLSX', () => {
  let t: TestApp;
  let campagne: Campagne;
  let tokens: Record<'scol' | 'gestAutre' | 'membre', string>;
  const formations: Record<string, number> = {};
  const numeros: string[] = [];
  const get = (who: keyof typeof tokens, path: string) => request(t.http).get(`/api/candidatures${path}`).set(bearer(tokens[who]));
  const csv = async (path: string, who: keyof typeof tokens = 'scol') => parseCsv((await get(who, path).expect(200)).text.slice(1));

  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set('2026-11-20T10:00:00Z');
    campagne = await createCampagne(t);
    tokens = await staffConnecte(t, {
      scol: ['scol.colonnes', [Role.SCOL_CENTRALE]],
      gestAutre: ['gest.colonnes', [Role.GESTIONNAIRE], { centres: ['AILLEURS'] }],
      membre: ['membre.colonnes', [Role.COMMISSION], { commissions: ['EXPCOL-COM'] }],
    });
    const offre = await creerOffre(t, tokens.scol, { centre: { code: 'EXPCOL' } });
    formations.deux = await offre.formation();
    formations.cinq = await offre.formation();
    for (let i = 0; i < 7; i++) {
      const c = await candidatComplet(t, campagne, `Colonne${i}`, 'Éloïse');
      numeros.push(c.numero);
      t.clock.advance({ minutes: 1 });
      await request(t.http).post('/api/candidat/candidatures').set(bearer(c.token)).send({ formationId: i < 2 ? formations.deux : formations.cinq }).expect(201);
    }
  });

  afterAll(() => t.close());

  it('lists the catalogue by group, the default columns flagged in their order, étiquettes included', async () => {
    const res = await get('membre', '/export/colonnes').expect(200);
    const colonnes = res.body as Colonne[];
    expect(new Set(colonnes.map((c) => c.code)).size).toBe(colonnes.length);
    expect(colonnes.filter((c) => c.parDefaut).map((c) => c.entete).sort()).toEqual([...ENTETES_PAR_DEFAUT].sort());
    const groupes = new Set(colonnes.map((c) => c.groupe));
    for (const g of ['identite', 'adresse', 'bac', 'cursus', 'statut', 'avis', 'reponse', 'opi', 'blocNotes', 'dates']) expect(groupes).toContain(g);
    for (const code of CHOIX.split(',')) expect(colonnes.map((c) => c.code)).toContain(code);
    expect(colonnes.find((c) => c.code === 'bacSpecialites')).toMatchObject({ groupe: 'bac', libelleGroupe: 'Baccalauréat', entete: 'Spécialités du bac', parDefaut: false });
    // Étiquettes are a group of the contract, and their column is in it.
    const doc = (await request(t.http).get('/api/docs-json').expect(200)).body;
    expect(doc.components.schemas.ColonneExportDto.properties.groupe.enum).toContain('etiquettes');
    expect(colonnes.find((c) => c.code === 'etiquettes')).toMatchObject({ groupe: 'etiquettes', entete: 'Étiquettes', parDefaut: true });
  });

  it('keeps the default export as it was without `colonnes`', async () => {
    const [header, ...rows] = await csv(`/export.csv?formationId=${formations.deux}`);
    expect(header).toEqual(ENTETES_PAR_DEFAUT);
    expect(rows.map((r) => r[0])).toEqual(numeros.slice(0, 2));
  });

  it('writes the chosen columns, in the order asked, address, bac with spécialités, cursus, last diploma, student number and bloc-notes, in CSV and XLSX', async () => {
    const compteId = async (numero: string) => (await t.dataSource.query('SELECT id FROM compte_candidat WHERE numero_dossier = ?', [numero]))[0].id as number;
    const premier = await compteId(numeros[0]);
    const repo = t.dataSource.getRepository(CursusExterne);
    const cursus = { pays: 'FR', typeDiplome: 'LIC', libelleEtablissement: 'Université de Tours', version: 1, updatedAt: t.clock.now() };
    await repo.insert({ ...cursus, compteCandidatId: premier, annee: 2022, libelle: 'Licence 2 Géographie', resultat: ResultatCursus.OBTENU });
    await repo.insert({ ...cursus, compteCandidatId: premier, annee: 2023, libelle: 'Licence 3 Géographie', resultat: ResultatCursus.NON_OBTENU });
    // The cursus interne of the SI Scol holds a later diploma of the second candidate.
    const second = await compteId(numeros[1]);
    await repo.insert({ ...cursus, compteCandidatId: second, annee: 2021, libelle: 'BTS Tourisme', resultat: ResultatCursus.OBTENU });
    const record = { codeEtudiant: '21900042', cursusInterne: [{ annee: 2024, codeFormation: 'L3GEO', libelleFormation: 'Licence Géographie', resultat: 'ADM', mention: null }] };
    await t.dataSource.getRepository(ImportScolarite).insert({ compteCandidatId: second, source: 'file', codeEtudiant: '21900042', donnees: JSON.stringify(record), importedAt: t.clock.now() });
    const [candidature] = (await get('scol', `?formationId=${formations.deux}&sort=numeroDossier&order=asc`).expect(200)).body.items as { id: number }[];
    await request(t.http).post(`/api/candidatures/${candidature.id}/notes`).set(bearer(tokens.scol)).send({ message: 'Appelée ; relevé « S5 » attendu' }).expect(201);
    t.clock.advance({ minutes: 5 });
    await request(t.http).post(`/api/candidatures/${candidature.id}/notes`).set(bearer(tokens.membre)).send({ message: '=SOMME(A1)' }).expect(201);

    // Expected labels, read from the reference data the candidate's file named.
    const lib = async (entite: new () => { code: string; libelle: string }, code: string) => (await t.dataSource.getRepository(entite).findOneByOrFail({ code })).libelle;
    const [gen, b, maths, pc, loiret, orleans] = [await lib(SerieBac, 'GEN'), await lib(Mention, 'B'), await lib(SpecialiteBac, 'MATHS'), await lib(SpecialiteBac, 'PC'), await lib(Departement, '45'), await lib(Commune, '45234')];

    const [header, premiere, seconde] = await csv(`/export.csv?formationId=${formations.deux}&colonnes=${CHOIX}`);
    expect(header).toEqual([
      'Numéro de dossier', 'Adresse', 'Adresse ligne 1', 'Code postal', 'Ville', 'Pays', 'Série du bac', 'Année du bac', 'Mention du bac',
      'Spécialités du bac', 'Département du bac', 'Cursus externe', 'Dernier diplôme', 'Numéro étudiant', 'Bloc-notes',
    ]);
    expect(premiere).toEqual([
      numeros[0],
      `12 rue de Bourgogne\n45000 ${orleans}`,
      '12 rue de Bourgogne',
      '45000',
      orleans,
      expect.stringMatching(/^france$/i),
      gen,
      '2021',
      b,
      `${maths} / ${pc}`,
      loiret,
      '2022-2023 : Licence 2 Géographie, Université de Tours, obtenu\n2023-2024 : Licence 3 Géographie, Université de Tours, non obtenu',
      'Licence 2 Géographie (2022-2023)',
      '',
      // Oldest first; a note starting like a formula stays text.
      `20/11/2026 11:07 scol.colonnes : Appelée ; relevé « S5 » attendu\n20/11/2026 11:12 membre.colonnes : =SOMME(A1)`,
    ]);
    expect(seconde.slice(12, 14)).toEqual(['Licence Géographie (2024-2025)', '21900042']);

    const x = await get('scol', `/export.xlsx?formationId=${formations.deux}&colonnes=${CHOIX}`).buffer(true).parse(binary).expect(200);
    const sheet = (await workbook(x.body as Buffer)).getWorksheet('Candidatures')!;
    const cells: string[][] = [];
    sheet.eachRow((row) => cells.push(header.map((_, i) => (row.getCell(i + 1).value === null ? '' : String(row.getCell(i + 1).value)))));
    expect(cells).toEqual([header, premiere, seconde]);
  });

  it('answers 400 naming every unknown column, before any byte of a file', async () => {
    for (const format of ['csv', 'xlsx']) {
      const res = await get('scol', `/export.${format}?colonnes=numeroDossier,pointure,bacSerie,taille`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([{ field: 'colonnes', message: expect.stringContaining('colonnes inconnues : pointure, taille') }]);
      expect(res.body.detail).toMatch(/pointure, taille/);
    }
    expect((await get('scol', '/export.csv?colonnes=nom').expect(400)).body.errors[0].message).toMatch(/^colonne inconnue : nom /);
    expect((await get('scol', '/export.csv?colonnes=numeroDossier,,ine').expect(400)).body.errors[0].message).toMatch(/colonne vide/);
    await get('scol', '/export.csv?colonnes=').expect(400);
    // `colonnes` is an export's parameter, not the list's.
    await get('scol', '?colonnes=ine').expect(400);
  });

  it('keeps the scope with any columns', async () => {
    expect(await csv(`/export.csv?colonnes=numeroDossier,adresse,blocNotes`, 'gestAutre')).toEqual([['Numéro de dossier', 'Adresse', 'Bloc-notes']]);
    expect((await csv(`/export.csv?colonnes=numeroDossier,adresse,blocNotes`, 'membre')).length).toBe(8);
  });

  it('reads a page in a fixed number of statements, whatever its number of rows', async () => {
    const statements = async (formationId: number) => {
      // Every statement of either engine goes through the data source's logger (as test/lectures-candidat counts them).
      const spy = jest.spyOn(t.dataSource.logger, 'logQuery');
      try {
        const lignes = await csv(`/export.csv?formationId=${formationId}&colonnes=${CHOIX},nationalite,bacEtablissement,commentaireAvis`);
        return { lignes: lignes.length - 1, statements: spy.mock.calls.length };
      } finally {
        spy.mockRestore();
      }
    };
    // Once first, left out: what a session does once (its last-seen time) is not the export's.
    await statements(formations.cinq);
    const deux = await statements(formations.deux);
    const cinq = await statements(formations.cinq);
    expect([deux.lignes, cinq.lignes]).toEqual([2, 5]);
    // The spy sees them: the scope's formations, the labels, the page, its cursus, its notes…
    expect(deux.statements).toBeGreaterThanOrEqual(5);
    expect(cinq.statements).toBe(deux.statements);
  });
});
