import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { Banc, banc } from './banc';
import { DataSource, EntityManager } from 'typeorm';
import { createApp } from '../src/app';
import { loadEnvFiles } from '../src/config/env';

/**
 * npm run bench:export: the CSV and XLSX exports of the staff list through HTTP, default columns and `colonnes` naming
 * address and bac columns (EXPORTS), on the embedded default (SQLite file built by the migrations), with 10,000 then
 * 50,000 candidatures (each with an address and a bac) inserted directly (multi-row INSERTs). The API runs in this
 * process, so process.memoryUsage() covers the export: baseline before the request, peak sampled every 10 ms while
 * it streams. Flat memory means the peak over the baseline stays small and does not grow with the row count.
 */
const port = Number(process.env.BENCH_PORT ?? 3918);
const base = `http://127.0.0.1:${port}`;
const TAILLES = (process.env.BENCH_ROWS ?? '10000,50000').split(',').map(Number);
const LOT = 500;
/**
 * The columns of the `colonnes` exports (BENCH_COLONNES): identity, then the address and the bac, which add the
 * address, bac, commune and lycée rows to each page's statement. Single-line cells, so the CSV's lines are its rows.
 */
const COLONNES =
  process.env.BENCH_COLONNES ??
  'numeroDossier,nomNaissance,prenom,ine,adresseLigne1,adresseLigne2,adresseCodePostal,adresseVille,adressePays,bacSerie,bacAnnee,bacMention,bacSpecialites,bacEtablissement,bacDepartement,bacPays,codeFormation,statutDossier,avis';
/** What each size is exported as: today's default CSV, then the chosen columns as CSV and as XLSX. */
const EXPORTS: [quoi: string, format: 'csv' | 'xlsx', query: string][] = [
  ['CSV, default columns', 'csv', ''],
  ['CSV, `colonnes` with address and bac', 'csv', `colonnes=${COLONNES}`],
  ['XLSX, `colonnes` with address and bac', 'xlsx', `colonnes=${COLONNES}`],
];
const MB = 1024 * 1024;

async function main(): Promise<void> {
  if (process.env.BENCH_DATABASE_URL) return surBaseExistante(process.env.BENCH_DATABASE_URL);
  await banc('bench-export', port, {}, async (b) => {
    const { dataSource, campagne, token } = b;
    const formations = await offre(b);

    const lines: string[] = [];
    let inserted = 0;
    for (const total of TAILLES) {
      const started = performance.now();
      await insererCandidatures(dataSource, campagne.id, formations, inserted, total);
      const insertSeconds = (performance.now() - started) / 1000;
      inserted = total;
      for (const [quoi, format, query] of EXPORTS) {
        await exporter(token, query, format); // warm-up: JIT, statement cache, labels
        const r = await exporter(token, query, format);
        if (format === 'csv' && r.lines !== total + 1) throw new Error(`${r.lines} lignes exportées pour ${total} candidatures (${quoi})`);
        lines.push(
          `| ${total.toLocaleString('en')} | ${quoi} | ${insertSeconds.toFixed(1)} | ${r.seconds.toFixed(2)} | ${(total / r.seconds).toFixed(0)} | ${(r.bytes / MB).toFixed(1)} | ` +
            `${(r.base.rss / MB).toFixed(0)} | ${(r.peak.rss / MB).toFixed(0)} | **${((r.peak.rss - r.base.rss) / MB).toFixed(1)}** | ` +
            `${(r.base.heapUsed / MB).toFixed(0)} | ${(r.peak.heapUsed / MB).toFixed(0)} | **${((r.peak.heapUsed - r.base.heapUsed) / MB).toFixed(1)}** | ${((r.peak.heapTotal - r.base.heapTotal) / MB).toFixed(1)} | ${((r.peak.external - r.base.external) / MB).toFixed(1)} |`,
        );
      }
    }
    process.stdout.write(
      [
        'GET /api/candidatures/export.{csv,xlsx} (scolarité centrale, no filter), API and client in this process, SQLite file (WAL)',
        '',
        '| rows | export | insert s | export s | rows/s | file MB | RSS before MB | RSS peak MB | RSS peak − before | heap before MB | heap peak MB | heap peak − before | V8 heap reserved (heapTotal) peak − before | external (Buffers) peak − before |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...lines,
        '',
      ].join('\n'),
    );
  });
}

/**
 * BENCH_DATABASE_URL=mariadb://root@127.0.0.1:3306/bench_liste_1m: the export of an existing database (bench:liste's,
 * bench/donnees-liste.ts), nothing inserted: the API on it in this process (its migrations run first, none when
 * applied), logged in as bench:liste's admin (`bench-admin`: its session row and login throttle counter are the only writes), then
 * GET /api/candidatures/export.csv?BENCH_QUERY (default: no filter, the campaign in service) timed and sampled as above,
 * BENCH_REPS times (default 1) after a small warm-up export (formationId=1).
 */
async function surBaseExistante(url: string): Promise<void> {
  Object.assign(process.env, { NODE_ENV: 'production', DATABASE_URL: url, DATABASE_MIGRATIONS_RUN: 'true', LOG_LEVEL: 'warn', THROTTLE_IP_PER_MINUTE: '100000', THROTTLE_ACCOUNT_PER_15_MIN: '1000' });
  loadEnvFiles();
  const app = await createApp();
  await app.listen({ port, host: '127.0.0.1' });
  try {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench-admin', password: 'mot de passe du banc de mesure' }) });
    if (login.status !== 200) throw new Error(`connexion de bench-admin (créé par npm run bench:liste) : ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const query = process.env.BENCH_QUERY ?? '';
    await exporter(token, 'formationId=1');
    const lines: string[] = [];
    for (let i = 0; i < Number(process.env.BENCH_REPS ?? 1); i++) {
      const r = await exporter(token, query);
      const rows = r.lines - 1;
      lines.push(
        `| ${rows.toLocaleString('en')} | ${r.seconds.toFixed(2)} | **${(rows / r.seconds).toFixed(0)}** | ${(r.bytes / MB).toFixed(1)} | ` +
          `${(r.base.rss / MB).toFixed(0)} | ${(r.peak.rss / MB).toFixed(0)} | **${((r.peak.rss - r.base.rss) / MB).toFixed(1)}** | ${((r.peak.heapUsed - r.base.heapUsed) / MB).toFixed(1)} |`,
      );
    }
    process.stdout.write(
      [
        `GET /api/candidatures/export.csv?${query} (admin), API and client in this process, ${new URL(url).pathname.slice(1)}`,
        '',
        '| rows | export s | rows/s | CSV MB | RSS before MB | RSS peak MB | RSS peak − before | heap peak − before |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...lines,
        '',
      ].join('\n'),
    );
  } finally {
    await app.close();
  }
}

/** One centre, one commission, 20 formations, through the API. */
async function offre({ gestion: post, centreEtCommission }: Banc): Promise<number[]> {
  const { commissionId } = await centreEtCommission();
  const ids: number[] = [];
  for (let f = 0; f < 20; f++) {
    ids.push(
      await post('formations', {
        commissionId,
        code: `BENCH-${f}`,
        libelle: `Master parcours ${f}`,
        typeDiplome: 'MAS',
        typeTraitement: 'AC',
        dateDebutCandidature: '2026-01-01',
        dateFinCandidature: '2099-12-31',
        dateRetour: '2099-12-31',
        delaiConfirmation: 15,
      }),
    );
  }
  return ids;
}

/** Accounts, identities and one candidature each, from index `from` to `to`, in multi-row INSERTs of LOT rows. */
async function insererCandidatures(dataSource: DataSource, campagneId: number, formations: number[], from: number, to: number): Promise<void> {
  const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
  const insert = async (em: EntityManager, table: string, rows: Record<string, unknown>[]) => {
    const columns = Object.keys(rows[0]);
    const values = rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await em.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, rows.flatMap((r) => columns.map((c) => r[c])));
  };
  for (let start = from; start < to; start += LOT) {
    const n = Array.from({ length: Math.min(LOT, to - start) }, (_, i) => start + i);
    const numero = (i: number) => `B${String(i).padStart(7, '0')}`;
    await dataSource.transaction(async (em) => {
      const run = (table: string, rows: Record<string, unknown>[]) => insert(em, table, rows);
      await run(
        'compte_candidat',
        n.map((i) => ({ campagne_id: campagneId, numero_dossier: numero(i), email: `c${i}@example.org`, email_normalise: `c${i}@example.org`, nom: 'Candidat', prenom: `N${i}`, active: 1, activation_deadline: now, created_at: now })),
      );
      const comptes: { id: number; numero_dossier: string }[] = await em.query(`SELECT id, numero_dossier FROM compte_candidat WHERE numero_dossier >= ? AND numero_dossier <= ?`, [numero(n[0]), numero(n[n.length - 1])]);
      await run(
        'candidat',
        comptes.map((c, k) => ({
          compte_candidat_id: c.id,
          campagne_id: campagneId,
          civilite: k % 2 ? 'M' : 'MME',
          nom_naissance: `Nom${c.numero_dossier}`,
          prenom: 'Élise',
          nom_recherche: `NOM${c.numero_dossier} ELISE`,
          date_naissance: '2003-03-14',
          pays_naissance: 'FR',
          nationalite: 'FR',
          telephone_portable: '+33 6 12 34 56 78',
          version: 1,
          updated_at: now,
        })),
      );
      await run(
        'candidat_adresse',
        comptes.map((c, k) => ({ compte_candidat_id: c.id, pays: 'FR', ligne1: `${k + 1} rue de Bourgogne`, ligne2: k % 3 ? null : 'Bâtiment B', code_postal: '45000', commune: '45234', version: 1, updated_at: now })),
      );
      await run(
        'candidat_bac',
        comptes.map((c, k) => ({
          compte_candidat_id: c.id,
          serie: 'GEN',
          annee: 2021 + (k % 3),
          mention: k % 2 ? 'B' : 'AB',
          specialites: 'MATHS,PC',
          pays: 'FR',
          departement: '45',
          commune: '45234',
          etablissement: '0450049U',
          importe: 0,
          version: 1,
          updated_at: now,
        })),
      );
      await run(
        'candidature',
        comptes.map((c, k) => ({
          campagne_id: campagneId,
          compte_candidat_id: c.id,
          formation_id: formations[k % formations.length],
          statut_dossier: 'AT',
          statut_dossier_at: now,
          type_traitement: 'AC',
          type_traitement_valide: 1,
          created_at: now,
          non_annulee: 1,
          version: 1,
        })),
      );
    });
  }
}

interface Mesure {
  seconds: number;
  bytes: number;
  lines: number;
  base: NodeJS.MemoryUsage;
  peak: { rss: number; heapUsed: number; heapTotal: number; external: number };
}

/** One export, read chunk by chunk and dropped (the client keeps nothing), memory sampled every 10 ms; `lines` counts the CSV's. */
async function exporter(token: string, query = '', format: 'csv' | 'xlsx' = 'csv'): Promise<Mesure> {
  global.gc?.();
  const baseUsage = process.memoryUsage();
  const peak = { rss: baseUsage.rss, heapUsed: baseUsage.heapUsed, heapTotal: baseUsage.heapTotal, external: baseUsage.external };
  const sample = setInterval(() => {
    if (process.env.BENCH_GC_SAMPLE) global.gc?.();
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
    peak.heapTotal = Math.max(peak.heapTotal, m.heapTotal);
  }, process.env.BENCH_GC_SAMPLE ? 200 : 10);
  const started = performance.now();
  try {
    const res = await fetch(`${base}/api/candidatures/export.${format}?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200 || !res.body) throw new Error(`export : ${res.status} ${await res.text()}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    return { seconds: (performance.now() - started) / 1000, bytes, lines, base: baseUsage, peak };
  } finally {
    clearInterval(sample);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
