import { PDFDocument } from '@pdfme/pdf-lib';
import { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { png } from '../test/support/fichiers';
import { arreter, comptesAvecSessions, completerDossiers, demarrerApi, demarrerNu, environnement, offreDemat, racine, recreerBase, tempsCpu } from './processus';
import { SqlBase, ouvrirBase } from './sql';

/**
 * npm run bench:rush: the last hours before a deadline. N candidates (BENCH_CANDIDATS, 2,000) whose files are
 * complete each apply to a dematerialised formation and upload a 500 KB PDF to its pièce, BENCH_CONCURRENCY (64) at a
 * time over keep-alive connections, against the API and against a bare Fastify server on the same database
 * (`bench/rush-nu.ts`: the same statements by hand, no Nest, no ORM, no logging), each in its own process, in
 * interleaved rounds (BENCH_ROUNDS, 3) with the candidatures, pièces, mails and files reset between runs; each run's
 * CPU time of the server (user + system, from /proc) is reported per candidate. BENCH_DATABASE_URL picks the engine: a
 * SQLite file by default, or `mariadb://root@127.0.0.1:3306/bench_rush` (the database is dropped and created).
 * BENCH_API_NODE_OPTIONS and BENCH_NU_NODE_OPTIONS are passed to each server's node.
 */
const dir = join(racine, 'var', 'bench-rush');
const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'rush.sqlite')}`;
const N = Number(process.env.BENCH_CANDIDATS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const servers = { api: 3921, nu: 3922 } as const;
type Cible = keyof typeof servers;
const base = (c: Cible) => `http://127.0.0.1:${servers[c]}`;

interface Mesure {
  seconds: number;
  /** CPU ms of the server per candidate (apply + upload) */
  cpu: number;
  errors: Record<string, number>;
  latencies: { apply: number[]; upload: number[] };
}

async function main(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (url.startsWith('mariadb:') || url.startsWith('mysql:')) await recreerBase(url);
  const env = environnement(url, dir);
  const db = ouvrirBase(url, 4);
  const serveurs: Partial<Record<Cible, ChildProcess>> = {};
  try {
    const { api, admin } = await demarrerApi(env, servers.api, join(dir, 'fichiers-api'));
    serveurs.api = api;
    const { formations, pieces } = await offreDemat(base('api'), admin, 'RUSH', 1, false);
    const [formationId, pieceId] = [formations[0], pieces[0]];
    const tokens = (await comptesAvecSessions(db, N, 'R')).map((c) => c.token);
    await completerDossiers(base('api'), tokens, 3_100_000_000, 16);
    serveurs.nu = await demarrerNu('bench/rush-nu.ts', { ...env, STORAGE_DIR: join(dir, 'fichiers-nu') }, servers.nu);
    const pdf = await pdf500Ko();
    const rows: string[] = [];
    const resultats: Record<Cible, Mesure[]> = { api: [], nu: [] };
    // Warm-up of both (JIT, statement caches) on a tenth of the crowd, then reset.
    for (const cible of ['api', 'nu'] as const) {
      await rush(serveurs[cible]!, cible, tokens.slice(0, Math.ceil(N / 10)), formationId, pieceId, pdf);
      await reinitialiser(db);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      const ordre: Cible[] = round % 2 ? ['api', 'nu'] : ['nu', 'api'];
      for (const cible of ordre) {
        const m = await rush(serveurs[cible]!, cible, tokens, formationId, pieceId, pdf);
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
        '| round | API candidates/s | bare candidates/s | ratio | API p50 / p99 ms (apply, upload) | bare p50 / p99 ms (apply, upload) | p99 ratio (apply, upload) | CPU ms per candidate (API, bare) | API errors | bare errors |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await db.close();
    await arreter(serveurs.api, serveurs.nu);
  }
}

function ligne(round: number, a: Mesure, b: Mesure): string {
  const debit = (m: Mesure) => N / m.seconds;
  const q = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
  const pp = (m: Mesure) => `${q(m.latencies.apply, 0.5).toFixed(0)} / ${q(m.latencies.apply, 0.99).toFixed(0)}, ${q(m.latencies.upload, 0.5).toFixed(0)} / ${q(m.latencies.upload, 0.99).toFixed(0)}`;
  const ratio99 = `${(q(a.latencies.apply, 0.99) / q(b.latencies.apply, 0.99)).toFixed(1)}×, ${(q(a.latencies.upload, 0.99) / q(b.latencies.upload, 0.99)).toFixed(1)}×`;
  const erreurs = (m: Mesure) => Object.entries(m.errors).map(([k, v]) => `${v} × ${k}`).join(', ') || '0';
  return `| ${round} | ${debit(a).toFixed(0)} | ${debit(b).toFixed(0)} | **${(debit(a) / debit(b)).toFixed(2)}** | ${pp(a)} | ${pp(b)} | ${ratio99} | ${a.cpu.toFixed(1)}, ${b.cpu.toFixed(1)} | ${erreurs(a)} | ${erreurs(b)} |`;
}

/** One run: every candidate applies then uploads, CONCURRENCY candidates at a time. */
async function rush(serveur: ChildProcess, cible: Cible, tokens: string[], formationId: number, pieceId: number, pdf: Buffer): Promise<Mesure> {
  const m: Mesure = { seconds: 0, cpu: 0, errors: {}, latencies: { apply: [], upload: [] } };
  const cpu0 = tempsCpu(serveur);
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
  m.cpu = (tempsCpu(serveur) - cpu0) / tokens.length;
  return m;
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
