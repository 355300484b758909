import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { nneKey } from '../src/candidat/ine/ine';
import { pret, recreerBase } from './processus';
import { SqlBase, horodatage, ouvrirBase } from './rush-db';

/**
 * npm run bench:lectures: the candidate's three most frequent reads (`GET /api/auth/me`, the list of their
 * candidatures, the récapitulatif of one), against the API and against a bare Fastify server on the same database
 * (`bench/lectures-nu.ts`: the statements the API runs, by hand, no Nest, no ORM, no logging), each in its own
 * process. BENCH_CANDIDATS (200) candidates with 5 candidatures each; every request is a random candidate's (and
 * one of their candidatures). For each read and each number of connections (BENCH_CONNEXIONS, 16,64), interleaved
 * rounds (BENCH_ROUNDS, 3) of BENCH_SECONDS (4) per server; the ratio is the median of the rounds' ratios. Before
 * measuring, the bench checks that both servers answer the same JSON. BENCH_DATABASE_URL picks the engine: a SQLite
 * file by default, or `mariadb://root@127.0.0.1:3306/bench_lectures` (the database is dropped and created).
 * BENCH_API_NODE_OPTIONS is passed to the API's node (e.g. `--cpu-prof --cpu-prof-dir=var/profils`).
 */
const root = join(__dirname, '..');
const dir = join(root, 'var', 'bench-lectures');
const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'lectures.sqlite')}`;
const N = Number(process.env.BENCH_CANDIDATS ?? 200);
const CONNEXIONS = (process.env.BENCH_CONNEXIONS ?? '16,64').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const PASSWORD = 'mot de passe du banc de mesure';
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
const LECTURES: Lecture[] = [
  { nom: 'GET /api/auth/me', chemin: () => '/api/auth/me' },
  { nom: 'GET /api/candidat/candidatures (5)', chemin: () => '/api/candidat/candidatures' },
  { nom: 'GET /api/candidat/candidatures/{id}', chemin: (c) => `/api/candidat/candidatures/${c.candidatures[Math.floor(Math.random() * c.candidatures.length)]}` },
];

interface Mesure {
  rps: number;
  p50: number;
  p99: number;
  erreurs: number;
}

async function main(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (url.startsWith('mariadb:') || url.startsWith('mysql:')) await recreerBase(url);
  const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS_ENABLED: 'false', THROTTLE_IP_PER_MINUTE: '100000', MAIL_FILE_DIR: join(dir, 'mail') };
  const nodeOptions = (process.env.BENCH_API_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const api = spawn(process.execPath, [...nodeOptions, '-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: root,
    env: { ...env, PORT: String(servers.api), STORAGE_DIR: join(dir, 'fichiers') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let nu: ChildProcess | undefined;
  const db = ouvrirBase(url, 4);
  try {
    await pret(api, `${base('api')}/health/ready`);
    execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/create-admin.ts', '--login', 'bench', '--email', 'bench@univ.test', '--nom', 'Banc', '--prenom', 'Mesure'], {
      cwd: root,
      env: { ...env, ADMIN_PASSWORD: PASSWORD },
      stdio: 'ignore',
    });
    const formations = await offre();
    const candidats = await candidatsAvecCinqCandidatures(db, formations);
    nu = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bench/lectures-nu.ts'], { cwd: root, env: { ...env, PORT: String(servers.nu) }, stdio: ['ignore', 'ignore', 'inherit'] });
    await pret(nu, `${base('nu')}/`, 404);
    await memesReponses(candidats);
    const rows: string[] = [];
    for (const lecture of LECTURES) {
      for (const connexions of CONNEXIONS) {
        // Warm-up of both (JIT, statement caches).
        for (const cible of ['api', 'nu'] as const) await charge(cible, lecture, candidats, connexions, 1);
        const mesures: Record<Cible, Mesure[]> = { api: [], nu: [] };
        for (let round = 1; round <= ROUNDS; round++) {
          for (const cible of round % 2 ? (['api', 'nu'] as const) : (['nu', 'api'] as const)) mesures[cible].push(await charge(cible, lecture, candidats, connexions, SECONDS));
        }
        rows.push(ligne(lecture.nom, connexions, mesures));
      }
    }
    process.stdout.write(
      [
        `Candidate reads: ${N} candidates × 5 candidatures, ${url.split(':')[0]}, API and bare server each in its own process, loopback, ${ROUNDS} interleaved rounds of ${SECONDS} s, LOG_LEVEL=warn`,
        '',
        '| read | connections | API req/s | bare req/s | ratio (median of rounds) | API p50 / p99 ms | bare p50 / p99 ms | non-200 (API, bare) |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    api.kill('SIGINT');
    nu?.kill('SIGTERM');
    await db.close();
    // The API writes its CPU profile on the way out.
    await new Promise<void>((resolve) => (api.exitCode !== null ? resolve() : api.once('exit', () => resolve())));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function ligne(nom: string, connexions: number, m: Record<Cible, Mesure[]>): string {
  const ratios = m.api.map((a, i) => a.rps / m.nu[i].rps);
  const med = (c: Cible, k: keyof Mesure) => median(m[c].map((x) => x[k]));
  const erreurs = (c: Cible) => m[c].reduce((s, x) => s + x.erreurs, 0);
  return `| ${nom} | ${connexions} | ${med('api', 'rps').toFixed(0)} | ${med('nu', 'rps').toFixed(0)} | **${median(ratios).toFixed(2)}** (${ratios.map((r) => r.toFixed(2)).join(', ')}) | ${med('api', 'p50').toFixed(1)} / ${med('api', 'p99').toFixed(1)} | ${med('nu', 'p50').toFixed(1)} / ${med('nu', 'p99').toFixed(1)} | ${erreurs('api')}, ${erreurs('nu')} |`;
}

/** `connexions` keep-alive clients, each sending one random candidate's read after another, for `seconds`. */
async function charge(cible: Cible, lecture: Lecture, candidats: Candidat[], connexions: number, seconds: number): Promise<Mesure> {
  const latences: number[] = [];
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
  latences.sort((a, b) => a - b);
  const q = (p: number) => latences[Math.min(latences.length - 1, Math.floor(p * latences.length))];
  return { rps: latences.length / seconds, p50: q(0.5), p99: q(0.99), erreurs };
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

/** Campaign, centre, commission, 5 dematerialised formations open now, a pièce common to the centre and one per formation. */
async function offre(): Promise<number[]> {
  const login = await fetch(`${base('api')}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench', password: PASSWORD }) });
  const token = ((await login.json()) as { token: string }).token;
  const post = async (path: string, body: object) => {
    const res = await fetch(`${base('api')}/api/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path} : ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: number }).id;
  };
  await post('offre/gestion/campagnes', { code: 'LECT', libelle: 'Campagne du banc', dateDebut: '2026-01-01', dateFin: '2099-12-31' });
  const centreId = await post('offre/gestion/centres', { code: 'LECT', libelle: 'UFR du banc' });
  const adresse = { ligne1: '1 rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' };
  const commissionId = await post('offre/gestion/commissions', { centreId, code: 'LECT-COM', libelle: 'Commission du banc', adresse });
  const formations: number[] = [];
  for (let i = 0; i < 5; i++) {
    formations.push(
      await post('offre/gestion/formations', {
        commissionId,
        code: `LECT-M${i}`,
        libelle: `Master du banc ${i}`,
        typeDiplome: 'MAS',
        typeTraitement: 'AC',
        demat: true,
        dateDebutCandidature: '2026-01-01',
        dateFinCandidature: '2099-12-31',
        dateRetour: '2099-12-31',
        delaiConfirmation: 15,
      }),
    );
  }
  await post('offre/gestion/pieces', { code: 'LECT-CV', libelle: 'Curriculum vitae', commun: true, centreId });
  for (const [i, id] of formations.entries()) await post('offre/gestion/pieces', { code: `LECT-N${i}`, libelle: 'Relevé de notes', commun: false, centreId, formationIds: [id] });
  return formations;
}

/**
 * N active accounts and their sessions inserted directly (no argon2 for each), their files completed and their five
 * applications made through the API, as candidates do.
 */
async function candidatsAvecCinqCandidatures(db: SqlBase, formations: number[]): Promise<Candidat[]> {
  const [campagne] = await db.query<{ id: number }>('SELECT id FROM campagne WHERE en_service = 1');
  const now = horodatage();
  const fin = horodatage(new Date(Date.now() + 11 * 3600_000));
  const numero = (i: number) => `L${String(i).padStart(7, '0')}`;
  const n = Array.from({ length: N }, (_, i) => i);
  await db.run(
    `INSERT INTO compte_candidat (campagne_id, numero_dossier, email, email_normalise, nom, prenom, active, activation_deadline, created_at) VALUES ${n.map(() => '(?, ?, ?, ?, ?, ?, 1, ?, ?)').join(', ')}`,
    n.flatMap((i) => [campagne.id, numero(i), `l${i}@example.org`, `l${i}@example.org`, 'Candidat', `N${i}`, now, now]),
  );
  const comptes = await db.query<{ id: number }>('SELECT id FROM compte_candidat WHERE numero_dossier LIKE ? ORDER BY numero_dossier', ['L%']);
  const candidats = comptes.map((c) => ({ id: c.id, token: randomBytes(32).toString('base64url'), candidatures: [] as number[] }));
  await db.run(
    `INSERT INTO session (token_hash, compte_candidat_id, created_at, last_seen_at, expires_at) VALUES ${candidats.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
    candidats.flatMap((s) => [createHash('sha256').update(s.token).digest('hex'), s.id, now, now, fin]),
  );
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < candidats.length; i = next++) {
        const c = candidats[i];
        const send = async (method: string, path: string, body: object, attendu: number) => {
          const res = await fetch(`${base('api')}/api/candidat/${path}`, { method, headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
          if (res.status !== attendu) throw new Error(`${path} : ${res.status} ${await res.text()}`);
          return (await res.json()) as { id: number };
        };
        const ine = String(3_200_000_000 + i);
        await send('PUT', 'identite', { civilite: 'MME', nomNaissance: `Lecture${i}`, prenom: 'Élise', dateNaissance: '2003-03-14', paysNaissance: 'FR', departementNaissance: '45', communeNaissance: '45234', nationalite: 'FR', ine: `${ine}${nneKey(ine)}` }, 200);
        await send('PUT', 'adresse', { pays: 'FR', ligne1: '12 rue de Bourgogne', codePostal: '45000', commune: '45234' }, 200);
        await send('PUT', 'bac', { serie: 'GEN', annee: 2021, mention: 'B', specialites: ['MATHS', 'PC'], pays: 'FR', departement: '45', commune: '45234' }, 200);
        for (const formationId of formations) c.candidatures.push((await send('POST', 'candidatures', { formationId }, 201)).id);
      }
    }),
  );
  return candidats;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
