import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * npm run bench: starts the API in its own process on a SQLite file (the embedded default) and drives routes over
 * loopback with a fixed number of keep-alive clients for a fixed time. Each route is reported as a ratio of the
 * baseline measured in the same run (GET /health: routing, logging, serialization, no database), so the figures
 * compare across machines. Bounded: every scenario stops by itself after BENCH_SECONDS.
 */
const root = join(__dirname, '..');
const port = Number(process.env.BENCH_PORT ?? 3917);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const base = `http://127.0.0.1:${port}`;

interface Scenario {
  name: string;
  path: string;
  init?: () => RequestInit;
}
const BENCH_PASSWORD = 'mot de passe du banc de mesure';
let token = '';
const bearer = () => ({ headers: { authorization: `Bearer ${token}` } });
const login = () => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ login: 'bench', password: BENCH_PASSWORD }),
});

const referentiel: [name: string, path: string][] = [
  ['baseline: GET /health', '/health'],
  ['readiness (SELECT 1)', '/health/ready'],
  ['communes ?q=orl (autocomplete)', '/api/referentiels/communes?q=orl'],
  ['communes ?codePostal=45000', '/api/referentiels/communes?codePostal=45000'],
  ['communes ?departement=45&limit=200', '/api/referentiels/communes?departement=45&limit=200'],
  ['series-bac ?annee=2023', '/api/referentiels/series-bac?annee=2023'],
  ['pays ?q=fra', '/api/referentiels/pays?q=fra'],
];
const scenarios: Scenario[] = [
  ...referentiel.map(([name, path]) => ({ name, path })),
  // Every authenticated request looks its session up: the cost the deadline's crowd pays on each call.
  { name: 'GET /api/auth/me (bearer session lookup)', path: '/api/auth/me', init: bearer },
  // The most read route at campaign opening: the whole tree of 2,000 formations, then a text search in it.
  { name: 'GET /api/offre (2,000 formations, cached tree)', path: '/api/offre' },
  { name: 'GET /api/offre?q=master+geo&ouverte=true', path: '/api/offre?q=master%20geo&ouverte=true' },
  // argon2id (19 MiB, 2 passes) by design: what one instance absorbs at the deadline's login rush.
  { name: 'POST /api/auth/login (argon2id)', path: '/api/auth/login', init: login },
];

/** An offer the size of a large university: 10 centres, 50 commissions, 2,000 formations, set up through the API. */
async function loadOffer(): Promise<void> {
  const post = async (path: string, body: object) => {
    const res = await fetch(base + path, { method: 'POST', headers: { ...bearer().headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path} : ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: number };
  };
  const types = ['LIC', 'LP', 'MAS', 'BUT', 'DEUST'];
  for (let c = 0; c < 10; c++) {
    const centre = await post('/api/offre/gestion/centres', { code: `C${c}`, libelle: `UFR ${c}` });
    for (let m = 0; m < 5; m++) {
      const commission = await post('/api/offre/gestion/commissions', {
        centreId: centre.id,
        code: `C${c}-M${m}`,
        libelle: `Commission ${c}-${m}`,
        adresse: { ligne1: '1 rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' },
      });
      await Promise.all(
        Array.from({ length: 40 }, (_, f) =>
          post('/api/offre/gestion/formations', {
            commissionId: commission.id,
            code: `F${c}-${m}-${f}`,
            libelle: `${f % 3 === 0 ? 'Master' : 'Licence'} ${['Géologie', 'Droit', 'Histoire', 'Informatique'][f % 4]} parcours ${c}-${m}-${f}`,
            typeDiplome: types[f % types.length],
            typeTraitement: 'AC',
            dateDebutCandidature: '2026-01-01',
            dateFinCandidature: '2099-12-31',
            dateRetour: '2099-12-31',
            delaiConfirmation: 15,
          }),
        ),
      );
    }
  }
}

async function run(path: string, init: () => RequestInit = () => ({})): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const res = await fetch(base + path, init());
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

async function waitUntilReady(server: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${server.exitCode})`);
    try {
      if ((await fetch(`${base}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('le serveur ne répond pas');
}

async function main(): Promise<void> {
  const database = join(root, 'var', 'bench', 'bench.sqlite');
  rmSync(join(root, 'var', 'bench'), { recursive: true, force: true });
  // Throttling is raised out of the way: the bench is one client address hammering one account on purpose.
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: `sqlite:${database}`,
    THROTTLE_IP_PER_MINUTE: '100000',
    THROTTLE_ACCOUNT_PER_15_MIN: '1000',
  };
  const server = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitUntilReady(server);
    execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/create-admin.ts', '--login', 'bench', '--email', 'bench@univ.test', '--nom', 'Banc', '--prenom', 'Mesure'], {
      cwd: root,
      env: { ...env, ADMIN_PASSWORD: BENCH_PASSWORD },
      stdio: 'ignore',
    });
    token = ((await (await fetch(base + '/api/auth/login', login())).json()) as { token: string }).token;
    await loadOffer();
    await run('/health'); // warm-up
    const rows: string[] = [];
    let baseline = 0;
    for (const { name, path, init } of scenarios) {
      const r = await run(path, init);
      baseline ||= r.rps;
      rows.push(
        `| ${name} | ${r.rps.toFixed(0)} | ${(r.rps / baseline).toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`,
      );
    }
    process.stdout.write(
      [
        `${concurrency} keep-alive clients, ${seconds} s per route, one API process on SQLite (WAL), loopback`,
        '',
        '| route | req/s | ratio to baseline | p50 ms | p99 ms | non-200 |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
