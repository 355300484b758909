import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { nneKey } from '../src/candidat/ine/ine';
import { SqlBase, horodatage } from './sql';

/**
 * What the side-by-side benches (the API and a bare server, each in its own process, on the same database) share:
 * starting both servers, the admin and the offer set up through the API, candidates with their sessions and complete
 * files, the CPU time each process spent. Each bench file then only states what it measures.
 */

export const racine = join(__dirname, '..');
export const MOT_DE_PASSE = 'mot de passe du banc de mesure';

/** Drops and creates the MariaDB database of a `mariadb://…/name` URL, in utf8mb4. */
export async function recreerBase(databaseUrl: string): Promise<void> {
  const u = new URL(databaseUrl);
  const c = await createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) });
  const name = u.pathname.slice(1);
  await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
}

/** Waits until `probe` answers `status` (two minutes at most), or the server process has stopped. */
export async function pret(server: ChildProcess, probe: string, status = 200): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${server.exitCode})`);
    try {
      if ((await fetch(probe)).status === status) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${probe} ne répond pas`);
}

/** The environment both servers run with: production mode, the bench's database, warnings only, no jobs, no throttling by address. */
export function environnement(url: string, dir: string): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS_ENABLED: 'false', THROTTLE_IP_PER_MINUTE: '100000', MAIL_FILE_DIR: join(dir, 'mail') };
}

/** `node [options] -r ts-node/register/transpile-only <script>` in the project's folder, its standard output dropped. */
function lancer(script: string, env: NodeJS.ProcessEnv, nodeOptions = ''): ChildProcess {
  const options = nodeOptions.split(' ').filter(Boolean);
  return spawn(process.execPath, [...options, '-r', 'ts-node/register/transpile-only', script], { cwd: racine, env, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Starts the API (`src/main.ts`) on `port`, waits until it is ready, creates the admin `bench` (its migrations have run
 * by then) and logs in: the admin's token. `BENCH_API_NODE_OPTIONS` is passed to its node (e.g.
 * `--cpu-prof --cpu-prof-dir=var/profils`).
 */
export async function demarrerApi(env: NodeJS.ProcessEnv, port: number, storageDir: string): Promise<{ api: ChildProcess; admin: string }> {
  const api = lancer('src/main.ts', { ...env, PORT: String(port), STORAGE_DIR: storageDir }, process.env.BENCH_API_NODE_OPTIONS);
  try {
    await pret(api, `http://127.0.0.1:${port}/health/ready`);
    execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/create-admin.ts', '--login', 'bench', '--email', 'bench@univ.test', '--nom', 'Banc', '--prenom', 'Mesure'], {
      cwd: racine,
      env: { ...env, ADMIN_PASSWORD: MOT_DE_PASSE },
      stdio: 'ignore',
    });
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench', password: MOT_DE_PASSE }) });
    return { api, admin: ((await login.json()) as { token: string }).token };
  } catch (error) {
    api.kill('SIGTERM');
    throw error;
  }
}

/** Starts a bare server (`bench/…-nu.ts`) on `port` and waits until it answers. `BENCH_NU_NODE_OPTIONS` is passed to its node. */
export async function demarrerNu(script: string, env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const nu = lancer(script, { ...env, PORT: String(port) }, process.env.BENCH_NU_NODE_OPTIONS);
  await pret(nu, `http://127.0.0.1:${port}/`, 404);
  return nu;
}

/** Stops the servers and waits for them to exit (the API writes its CPU profile on the way out). */
export async function arreter(...serveurs: (ChildProcess | undefined)[]): Promise<void> {
  await Promise.all(
    serveurs.map((s) => {
      if (!s || s.exitCode !== null) return Promise.resolve();
      const fin = new Promise<void>((resolve) => s.once('exit', () => resolve()));
      s.kill('SIGINT');
      return fin;
    }),
  );
}

/**
 * Campaign `code` (in service), its centre and commission, `formations` dematerialised formations open now, each with
 * a pièce of its own, and (`pieceCommune`) a pièce common to the centre; through the API as admin.
 */
export async function offreDemat(base: string, admin: string, code: string, formations: number, pieceCommune: boolean): Promise<{ formations: number[]; pieces: number[] }> {
  const post = async (path: string, body: object) => {
    const res = await fetch(`${base}/api/${path}`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path} : ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: number }).id;
  };
  await post('offre/gestion/campagnes', { code, libelle: 'Campagne du banc', dateDebut: '2026-01-01', dateFin: '2099-12-31' });
  const centreId = await post('offre/gestion/centres', { code, libelle: 'UFR du banc' });
  const adresse = { ligne1: '1 rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' };
  const commissionId = await post('offre/gestion/commissions', { centreId, code: `${code}-COM`, libelle: 'Commission du banc', adresse });
  const ids: number[] = [];
  for (let i = 0; i < formations; i++) {
    const formation = { commissionId, code: `${code}-M${i}`, libelle: `Master du banc ${i}`, typeDiplome: 'MAS', typeTraitement: 'AC', demat: true };
    const dates = { dateDebutCandidature: '2026-01-01', dateFinCandidature: '2099-12-31', dateRetour: '2099-12-31', delaiConfirmation: 15 };
    ids.push(await post('offre/gestion/formations', { ...formation, ...dates }));
  }
  if (pieceCommune) await post('offre/gestion/pieces', { code: `${code}-CV`, libelle: 'Curriculum vitae', commun: true, centreId });
  const pieces: number[] = [];
  for (const [i, id] of ids.entries()) pieces.push(await post('offre/gestion/pieces', { code: `${code}-N${i}`, libelle: 'Relevé de notes', commun: false, centreId, formationIds: [id] }));
  return { formations: ids, pieces };
}

/**
 * `n` active accounts of the campaign in service (numéros de dossier `<lettre>0000000`…) and a session each, inserted
 * directly (no argon2 for each: the benches measure what comes after the login): their tokens, in order.
 */
export async function comptesAvecSessions(db: SqlBase, n: number, lettre: string): Promise<{ id: number; token: string }[]> {
  const [campagne] = await db.query<{ id: number }>('SELECT id FROM campagne WHERE en_service = 1');
  const now = horodatage();
  const fin = horodatage(new Date(Date.now() + 11 * 3600_000));
  const numero = (i: number) => `${lettre}${String(i).padStart(7, '0')}`;
  const comptes: { id: number; token: string }[] = [];
  for (let start = 0; start < n; start += 500) {
    const lot = Array.from({ length: Math.min(500, n - start) }, (_, i) => start + i);
    const email = (i: number) => `${lettre.toLowerCase()}${i}@example.org`;
    await db.run(
      `INSERT INTO compte_candidat (campagne_id, numero_dossier, email, email_normalise, nom, prenom, active, activation_deadline, created_at) VALUES ${lot.map(() => '(?, ?, ?, ?, ?, ?, 1, ?, ?)').join(', ')}`,
      lot.flatMap((i) => [campagne.id, numero(i), email(i), email(i), 'Candidat', `N${i}`, now, now]),
    );
    const rows = await db.query<{ id: number }>('SELECT id FROM compte_candidat WHERE numero_dossier >= ? AND numero_dossier <= ? ORDER BY numero_dossier', [numero(lot[0]), numero(lot[lot.length - 1])]);
    const sessions = rows.map((c) => ({ id: Number(c.id), token: randomBytes(32).toString('base64url') }));
    await db.run(
      `INSERT INTO session (token_hash, compte_candidat_id, created_at, last_seen_at, expires_at) VALUES ${sessions.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      sessions.flatMap((s) => [createHash('sha256').update(s.token).digest('hex'), s.id, now, now, fin]),
    );
    comptes.push(...sessions);
  }
  return comptes;
}

/**
 * Each candidate's file completed through the API (identity with an INE from `ineBase`, address, bac), `parallele`
 * candidates at a time, then `ensuite(candidate's PUT/POST, index)` if given (their applications, for instance).
 */
export async function completerDossiers(
  base: string,
  tokens: string[],
  ineBase: number,
  parallele: number,
  ensuite?: (envoyer: (method: string, path: string, body: object, attendu: number) => Promise<{ id: number }>, i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallele }, async () => {
      for (let i = next++; i < tokens.length; i = next++) {
        const envoyer = async (method: string, path: string, body: object, attendu: number) => {
          const res = await fetch(`${base}/api/candidat/${path}`, { method, headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
          if (res.status !== attendu) throw new Error(`${path} : ${res.status} ${await res.text()}`);
          return (await res.json()) as { id: number };
        };
        const ine = String(ineBase + i);
        await envoyer('PUT', 'identite', { civilite: 'MME', nomNaissance: `Banc${i}`, prenom: 'Élise', dateNaissance: '2003-03-14', paysNaissance: 'FR', departementNaissance: '45', communeNaissance: '45234', nationalite: 'FR', ine: `${ine}${nneKey(ine)}` }, 200);
        await envoyer('PUT', 'adresse', { pays: 'FR', ligne1: '12 rue de Bourgogne', codePostal: '45000', commune: '45234' }, 200);
        await envoyer('PUT', 'bac', { serie: 'GEN', annee: 2021, mention: 'B', specialites: ['MATHS', 'PC'], pays: 'FR', departement: '45', commune: '45234' }, 200);
        await ensuite?.(envoyer, i);
      }
    }),
  );
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export function tempsCpu(server: ChildProcess): number {
  const champs = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // Fields 14 and 15 of stat (utime, stime), in clock ticks of 10 ms.
  return (Number(champs[11]) + Number(champs[12])) * 10;
}

/** Median of a list (the middle one, the upper of the two for an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
