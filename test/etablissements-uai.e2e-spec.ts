import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import request from 'supertest';
import { Etablissement } from '../src/referentiel/entities';
import { EtablissementsImportService } from '../src/referentiel/etablissements-import.service';
import { ReferentielService } from '../src/referentiel/referentiel.service';
import { api } from './support/api';
import { CANDIDAT_PASSWORD, createCampagne, createCandidat } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

const FIXTURE = join(__dirname, 'fixtures', 'annuaire-education.csv');
const IMPORTEES = ['0140013N', '0140014P', '0450049J', '0450782F', '0450786K', '0451462V', '0451484U', '0451526P', '0451565G'];

describe('Établissements from the Annuaire de l’éducation (UAI import)', () => {
  let t: TestApp;
  const importer = (fichier: AsyncIterable<string | Buffer> = createReadStream(FIXTURE), options = {}) =>
    t.app.get(EtablissementsImportService).importer(fichier, options);
  const lignes = () =>
    t.dataSource.query(
      `SELECT code, libelle, type, commune_code, departement_code, libelle_recherche, statut, actif, maj_le FROM etablissement WHERE code IN (${IMPORTEES.map((c) => `'${c}'`).join(',')}) ORDER BY code`,
    ) as Promise<Record<string, unknown>[]>;
  const chercher = async (query: string) =>
    (await request(t.http).get(`/api/referentiels/etablissements?${query}`).expect(200)).body.items as { code: string; libelle: string; type: string; statut: string; libelleCommune: string }[];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('imports the fixture: lycées created or updated in place, the école left out; a second run leaves the same rows', async () => {
    const premier = await importer();
    // Four lycées are new; five are built-in ones (src/referentiel/data/etablissements.ts), renamed as the file names them.
    expect(premier).toMatchObject({ lues: 10, creees: 4, modifiees: 5, inchangees: 0, ignorees: { Ecole: 1 }, rejetees: 0 });
    const apres = await lignes();
    expect(apres.map((r) => r.code)).toEqual(IMPORTEES);
    expect(apres.find((r) => r.code === '0451565G')).toMatchObject({ libelle: 'Lycée privé de la Mouillère', type: 'LYCEE', statut: 'PRIVE', commune_code: '45234', departement_code: '45' });
    expect(apres.find((r) => r.code === '0450049J')).toMatchObject({ libelle: 'Lycée général et technologique Pothier', statut: 'PUBLIC' });
    expect(Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM etablissement WHERE code = '0301674G'`))[0].n)).toBe(0);

    const second = await importer();
    expect(second).toMatchObject({ lues: 10, creees: 0, modifiees: 0, inchangees: 9, rejetees: 0 });
    expect(await lignes()).toEqual(apres);
  });

  it('updates a renamed lycée in place and rejects bad lines, naming them', async () => {
    const entete = 'Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Code_commune;etat\n';
    const bilan = await importer(
      Readable.from([entete, '0451484u;Lycée François Villon;Lycée;Public;45028;OUVERT\n', '045148;Lycée sans UAI;Lycée;Public;45028;OUVERT\n', '0451999Z;Lycée nulle part;Lycée;Public;99999;OUVERT\n']),
    );
    expect(bilan).toMatchObject({ lues: 3, creees: 0, modifiees: 1, rejetees: 2 });
    expect(bilan.exemplesRejets.join('\n')).toMatch(/UAI « 045148 » invalide[\s\S]*commune « 99999 » inconnue/);
    const rows = await t.dataSource.query(`SELECT libelle FROM etablissement WHERE code = '0451484U'`);
    expect(rows).toEqual([{ libelle: 'Lycée François Villon' }]);
    await importer();
  });

  it('finds imported lycées by name, by commune name and by UAI, and filters by type', async () => {
    expect((await chercher('q=monod'))[0]).toMatchObject({ code: '0451462V', type: 'LYCEE', libelleCommune: 'Saint-Jean-de-Braye', statut: 'PUBLIC' });
    expect((await chercher('q=0451484u'))[0]).toMatchObject({ code: '0451484U', libelleCommune: 'Beaugency' });
    const caen = (await chercher('q=caen&type=LYCEE')).map((e) => e.code);
    expect(caen).toEqual(expect.arrayContaining(['0140013N', '0140014P']));
    expect((await chercher('q=caen&type=LYCEE')).every((e) => e.type === 'LYCEE')).toBe(true);
    const loiret = await chercher('departement=45&type=LYCEE&limit=200');
    expect(loiret.map((e) => e.code)).toEqual(expect.arrayContaining(['0450049J', '0450782F', '0451462V', '0451484U', '0451565G']));
    expect(loiret.map((e) => e.code)).not.toContain('0450855K');
  });

  it("lets a candidate's bac name an imported lycée and reads it back; an école of the file is not one", async () => {
    const campagne = await createCampagne(t);
    const compte = await createCandidat(t, campagne);
    const token = (await request(t.http).post('/api/auth/login').send({ login: compte.numeroDossier, password: CANDIDAT_PASSWORD }).expect(200)).body.token as string;
    const bac = { serie: 'GEN', annee: 2023, mention: 'B', specialites: ['MATHS', 'PC'], pays: 'FR', departement: '45', commune: '45284' };
    const ecole = await api(t, token).put('candidat/bac', { ...bac, etablissement: '0301674G' }).expect(400);
    expect(ecole.body.errors.map((e: { field: string }) => e.field)).toEqual(['etablissement']);
    await api(t, token).put('candidat/bac', { ...bac, etablissement: '0451462V' }).expect(200);
    expect((await api(t, token).get('candidat/bac').expect(200)).body).toMatchObject({ etablissement: '0451462V', commune: '45284' });
  });

  it('closes lycées the directory no longer lists when asked, keeping them valid for the files that name them', async () => {
    const entete = 'Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Code_commune;etat\n';
    const bilan = await importer(Readable.from([entete, '0451484U;Lycée François Villon;Lycée;Public;45028;OUVERT\n']), { desactiverAbsents: true });
    expect(bilan.desactivees).toBe(8);
    expect((await chercher('q=monod')).map((e) => e.code)).not.toContain('0451462V');
    expect((await chercher('q=villon')).map((e) => e.code)).toContain('0451484U');
    // Universities (another kind) are untouched.
    expect((await chercher('q=0450855K')).map((e) => e.code)).toEqual(['0450855K']);
    // The fixture again: the 8 reopen, and François Villon takes back the fixture's name.
    const again = await importer();
    expect(again.modifiees).toBe(9);
    expect((await chercher('q=monod')).map((e) => e.code)).toContain('0451462V');
  });

  it('another instance picks an import up: its snapshot reloads when the table moved', async () => {
    const service = t.app.get(ReferentielService);
    await expect(service.refreshIfChanged()).resolves.toBe(false);
    await t.dataSource.getRepository(Etablissement).update({ code: '0451462V' }, { libelle: 'Lycée Jacques Monod (renommé)', majLe: new Date(Date.now() + 60_000) });
    expect((await chercher('q=0451462V'))[0].libelle).not.toContain('renommé');
    await expect(service.refreshIfChanged()).resolves.toBe(true);
    expect((await chercher('q=0451462V'))[0].libelle).toBe('Lycée Jacques Monod (renommé)');
  });
});

describe('npm run referentiel:etablissements (the command)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uai-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/import-etablissements.ts', ...args], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: `sqlite:${join(dir, 'base.sqlite')}` },
      encoding: 'utf8',
      timeout: 180_000,
    });

  it('imports the fixture into a new database, then finds it unchanged; refuses a missing file', () => {
    const first = run('--fichier', FIXTURE);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^10 lignes lues en [\d.]+ s : 4 créées, 5 modifiées, 0 inchangées\.\nIgnorées \(ni lycée ni supérieur\) : Ecole 1\./);
    expect(run('--fichier', FIXTURE).stdout).toContain('0 créées, 0 modifiées, 9 inchangées.');
    const missing = run('--fichier', join(dir, 'absent.csv'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Fichier introuvable');
  });
});
