import 'reflect-metadata';
import { Connection, createConnection } from 'mysql2/promise';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../src/config/database.config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { normalizeForSearch } from '../src/common/text/normalize';
import { motsRecherche } from '../src/candidature/liste-candidature-colonnes';
import { cleEtiquette } from '../src/commission/etiquettes/acces-etiquettes';

/**
 * The staff list's data on MariaDB, for the list and export benchmarks: a database built by the migrations, then
 * filled directly with multi-row INSERTs (checks off for the session, one commit per batch). Shape, whatever N:
 * 3 campaigns (two archived, the last one in service, holding half the candidatures), 40 centres × 5 commissions ×
 * 10 formations = 2,000 formations, one candidate per ten candidatures (each applies to 10 formations of their
 * campaign), statuts AT 40 % / RE 15 % / IN 15 % / CO 30 %, 3 % cancelled, an avis history on most complete files
 * (FA, DE, LC, LA, PR; most validated; some with a second, later avis), answers on validated favourable ones, and
 * names drawn from common French surnames and first names (so a search for "martin" finds about 1 % of them), and
 * two labels: the institution's on 5 % of the candidatures, centre CTR2's on a third of CTR2's.
 *
 * Deterministic (a seeded generator): the same N gives the same rows. A database that already holds N candidatures
 * is kept as it is (`donneesListe` answers without writing), so 1 M is generated once and reused:
 *
 *   npx ts-node --transpile-only bench/donnees-liste.ts 1000000 bench_liste_1m
 */

export const CENTRES = 40;
export const COMMISSIONS_PAR_CENTRE = 5;
export const FORMATIONS_PAR_COMMISSION = 10;
export const CANDIDATURES_PAR_CANDIDAT = 10;
const LOT = 2000;
/** The generated labels' ids: the institution's, and centre CTR2's */
export const ETIQUETTE_INSTITUTION = 1;
export const ETIQUETTE_CENTRE = 2;

export const serveurMariadb = () => process.env.BENCH_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306';
export const urlBase = (base: string) => `${serveurMariadb()}/${base}`;

const NOMS = [
  'MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT', 'SIMON', 'MICHEL', 'LEFEBVRE', 'LEROY', 'ROUX',
  'DAVID', 'BERTRAND', 'MOREL', 'FOURNIER', 'GIRARD', 'BONNET', 'DUPONT', 'LAMBERT', 'FONTAINE', 'ROUSSEAU', 'VINCENT', 'MULLER', 'LEFÈVRE', 'FAURE',
  'ANDRÉ', 'MERCIER', 'BLANC', 'GUÉRIN', 'BOYER', 'GARNIER', 'CHEVALIER', 'FRANÇOIS', 'LEGRAND', 'GAUTHIER', 'GARCIA', 'PERRIN', 'ROBIN', 'CLÉMENT',
  'MORIN', 'NICOLAS', 'HENRY', 'ROUSSEL', 'MATHIEU', 'GAUTIER', 'MASSON', 'MARCHAND', 'DUVAL', 'DENIS', 'DUMONT', 'MARIE', 'LEMAIRE', 'NOËL', 'MEYER',
  'DUFOUR', 'MEUNIER', 'BRUN', 'BLANCHARD', 'GIRAUD', 'JOLY', 'RIVIÈRE', 'LUCAS', 'BRUNET', 'GAILLARD', 'BARBIER', 'ARNAUD', 'MARTINEZ', 'GÉRARD',
  'ROCHE', 'RENARD', 'SCHMITT', 'ROY', 'LEROUX', 'COLIN', 'VIDAL', 'CARON', 'PICARD', 'ROGER', 'FABRE', 'AUBERT', 'LEMOINE', 'RENAUD', 'DUMAS',
  'LACROIX', 'OLIVIER', 'PHILIPPE', 'BOURGEOIS', 'PIERRE', 'BENOÎT', 'REY', 'LECLERC', 'PAYET', 'ROLLAND', 'LECLERCQ', 'GUILLAUME', 'LECOMTE',
  'LOPEZ', 'JEAN', 'DUPUY', 'GUILLOT', 'HUBERT', 'BERGER', 'CARPENTIER', 'SANCHEZ', 'DUPUIS', 'MOULIN', 'LOUIS', 'DESCHAMPS', 'HUET', 'VASSEUR',
  'PEREZ', 'BOUCHER', 'FLEURY', 'ROYER', 'KLEIN', 'JACQUET', 'ADAM', 'PARIS', 'POIRIER', 'MARTY', 'AUBRY', 'GUYOT', 'CARRÉ', 'CHARLES', 'RENAULT',
  'CHARPENTIER', 'MÉNARD', 'MAILLARD', 'BARON', 'BERTIN', 'BAILLY', 'HERVÉ', 'SCHNEIDER', 'FERNANDEZ', 'LE GALL', 'COLLET', 'LÉGER', 'BOUVIER',
  'JULIEN', 'PRÉVOST', 'MILLET', 'PERROT', 'DANIEL', 'LE ROUX', 'COUSIN', 'GERMAIN', 'BRETON', 'BESSON', 'LANGLOIS', 'RÉMY', 'LE GOFF', 'PELLETIER',
  'LÉVÊQUE', 'PERRIER', 'LEBLANC', 'BARRÉ', 'LEBRUN', 'MARCHAL', 'WEBER', 'MALLET', 'HAMON', 'BOULANGER', 'JACOB', 'MONNIER', 'MICHAUD', 'RODRIGUEZ',
  'GUICHARD', 'GILLET', 'ÉTIENNE', 'GRONDIN', 'POULAIN', 'TESSIER', 'CHEVALLIER', 'COLLIN', 'CHAUVIN', 'DA SILVA', 'BOUCHET', 'GAY', 'LEMAÎTRE',
  'BÉNARD', 'MARÉCHAL', 'HUMBERT', 'REYNAUD', 'ANTOINE', 'HOARAU', 'PERRET', 'BARTHÉLEMY', 'CORDIER', 'PICHON', 'LEJEUNE', 'GILBERT', 'LAMY',
  'DELAUNAY', 'PASQUIER', 'CARLIER', 'LAPORTE',
];
const PRENOMS = [
  'Léa', 'Emma', 'Chloé', 'Inès', 'Manon', 'Jade', 'Louise', 'Camille', 'Sarah', 'Zoé', 'Lina', 'Éloïse', 'Élise', 'Juliette', 'Clara', 'Lucie',
  'Anaïs', 'Margaux', 'Océane', 'Mathilde', 'Hugo', 'Lucas', 'Louis', 'Nathan', 'Gabriel', 'Jules', 'Enzo', 'Arthur', 'Raphaël', 'Théo', 'Tom',
  'Maxime', 'Antoine', 'Thomas', 'Alexandre', 'Paul', 'Quentin', 'Clément', 'Baptiste', 'Noé', 'Adam', 'Yanis', 'Mohamed', 'Amine', 'Rayan',
  'Victor', 'Martin', 'Mathis', 'Léo', 'Ethan', 'Émilie', 'Pauline', 'Marine', 'Julie', 'Laura', 'Marie', 'Anna', 'Charlotte', 'Alice', 'Romane',
];

/** A small seeded generator (mulberry32): the same rows on every run. */
function alea(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sql = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 19);

/** Creates the database when missing and runs the migrations (a no-op on an up-to-date database). */
async function migrer(base: string): Promise<void> {
  const server = await createConnection({ uri: `${serveurMariadb()}/mysql` });
  await server.query(`CREATE DATABASE IF NOT EXISTS \`${base}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  await server.end();
  const ds = new DataSource({ ...dataSourceOptions(parseDatabaseConfig({ DATABASE_URL: urlBase(base) })), migrationsRun: false });
  await ds.initialize();
  try {
    await ds.runMigrations();
  } finally {
    await ds.destroy();
  }
}

async function inserer(db: Connection, table: string, colonnes: string[], lignes: unknown[][]): Promise<void> {
  if (lignes.length === 0) return;
  await db.query(`INSERT INTO ${table} (${colonnes.join(', ')}) VALUES ?`, [lignes]);
}

/**
 * Fills `base` with `n` candidatures (and what they hang on), unless it already holds exactly that many; answers
 * the seconds spent (0 when kept). Runs the migrations first either way.
 */
export async function donneesListe(base: string, n: number, log: (m: string) => void = () => undefined): Promise<number> {
  await migrer(base);
  const db = await createConnection({ uri: urlBase(base), dateStrings: true });
  try {
    const [[{ total }]] = (await db.query('SELECT COUNT(*) AS total FROM candidature')) as unknown as [[{ total: number }]];
    if (Number(total) === n) return 0;
    if (Number(total) !== 0) throw new Error(`${base} contient ${total} candidatures, pas ${n} : supprimez-la (DROP DATABASE ${base}) pour la régénérer`);
    const debut = performance.now();
    await db.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
    const r = alea(n);

    // Campaigns: two archived, the current one in service (candidates are spread 1/4, 1/4, 1/2).
    await inserer(
      db,
      'campagne',
      ['id', 'code', 'libelle', 'date_debut', 'date_fin', 'en_service', 'archivee_at', 'version'],
      [
        [1, 'C2024', 'Campagne 2024', '2024-01-01', '2024-12-31', 0, '2025-01-15 10:00:00', 1],
        [2, 'C2025', 'Campagne 2025', '2025-01-01', '2025-12-31', 0, '2026-01-15 10:00:00', 1],
        [3, 'C2026', 'Campagne 2026', '2026-01-01', '2026-12-31', 1, null, 1],
      ],
    );
    const centres: unknown[][] = [];
    const commissions: unknown[][] = [];
    const formations: unknown[][] = [];
    for (let ce = 1; ce <= CENTRES; ce++) {
      centres.push([ce, `CTR${ce}`, `UFR numéro ${ce}`, 1, 1, 1]);
      for (let k = 0; k < COMMISSIONS_PAR_CENTRE; k++) {
        const cm = (ce - 1) * COMMISSIONS_PAR_CENTRE + k + 1;
        commissions.push([cm, ce, `CTR${ce}-COM${k}`, `Commission ${k} de l'UFR ${ce}`, '1 rue de la Férollerie', '45071', 'ORLEANS', 'FR', 1]);
        for (let f = 0; f < FORMATIONS_PAR_COMMISSION; f++) {
          const id = (cm - 1) * FORMATIONS_PAR_COMMISSION + f + 1;
          formations.push([id, cm, `F${String(id).padStart(4, '0')}`, `Master parcours ${id}`, 'MAS', id % 5 === 0 ? 'AD' : 'AC', 1, '2026-01-01', '2026-12-31', '2026-12-31', 1]);
        }
      }
    }
    await inserer(db, 'centre_candidature', ['id', 'code', 'libelle', 'demat_defaut', 'actif', 'version'], centres);
    await inserer(db, 'commission', ['id', 'centre_id', 'code', 'libelle', 'adresse_ligne1', 'code_postal', 'ville', 'pays', 'version'], commissions);
    await inserer(
      db,
      'formation',
      ['id', 'commission_id', 'code', 'libelle', 'type_diplome', 'type_traitement', 'demat', 'date_debut_candidature', 'date_fin_candidature', 'date_retour', 'version'],
      formations,
    );
    const nbFormations = formations.length;
    // Labels: the institution's (on one candidature in 20) and CTR2's (on one in 3 of CTR2's).
    await inserer(db, 'etiquette', ['id', 'libelle', 'couleur', 'centre_id', 'cle'], [
      [ETIQUETTE_INSTITUTION, 'Boursier', '#1f77b4', null, cleEtiquette(null, 'Boursier')],
      [ETIQUETTE_CENTRE, 'À relancer', '#ff7f0e', 2, cleEtiquette(2, 'À relancer')],
    ]);

    const candidats = Math.ceil(n / CANDIDATURES_PAR_CANDIDAT);
    let candidatureId = 0;
    let avisId = 0;
    for (let depart = 0; depart < candidats; depart += LOT / CANDIDATURES_PAR_CANDIDAT) {
      const comptes: unknown[][] = [];
      const identites: unknown[][] = [];
      const lignes: unknown[][] = [];
      const avis: unknown[][] = [];
      const mots: unknown[][] = [];
      const etiquettes: unknown[][] = [];
      const fin = Math.min(candidats, depart + LOT / CANDIDATURES_PAR_CANDIDAT);
      for (let i = depart; i < fin; i++) {
        const id = i + 1;
        const campagne = i % 4 === 0 ? 1 : i % 4 === 1 ? 2 : 3;
        const nom = NOMS[Math.floor(r() * NOMS.length)];
        const prenom = PRENOMS[Math.floor(r() * PRENOMS.length)];
        const nomUsage = r() < 0.05 ? NOMS[Math.floor(r() * NOMS.length)] : null;
        const numero = `T${String(id).padStart(7, '0')}`;
        const cree = new Date(Date.UTC(2023 + campagne, 1, 1) + Math.floor(r() * 120 * 86400_000));
        comptes.push([id, campagne, numero, `c${id}@example.org`, `c${id}@example.org`, nom, prenom, 1, sql(cree), sql(cree)]);
        const nomRecherche = normalizeForSearch([nom, nomUsage, prenom].filter(Boolean).join(' '));
        const ine = r() < 0.8 ? `${String(id).padStart(9, '0')}AB` : null;
        mots.push(...motsRecherche({ numeroDossier: numero, nomRecherche, ine }).map((mot) => [id, mot]));
        identites.push([
          id,
          campagne,
          r() < 0.5 ? 'M' : 'MME',
          nom,
          nomUsage,
          prenom,
          nomRecherche,
          '2003-03-14',
          'FR',
          'FR',
          ine,
          '+33 6 12 34 56 78',
          1,
          sql(cree),
        ]);
        // Ten distinct formations of one area (a candidate applies near home), then one candidature each.
        const premiere = Math.floor(r() * nbFormations);
        const pas = 1 + Math.floor(r() * 7);
        for (let v = 0; v < CANDIDATURES_PAR_CANDIDAT && candidatureId < n; v++) {
          const cid = ++candidatureId;
          const formation = ((premiere + v * pas * 37) % nbFormations) + 1;
          const ad = formation % 5 === 0;
          const creee = new Date(cree.getTime() + Math.floor(r() * 30 * 86400_000));
          const x = r();
          const statut = x < 0.4 ? 'AT' : x < 0.55 ? 'RE' : x < 0.7 ? 'IN' : 'CO';
          const annulee = statut === 'AT' && r() < 0.075;
          const transmise = statut !== 'AT' || r() < 0.3 ? sql(new Date(creee.getTime() + 86400_000)) : null;
          let acceptee: number | null = null;
          let courant: [string, number] | [null, null] = [null, null];
          if (statut === 'CO' && r() < 0.7) {
            // The history: sometimes an earlier avis (LA, PR) before the current one.
            const y = r();
            const type = y < 0.4 ? 'FA' : y < 0.7 ? 'DE' : y < 0.85 ? 'LC' : y < 0.95 ? 'LA' : 'PR';
            const valide = r() < 0.7 ? 1 : 0;
            const quand = new Date(creee.getTime() + 40 * 86400_000);
            if (r() < 0.2) avis.push([++avisId, cid, r() < 0.5 ? 'LA' : 'PR', null, null, 1, sql(quand), 'bench', sql(quand), 'bench', sql(quand)]);
            const quand2 = new Date(quand.getTime() + 10 * 86400_000);
            avis.push([
              ++avisId,
              cid,
              type,
              type === 'DE' ? 'CAPACITE' : null,
              type === 'LC' ? 1 + Math.floor(r() * 50) : null,
              valide,
              valide ? sql(quand2) : null,
              valide ? 'bench' : null,
              valide ? sql(quand2) : null,
              'bench',
              sql(quand2),
            ]);
            courant = [type, valide];
            if (type === 'FA' && valide) acceptee = r() < 0.5 ? 1 : r() < 0.2 ? 0 : null;
          }
          const statutAt = sql(new Date(creee.getTime() + (statut === 'AT' ? 0 : 5 * 86400_000)));
          // Without drawing from the generator: the rows above stay those of the same N before labels existed.
          if (cid % 20 === 0) etiquettes.push([ETIQUETTE_INSTITUTION, cid, 'bench', statutAt]);
          if (formation > FORMATIONS_PAR_COMMISSION * COMMISSIONS_PAR_CENTRE && formation <= 2 * FORMATIONS_PAR_COMMISSION * COMMISSIONS_PAR_CENTRE && cid % 3 === 0) {
            etiquettes.push([ETIQUETTE_CENTRE, cid, 'bench', statutAt]);
          }
          lignes.push([
            cid,
            campagne,
            id,
            formation,
            statut,
            statutAt,
            ad ? (r() < 0.5 ? 'AD' : 'AT') : 'AC',
            ad ? 0 : 1,
            sql(creee),
            transmise,
            annulee ? statutAt : null,
            annulee ? numero : null,
            annulee ? null : 1,
            acceptee,
            acceptee === null ? null : statutAt,
            acceptee === null ? null : numero,
            campagne === 3 ? null : '{}',
            // The list's copies (src/candidature/liste-candidature-colonnes.ts)
            ...courant,
            identites[identites.length - 1][6],
            numero,
            `F${String(formation).padStart(4, '0')}`,
          ]);
        }
      }
      await db.beginTransaction();
      await inserer(db, 'compte_candidat', ['id', 'campagne_id', 'numero_dossier', 'email', 'email_normalise', 'nom', 'prenom', 'active', 'activation_deadline', 'created_at'], comptes);
      await inserer(
        db,
        'candidat',
        ['compte_candidat_id', 'campagne_id', 'civilite', 'nom_naissance', 'nom_usage', 'prenom', 'nom_recherche', 'date_naissance', 'pays_naissance', 'nationalite', 'ine', 'telephone_portable', 'version', 'updated_at'],
        identites,
      );
      await inserer(db, 'mot_recherche', ['compte_candidat_id', 'mot'], mots);
      await inserer(
        db,
        'candidature',
        [
          'id', 'campagne_id', 'compte_candidat_id', 'formation_id', 'statut_dossier', 'statut_dossier_at', 'type_traitement', 'type_traitement_valide', 'created_at',
          'transmise_at', 'annulee_at', 'annulee_par', 'non_annulee', 'acceptee', 'acceptee_at', 'accepte_par', 'dates_archivees',
          'avis_type', 'avis_valide', 'nom_recherche', 'numero_dossier', 'formation_code',
        ],
        lignes,
      );
      await inserer(db, 'avis', ['id', 'candidature_id', 'type', 'motif', 'rang', 'valide', 'valide_at', 'valide_par', 'publie_at', 'cree_par', 'created_at'], avis);
      if (etiquettes.length > 0) await inserer(db, 'etiquette_candidature', ['etiquette_id', 'candidature_id', 'pose_par', 'pose_at'], etiquettes);
      await db.commit();
      if (candidatureId % 100_000 < LOT) log(`${candidatureId.toLocaleString('en')} candidatures`);
    }
    // CAPACITE, the motif of the generated DE, is among the reference motifs the migrations load.
    await db.query('ANALYZE TABLE candidature, candidat, mot_recherche, compte_candidat, avis, formation, commission, centre_candidature, etiquette_candidature');
    return (performance.now() - debut) / 1000;
  } finally {
    await db.end();
  }
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 10_000);
  const base = process.argv[3] ?? `bench_liste_${n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`}`;
  donneesListe(base, n, (m) => process.stdout.write(`${m}\n`))
    .then((s) => process.stdout.write(s === 0 ? `${base} : déjà ${n} candidatures, gardée telle quelle\n` : `${base} : ${n} candidatures en ${s.toFixed(1)} s\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
