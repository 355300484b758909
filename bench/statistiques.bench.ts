import { performance } from 'node:perf_hooks';
import { bancListe, nomBase } from './banc-liste';

/**
 * npm run bench:statistiques: p50 of `GET /api/statistiques` (and of its XLSX) on MariaDB at 10,000 and 1,000,000
 * candidatures (the list benchmarks' kept databases, bench/donnees-liste.ts), by centre, commission and formation,
 * as admin (the whole institution: half of the candidatures are the campaign in service's) and as a gestionnaire of
 * 3 of the 40 centres; then the ratio 1 M / 10 k of each. The API runs in this process, on the kept database (its
 * migrations run first):
 *
 *   BENCH_TAILLES=10000,1000000 BENCH_REPS=7 npm run bench:statistiques
 */
const port = Number(process.env.BENCH_PORT ?? 3958);
const base = `http://127.0.0.1:${port}`;
const TAILLES = (process.env.BENCH_TAILLES ?? '10000,1000000').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 5);

const SCENARIOS: [nom: string, chemin: string][] = [
  ['centre', '/api/statistiques'],
  ['commission', '/api/statistiques?niveau=commission'],
  ['formation', '/api/statistiques?niveau=formation'],
  ['formation xlsx', '/api/statistiques/export.xlsx?niveau=formation'],
];

type Mesures = Record<string, { p50: number; candidatures: number | null }>;

function mesurerTaille(n: number): Promise<Mesures> {
  return bancListe(n, port, async (sessions, db) => {
    const mesures: Mesures = {};
    for (const [nom, chemin] of SCENARIOS) {
      for (const role of Object.keys(sessions) as (keyof typeof sessions)[]) {
        const durees: number[] = [];
        let candidatures: number | null = null;
        for (let i = 0; i <= REPS; i++) {
          const debut = performance.now();
          const res = await fetch(`${base}${chemin}`, { headers: { authorization: `Bearer ${sessions[role]}` } });
          const corps = chemin.includes('.xlsx') ? await res.arrayBuffer() : ((await res.json()) as { total: { candidatures: number } });
          if (res.status !== 200) throw new Error(`${chemin} : ${res.status}`);
          if (!(corps instanceof ArrayBuffer)) candidatures = corps.total.candidatures;
          if (i > 0) durees.push(performance.now() - debut); // the first one warms up
        }
        durees.sort((a, b) => a - b);
        const cle = `${nom} | ${role}`;
        mesures[cle] = { p50: durees[Math.floor(durees.length / 2)], candidatures };
        process.stdout.write(`  ${db} ${cle} : ${mesures[cle].p50.toFixed(1)} ms (${candidatures ?? '–'} candidatures)\n`);
      }
    }
    return mesures;
  });
}

async function main(): Promise<void> {
  const resultats = new Map<number, Mesures>();
  for (const n of TAILLES) resultats.set(n, await mesurerTaille(n));
  const cles = [...new Set([...resultats.values()].flatMap((m) => Object.keys(m)))];
  process.stdout.write(
    [
      '',
      `GET /api/statistiques, MariaDB, p50 of ${REPS} (after one warm-up), API and client in this process`,
      '',
      `| scenario | role | ${TAILLES.map((n) => `p50 ms at ${nomBase(n).replace('bench_liste_', '')}`).join(' | ')} |`,
      `| --- | --- | ${TAILLES.map(() => '---').join(' | ')} |`,
      ...cles.map((c) => `| ${c} | ${TAILLES.map((n) => resultats.get(n)?.[c]?.p50.toFixed(1) ?? '–').join(' | ')} |`),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
