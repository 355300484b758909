import { PDFDocument } from '@pdfme/pdf-lib';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nneKey } from '../src/candidat/ine/ine';
import { png } from '../test/support/fichiers';
import { pret, recreerBase } from './processus';
import { SqlBase, horodatage, ouvrirBase } from './rush-db';

/**
 * npm run bench:rush: the last hours before a deadline. N candidates (BENCH_CANDIDATS, 2,000) whose files are
 * complete each apply to a dematerialised formation and upload a 500 KB PDF to its pièce, BENCH_CONCURRENCY (64) at a
 * time over keep-alive connections, against the API and against a bare Fastify server on the same database
 * (`bench/rush-nu.ts`: the same statements by hand, no Nest, no ORM, no logging), each in its own process, in
 * interleaved rounds (BENCH_ROUNDS, 3) with the candidatures, pièces, mails and files reset between runs.
 * BENCH_DATABASE_URL picks the engine: a SQLite file by default, or `mariadb://root@127.0.0.1:3306/bench_rush`
 * (the database is dropped and created).
 */
const root = join(__dirname, '..');
const dir = join(root, 'var', 'bench-rush');
const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'rush.sqlite')}`;
const N = Number(process.env.BENCH_CANDIDATS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PASSWORD = 'mot de passe du banc de mesure';
const servers = { api: 3921, nu: 3922 } as const;
type Cible = keyof typeof servers;
const base = (c: Cible) => `http://127.0.0.1:${servers[c]}`;

interface Mesure {
  seconds: number;
  errors: Record<string, number>;
  latencies: { apply: number[]; upload: number[] };
}

async function main(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (url.startsWith('mariadb:') || url.startsWith('mysql:')) await recreerBase(url);
  const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS_ENABLED: 'false', THROTTLE_IP_PER_MINUTE: '100000', MAIL_FILE_DIR: join(dir, 'mail') };
  const api = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: root,
    env: { ...env, PORT: String(servers.api), STORAGE_DIR: join(dir, 'fichiers-api') },
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
    const { formationId, pieceId } = await offre();
    const tokens = await candidats(db);
    nu = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bench/rush-nu.ts'], {
      cwd: root,
      env: { ...env, PORT: String(servers.nu), STORAGE_DIR: join(dir, 'fichiers-nu') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await pret(nu, `${base('nu')}/`, 404);
    const pdf = await pdf500Ko();
    const rows: string[] = [];
    const resultats: Record<Cible, Mesure[]> = { api: [], nu: [] };
    // Warm-up of both (JIT, statement caches) on a tenth of the crowd, then reset.
    for (const cible of ['api', 'nu'] as const) {
      await rush(cible, tokens.slice(0, Math.ceil(N / 10)), formationId, pieceId, pdf);
      await reinitialiser(db);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      const ordre: Cible[] = round % 2 ? ['api', 'nu'] : ['nu', 'api'];
      for (const cible of ordre) {
        const m = await rush(cible, tokens, formationId, pieceId, pdf);
        resultats[cible].push(m);
        await reinitialiser(db);
      }
      const [a, b] = [resultats.api[round - 1], resultats.nu[round - 1]];
      rows.push(ligne(round, a, b));
    }
    process.stdout.write(
      [
        `Deadline rush: ${N.toLocaleString('en')} candidates × (apply + 500 KB PDF upload), ${CONCURRENCY} connections, ${url.split(':')[0]}, API and bare server each in its own process, loopback`,
        '',
        '| round | API candidates/s | bare candidates/s | ratio | API p50 / p99 ms (apply, upload) | bare p50 / p99 ms (apply, upload) | p99 ratio (apply, upload) | API errors | bare errors |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    api.kill('SIGTERM');
    nu?.kill('SIGTERM');
    await db.close();
  }
}

function ligne(round: number, a: Mesure, b: Mesure): string {
  const debit = (m: Mesure) => N / m.seconds;
  const q = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
  const pp = (m: Mesure) => `${q(m.latencies.apply, 0.5).toFixed(0)} / ${q(m.latencies.apply, 0.99).toFixed(0)}, ${q(m.latencies.upload, 0.5).toFixed(0)} / ${q(m.latencies.upload, 0.99).toFixed(0)}`;
  const ratio99 = `${(q(a.latencies.apply, 0.99) / q(b.latencies.apply, 0.99)).toFixed(1)}×, ${(q(a.latencies.upload, 0.99) / q(b.latencies.upload, 0.99)).toFixed(1)}×`;
  const erreurs = (m: Mesure) => Object.entries(m.errors).map(([k, v]) => `${v} × ${k}`).join(', ') || '0';
  return `| ${round} | ${debit(a).toFixed(0)} | ${debit(b).toFixed(0)} | **${(debit(a) / debit(b)).toFixed(2)}** | ${pp(a)} | ${pp(b)} | ${ratio99} | ${erreurs(a)} | ${erreurs(b)} |`;
}

/** One run: every candidate applies then uploads, CONCURRENCY candidates at a time. */
async function rush(cible: Cible, tokens: string[], formationId: number, pieceId: number, pdf: Buffer): Promise<Mesure> {
  const m: Mesure = { seconds: 0, errors: {}, latencies: { apply: [], upload: [] } };
  const erreur = (etape: string, status: number) => (m.errors[`${etape} ${status}`] = (m.errors[`${etape} ${status}`] ?? 0) + 1);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < tokens.length; i = next++) {
        const authorization = `Bearer ${tokens[i]}`;
        let t0 = performance.now();
        const apply = await fetch(`${base(cible)}/api/candidat/candidatures`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ formationId }) });
        const body = (await apply.json()) as { id?: number; code?: string };
        m.latencies.apply.push(performance.now() - t0);
        if (apply.status !== 201) {
          erreur(`apply ${body.code ?? ''}`, apply.status);
          continue;
        }
        const form = new FormData();
        form.append('fichier', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'releve-de-notes.pdf');
        t0 = performance.now();
        const upload = await fetch(`${base(cible)}/api/candidat/candidatures/${body.id}/pieces/${pieceId}/fichier`, { method: 'PUT', headers: { authorization }, body: form });
        const reponse = (await upload.json()) as { code?: string };
        m.latencies.upload.push(performance.now() - t0);
        if (upload.status !== 200) erreur(`upload ${reponse.code ?? ''}`, upload.status);
      }
    }),
  );
  m.seconds = (performance.now() - started) / 1000;
  return m;
}

/** Campaign, centre, commission, one dematerialised formation open now and its pièce, through the API as admin. */
async function offre(): Promise<{ formationId: number; pieceId: number }> {
  const login = await fetch(`${base('api')}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench', password: PASSWORD }) });
  const token = ((await login.json()) as { token: string }).token;
  const post = async (path: string, body: object) => {
    const res = await fetch(`${base('api')}/api/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path} : ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: number }).id;
  };
  await post('offre/gestion/campagnes', { code: 'RUSH', libelle: 'Campagne du banc', dateDebut: '2026-01-01', dateFin: '2099-12-31' });
  const centreId = await post('offre/gestion/centres', { code: 'RUSH', libelle: 'UFR du banc' });
  const adresse = { ligne1: '1 rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' };
  const commissionId = await post('offre/gestion/commissions', { centreId, code: 'RUSH-COM', libelle: 'Commission du banc', adresse });
  const formationId = await post('offre/gestion/formations', {
    commissionId,
    code: 'RUSH-M1',
    libelle: 'Master du banc',
    typeDiplome: 'MAS',
    typeTraitement: 'AC',
    demat: true,
    dateDebutCandidature: '2026-01-01',
    dateFinCandidature: '2099-12-31',
    dateRetour: '2099-12-31',
    delaiConfirmation: 15,
  });
  const pieceId = await post('offre/gestion/pieces', { code: 'RUSH-NOTES', libelle: 'Relevé de notes', commun: false, centreId, formationIds: [formationId] });
  return { formationId, pieceId };
}

/**
 * N active accounts and their sessions inserted directly (no argon2 for each: the bench measures the rush, not the
 * logins), then their files completed through the API (identity, address, bac), as the candidates did before the rush.
 */
async function candidats(db: SqlBase): Promise<string[]> {
  const [campagne] = await db.query<{ id: number }>('SELECT id FROM campagne WHERE en_service = 1');
  const now = horodatage();
  const fin = horodatage(new Date(Date.now() + 11 * 3600_000));
  const tokens: string[] = [];
  for (let start = 0; start < N; start += 500) {
    const n = Array.from({ length: Math.min(500, N - start) }, (_, i) => start + i);
    const numero = (i: number) => `R${String(i).padStart(7, '0')}`;
    await db.run(
      `INSERT INTO compte_candidat (campagne_id, numero_dossier, email, email_normalise, nom, prenom, active, activation_deadline, created_at) VALUES ${n.map(() => '(?, ?, ?, ?, ?, ?, 1, ?, ?)').join(', ')}`,
      n.flatMap((i) => [campagne.id, numero(i), `r${i}@example.org`, `r${i}@example.org`, 'Candidat', `N${i}`, now, now]),
    );
    const comptes = await db.query<{ id: number }>('SELECT id FROM compte_candidat WHERE numero_dossier >= ? AND numero_dossier <= ? ORDER BY numero_dossier', [numero(n[0]), numero(n[n.length - 1])]);
    const lot = comptes.map((c) => ({ id: c.id, token: randomBytes(32).toString('base64url') }));
    await db.run(
      `INSERT INTO session (token_hash, compte_candidat_id, created_at, last_seen_at, expires_at) VALUES ${lot.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      lot.flatMap((s) => [createHash('sha256').update(s.token).digest('hex'), s.id, now, now, fin]),
    );
    tokens.push(...lot.map((s) => s.token));
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = next++; i < tokens.length; i = next++) {
        const put = async (path: string, body: object) => {
          const res = await fetch(`${base('api')}/api/candidat/${path}`, { method: 'PUT', headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
          if (res.status !== 200) throw new Error(`${path} : ${res.status} ${await res.text()}`);
        };
        const ine = String(3_100_000_000 + i);
        await put('identite', { civilite: 'MME', nomNaissance: `Rush${i}`, prenom: 'Élise', dateNaissance: '2003-03-14', paysNaissance: 'FR', departementNaissance: '45', communeNaissance: '45234', nationalite: 'FR', ine: `${ine}${nneKey(ine)}` });
        await put('adresse', { pays: 'FR', ligne1: '12 rue de Bourgogne', codePostal: '45000', commune: '45234' });
        await put('bac', { serie: 'GEN', annee: 2021, mention: 'B', specialites: ['MATHS', 'PC'], pays: 'FR', departement: '45', commune: '45234' });
      }
    }),
  );
  return tokens;
}

/** Back to the state before the rush: no candidature, pièce, mail or file; identities unlocked. */
async function reinitialiser(db: SqlBase): Promise<void> {
  await db.run('DELETE FROM piece_candidature');
  await db.run('DELETE FROM candidature');
  await db.run('DELETE FROM mail_outbox');
  await db.run('UPDATE candidat SET identite_verrouillee = 0');
  // The stored files go; the API's folder of uploads in progress stays (it is made once, at start-up).
  for (const c of ['api', 'nu']) {
    const d = join(dir, `fichiers-${c}`);
    for (const name of readdirSync(d)) if (name !== 'tmp') rmSync(join(d, name), { recursive: true, force: true });
  }
}

/** A real one-page PDF of about 500 KB: a photo of random pixels, which nothing compresses. */
async function pdf500Ko(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(png(400, 410, 'bruit'));
  doc.addPage([595.28, 841.89]).drawImage(image, { x: 50, y: 300, width: 400, height: 410 });
  return Buffer.from(await doc.save());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
