import { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { arreter, comptesAvecSessions, completerDossiers, demarrerApi, demarrerNu, environnement, median, offreDemat, racine, recreerBase, tempsCpu } from './processus';
import { ouvrirBase } from './sql';

/**
 * npm run bench:lectures: the candidate's three most frequent reads (`GET /api/auth/me`, the list of their
 * candidatures, the récapitulatif of one), against the API and against a bare Fastify server on the same database
 * (`bench/lectures-nu.ts`: the statements the API runs, by hand, no Nest, no ORM, no logging), each in its own
 * process. BENCH_CANDIDATS (200) candidates with 5 candidatures each; every request is a random candidate's (and
 * one of their candidatures). For each read and each number of connections (BENCH_CONNEXIONS, 16,64), interleaved
 * rounds (BENCH_ROUNDS, 3) of BENCH_SECONDS (4) per server; the ratio is the median of the rounds' ratios, and each
 * server's CPU time per request (user + system, from /proc) is the median of its rounds. Before measuring, the bench
 * checks that both servers answer the same JSON. BENCH_DATABASE_URL picks the engine: a SQLite file by default, or
 * `mariadb://root@127.0.0.1:3306/bench_lectures` (the database is dropped and created). BENCH_LECTURES (a regular expression on the
 * reads' names) measures only some of them. BENCH_API_NODE_OPTIONS and BENCH_NU_NODE_OPTIONS are passed to each server's node (e.g. `--cpu-prof --cpu-prof-dir=var/profils`).
 */
const dir = join(racine, 'var', 'bench-lectures');
const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'lectures.sqlite')}`;
const N = Number(process.env.BENCH_CANDIDATS ?? 200);
const CONNEXIONS = (process.env.BENCH_CONNEXIONS ?? '16,64').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const servers = { api: 3931, nu: 3932 } as const;
type Cible = keyof typeof servers;
const base = (c: Cible) => `http://127.0.0.1:${servers[c]}`;

interface Candidat {
  token: string;
  candidatures: number[];
}
interface Lecture {
  nom: string;
  chemin: (c: Candidat) => string;
}
const TOUTES: Lecture[] = [
  { nom: 'GET /api/auth/me', chemin: () => '/api/auth/me' },
  { nom: 'GET /api/candidat/candidatures (5)', chemin: () => '/api/candidat/candidatures' },
  { nom: 'GET /api/candidat/candidatures/{id}', chemin: (c) => `/api/candidat/candidatures/${c.candidatures[Math.floor(Math.random() * c.candidatures.length)]}` },
];
/** BENCH_LECTURES: a regular expression on the reads' names, to measure only some of them. */
const LECTURES = TOUTES.filter((l) => new RegExp(process.env.BENCH_LECTURES ?? '.').test(l.nom));

interface Mesure {
  rps: number;
  /** CPU ms of the server per request */
  cpu: number;
  p50: number;
  p99: number;
  erreurs: number;
}

async function main(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (url.startsWith('mariadb:') || url.startsWith('mysql:')) await recreerBase(url);
  const env = environnement(url, dir);
  const db = ouvrirBase(url, 4);
  const serveurs: Partial<Record<Cible, ChildProcess>> = {};
  try {
    const { api, admin } = await demarrerApi(env, servers.api, join(dir, 'fichiers'));
    serveurs.api = api;
    const { formations } = await offreDemat(base('api'), admin, 'LECT', 5, true);
    const comptes = await comptesAvecSessions(db, N, 'L');
    const candidats: Candidat[] = comptes.map((c) => ({ token: c.token, candidatures: [] }));
    await completerDossiers(base('api'), comptes.map((c) => c.token), 3_200_000_000, 8, async (envoyer, i) => {
      for (const formationId of formations) candidats[i].candidatures.push((await envoyer('POST', 'candidatures', { formationId }, 201)).id);
    });
    serveurs.nu = await demarrerNu('bench/lectures-nu.ts', env, servers.nu);
    await memesReponses(candidats);
    const rows: string[] = [];
    for (const lecture of LECTURES) {
      for (const connexions of CONNEXIONS) {
        // Warm-up of both (JIT, statement caches).
        for (const cible of ['api', 'nu'] as const) await charge(serveurs[cible]!, cible, lecture, candidats, connexions, 1);
        const mesures: Record<Cible, Mesure[]> = { api: [], nu: [] };
        for (let round = 1; round <= ROUNDS; round++) {
          for (const cible of round % 2 ? (['api', 'nu'] as const) : (['nu', 'api'] as const)) mesures[cible].push(await charge(serveurs[cible]!, cible, lecture, candidats, connexions, SECONDS));
        }
        rows.push(ligne(lecture.nom, connexions, mesures));
      }
    }
    process.stdout.write(
      [
        `Candidate reads: ${N} candidates × 5 candidatures, ${url.split(':')[0]}, API and bare server each in its own process, loopback, ${ROUNDS} interleaved rounds of ${SECONDS} s, LOG_LEVEL=warn`,
        '',
        '| read | connections | API req/s | bare req/s | ratio (median of rounds) | API p50 / p99 ms | bare p50 / p99 ms | CPU ms per request (API, bare) | non-200 (API, bare) |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await db.close();
    await arreter(serveurs.api, serveurs.nu);
  }
}

function ligne(nom: string, connexions: number, m: Record<Cible, Mesure[]>): string {
  const ratios = m.api.map((a, i) => a.rps / m.nu[i].rps);
  const med = (c: Cible, k: keyof Mesure) => median(m[c].map((x) => x[k]));
  const erreurs = (c: Cible) => m[c].reduce((s, x) => s + x.erreurs, 0);
  return `| ${nom} | ${connexions} | ${med('api', 'rps').toFixed(0)} | ${med('nu', 'rps').toFixed(0)} | **${median(ratios).toFixed(2)}** (${ratios.map((r) => r.toFixed(2)).join(', ')}) | ${med('api', 'p50').toFixed(1)} / ${med('api', 'p99').toFixed(1)} | ${med('nu', 'p50').toFixed(1)} / ${med('nu', 'p99').toFixed(1)} | ${med('api', 'cpu').toFixed(2)}, ${med('nu', 'cpu').toFixed(2)} | ${erreurs('api')}, ${erreurs('nu')} |`;
}

/** `connexions` keep-alive clients, each sending one random candidate's read after another, for `seconds`. */
async function charge(serveur: ChildProcess, cible: Cible, lecture: Lecture, candidats: Candidat[], connexions: number, seconds: number): Promise<Mesure> {
  const latences: number[] = [];
  const cpu0 = tempsCpu(serveur);
  let erreurs = 0;
  const fin = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connexions }, async () => {
      while (performance.now() < fin) {
        const c = candidats[Math.floor(Math.random() * candidats.length)];
        const t0 = performance.now();
        const res = await fetch(base(cible) + lecture.chemin(c), { headers: { authorization: `Bearer ${c.token}` } });
        await res.arrayBuffer();
        latences.push(performance.now() - t0);
        if (res.status !== 200) erreurs++;
      }
    }),
  );
  const cpu = (tempsCpu(serveur) - cpu0) / latences.length;
  latences.sort((a, b) => a - b);
  const q = (p: number) => latences[Math.min(latences.length - 1, Math.floor(p * latences.length))];
  return { rps: latences.length / seconds, cpu, p50: q(0.5), p99: q(0.99), erreurs };
}

/** Both servers must answer the same JSON to the same reads, or the comparison means nothing. */
async function memesReponses(candidats: Candidat[]): Promise<void> {
  for (const c of candidats.slice(0, 3)) {
    for (const chemin of ['/api/auth/me', '/api/candidat/candidatures', ...c.candidatures.map((id) => `/api/candidat/candidatures/${id}`)]) {
      const [a, b] = await Promise.all((['api', 'nu'] as const).map(async (cible) => (await fetch(base(cible) + chemin, { headers: { authorization: `Bearer ${c.token}` } })).json()));
      if (!isDeepStrictEqual(a, b)) throw new Error(`réponses différentes pour ${chemin} :\nAPI ${JSON.stringify(a)}\nnu  ${JSON.stringify(b)}`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
