import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bancListe, nomBase } from './banc-liste';

/**
 * npm run bench:liste: p50 of the staff list `GET /api/candidatures` on MariaDB at 10,000 and 1,000,000 candidatures
 * (bench/donnees-liste.ts, generated once per size and kept: bench_liste_10k, bench_liste_1m), for the default sort,
 * each documented filter and sort, as admin and as a gestionnaire of 3 of the 40 centres, page 1 and page 50; then
 * the ratio 1 M / 10 k of each. The API runs in this process, one size after the other, on the kept database (its
 * migrations run first). Each size's figures are also written to var/bench-liste/<base>.json, so one size can be
 * measured again alone and compared with the other's last figures:
 *
 *   BENCH_TAILLES=10000,1000000 BENCH_REPS=7 BENCH_CAS='statut|nom' npm run bench:liste
 */
const port = Number(process.env.BENCH_PORT ?? 3957);
const base = `http://127.0.0.1:${port}`;
const TAILLES = (process.env.BENCH_TAILLES ?? '10000,1000000').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const CAS = process.env.BENCH_CAS ? new RegExp(process.env.BENCH_CAS) : null;
/** `50`: page=50 (offset); `50c`: the 50th page reached by following `suivant` (apres, keyset), only the last one timed */
const PAGES = (process.env.BENCH_PAGES ?? '1,50,50c').split(',');
const dossier = join(__dirname, '..', 'var', 'bench-liste');

/** Every documented filter and sort; values inside the gestionnaire's centres (CTR1 to CTR3: formations 1 to 150). */
const SCENARIOS: [nom: string, query: string][] = [
  ['défaut', ''],
  ['formationId', 'formationId=60'],
  ['commission', 'commission=CTR2-COM1'],
  ['centre', 'centre=CTR2'],
  ['statutDossier=CO', 'statutDossier=CO'],
  ['typeTraitement=AD', 'typeTraitement=AD'],
  ['avis=FA', 'avis=FA'],
  ['avis=AUCUN', 'avis=AUCUN'],
  ['avisValide=false', 'avisValide=false'],
  ['acceptee=true', 'acceptee=true'],
  ['annulees=true', 'annulees=true'],
  ['q=martin', 'q=martin'],
  ['q=T00001', 'q=T00001'],
  ['sort=nom', 'sort=nom&order=asc'],
  ['sort=numeroDossier', 'sort=numeroDossier'],
  ['sort=createdAt asc', 'sort=createdAt&order=asc'],
  ['sort=formation', 'sort=formation'],
  ['sort=statutDossier', 'sort=statutDossier'],
  ['statutDossier=CO&sort=nom', 'statutDossier=CO&sort=nom&order=asc'],
];

type Mesures = Record<string, { p50: number; total: unknown }>;

function mesurerTaille(n: number): Promise<Mesures> {
  return bancListe(n, port, async (tokens, db) => {
    const mesures: Mesures = {};
    for (const [nom, query] of SCENARIOS) {
      if (CAS && !CAS.test(nom)) continue;
      for (const role of Object.keys(tokens) as (keyof typeof tokens)[]) {
        for (const page of PAGES) {
          const url = await adresse(query, page, tokens[role]);
          const durees: number[] = [];
          let total: unknown;
          for (let i = 0; i <= REPS; i++) {
            const debut = performance.now();
            const res = await fetch(url, { headers: { authorization: `Bearer ${tokens[role]}` } });
            const body = (await res.json()) as { total?: unknown };
            if (res.status !== 200) throw new Error(`${url} : ${res.status} ${JSON.stringify(body)}`);
            total = body.total;
            if (i > 0) durees.push(performance.now() - debut); // the first one warms up
          }
          durees.sort((a, b) => a - b);
          const cle = `${nom} | ${role} | ${page}`;
          mesures[cle] = { p50: durees[Math.floor(durees.length / 2)], total };
          process.stdout.write(`  ${db} ${cle} : ${mesures[cle].p50.toFixed(1)} ms (total ${JSON.stringify(total)})\n`);
        }
      }
    }
    mkdirSync(dossier, { recursive: true });
    writeFileSync(join(dossier, `${db}.json`), JSON.stringify(mesures, null, 2));
    return mesures;
  });
}

/** The URL of a page: by number, or (`<n>c`) by the cursor the previous page gave. */
async function adresse(query: string, page: string, token: string): Promise<string> {
  const liste = `${base}/api/candidatures?${query}${query ? '&' : ''}`;
  if (!page.endsWith('c')) return `${liste}page=${page}`;
  let apres: string | null = null;
  for (let n = 1; n < Number(page.slice(0, -1)); n++) {
    const res: Response = await fetch(`${liste}${apres ? `apres=${apres}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    apres = ((await res.json()) as { suivant: string | null }).suivant;
    if (!apres) break;
  }
  return apres ? `${liste}apres=${apres}` : `${liste}page=${page.slice(0, -1)}`;
}

function lire(n: number): Mesures | null {
  try {
    return JSON.parse(readFileSync(join(dossier, `${nomBase(n)}.json`), 'utf8')) as Mesures;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const resultats = new Map<number, Mesures>();
  for (const n of TAILLES) resultats.set(n, await mesurerTaille(n));
  const petit = resultats.get(10_000) ?? lire(10_000);
  const grand = resultats.get(1_000_000) ?? lire(1_000_000);
  const cles = [...new Set([...Object.keys(petit ?? {}), ...Object.keys(grand ?? {})])];
  const ms = (m: Mesures | null, c: string) => (m?.[c] ? m[c].p50.toFixed(1) : '–');
  const lignes = cles.map((c) => {
    const ratio = petit?.[c] && grand?.[c] ? grand[c].p50 / petit[c].p50 : null;
    return `| ${c} | ${ms(petit, c)} | ${ms(grand, c)} | ${ratio === null ? '–' : `${ratio <= 1.5 ? '' : '**'}${ratio.toFixed(2)}${ratio <= 1.5 ? '' : '**'}`} |`;
  });
  process.stdout.write(
    [
      '',
      `GET /api/candidatures, MariaDB, p50 of ${REPS} (after one warm-up), API and client in this process`,
      '',
      '| scenario | role | page | p50 ms at 10 k | p50 ms at 1 M | ratio |',
      '| --- | --- | --- | --- | --- | --- |',
      ...lignes,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
