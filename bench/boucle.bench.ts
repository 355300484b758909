import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { serialize } from 'node:v8';
import 'reflect-metadata';
import { parsePdfConfig } from '../src/config/pdf.config';
import { inUnitOfWork } from '../src/database/sqlite-gate';
import { JobsService, PURGE_COMPTES } from '../src/jobs/jobs.service';
import { PdfAssembleur } from '../src/pdf/pdf-assembleur';
import { DefinitionEmpaquetee, empaqueter } from '../src/pdf/pdf-fonctions';
import { Banc, banc, dossierBanc } from './banc';

/**
 * npm run bench:boucle: does the event loop stay free while the heavy work runs? The API runs in this process on
 * a fresh SQLite file (bench/banc.ts). In one run, each for BENCH_SECONDS:
 * - `GET /health` latency idle: one probe at a time, every 10 ms (the same probe runs during every load below);
 * - the staff dossier PDF (`GET /api/candidatures/{id}/dossier.pdf`, BENCH_PDF_CLIENTS clients) against raw
 *   pdfmake rendering the very same document (its definition captured here) in a plain Node process;
 * - `POST /api/auth/login` (BENCH_LOGIN_CLIENTS clients) against raw argon2.verify, one per core at a time, in a
 *   plain Node process (bench/boucle-brut.ts);
 * - the nightly purge of BENCH_COMPTES unactivated accounts (inserted directly), one login after the other running
 *   meanwhile: how long a login waits behind the job.
 */
const port = Number(process.env.BENCH_PORT ?? 3921);
const base = `http://127.0.0.1:${port}`;
const SECONDES = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS_PDF = Number(process.env.BENCH_PDF_CLIENTS ?? 4);
const CLIENTS_LOGIN = Number(process.env.BENCH_LOGIN_CLIENTS ?? 16);
const COMPTES = Number(process.env.BENCH_COMPTES ?? 100_000);
const PASSWORD = 'mot de passe du banc de mesure';

interface Latences {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

function latences(mesures: number[]): Latences {
  const triees = [...mesures].sort((a, b) => a - b);
  const rang = (p: number) => triees[Math.min(triees.length - 1, Math.floor((p / 100) * triees.length))] ?? 0;
  return { n: triees.length, p50: rang(50), p99: rang(99), max: triees.at(-1) ?? 0 };
}

/** Runs `travail` while probing GET /health every 10 ms, one probe at a time; answers its result and the probes. */
async function sousSonde<T>(travail: () => Promise<T>): Promise<{ resultat: T; sante: Latences }> {
  let enCours = true;
  const mesures: number[] = [];
  const sonde = (async () => {
    while (enCours) {
      const t0 = performance.now();
      const res = await fetch(`${base}/health`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/health : ${res.status}`);
      mesures.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  try {
    return { resultat: await travail(), sante: latences(mesures) };
  } finally {
    enCours = false;
    await sonde;
  }
}

/** `clients` loops sending `requete` for BENCH_SECONDS; answers the requests per second and their latencies. */
async function charge(clients: number, requete: () => Promise<Response>): Promise<{ parSeconde: number; latences: Latences }> {
  const fin = performance.now() + SECONDES * 1000;
  const debut = performance.now();
  const durees: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < fin) {
        const t0 = performance.now();
        const res = await requete();
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${res.url} : ${res.status}`);
        durees.push(performance.now() - t0);
      }
    }),
  );
  return { parSeconde: durees.length / ((performance.now() - debut) / 1000), latences: latences(durees) };
}

/** A baseline in a plain Node process of its own (bench/boucle-brut.ts): its rate per second. */
async function brut(mode: 'pdf' | 'argon2', fichier = ''): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'boucle-brut.ts'), mode, String(SECONDES), fichier], {
    cwd: join(__dirname, '..'),
  });
  return Number(stdout.trim());
}

const connexion = () => fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench', password: PASSWORD }) });

async function main(): Promise<void> {
  // One account logs in again and again: its own limit is raised to the most allowed (1,000 per 15 minutes), the IP's is by banc().
  await banc('bench-boucle', port, { THROTTLE_ACCOUNT_PER_15_MIN: '1000' }, async (b) => {
    const id = await candidature(b);
    // The summary's definition, as the API hands it to its worker, for raw pdfmake to render the same document.
    let definition: DefinitionEmpaquetee | undefined;
    const assembleur = b.app.get(PdfAssembleur);
    const assembler = assembleur.assembler.bind(assembleur);
    assembleur.assembler = (annexes, resume) =>
      assembler(annexes, (bilan) => {
        const d = resume(bilan);
        definition ??= empaqueter(resume(bilan));
        return d;
      });
    const dossierPdf = () => fetch(`${base}/api/candidatures/${id}/dossier.pdf`, { headers: { authorization: `Bearer ${b.token}` } });
    await charge(1, dossierPdf); // warm-up: JIT, the worker thread, its fonts
    const fichier = join(dossierBanc('bench-boucle'), 'definition.bin');
    writeFileSync(fichier, serialize(definition));

    const repos = await sousSonde(() => new Promise((r) => setTimeout(r, SECONDES * 1000)));
    const pdf = await sousSonde(() => charge(CLIENTS_PDF, dossierPdf));
    const pdfBrut = await brut('pdf', fichier);
    const login = await sousSonde(() => charge(CLIENTS_LOGIN, connexion));
    const argon2Brut = await brut('argon2');
    const loginSeul = await charge(1, connexion);

    await comptesNonActives(b, COMPTES);
    const purge = await sousSonde(async () => {
      let fini = false;
      const t0 = performance.now();
      const run = inUnitOfWork(() => b.app.get(JobsService).trigger(PURGE_COMPTES)).finally(() => (fini = true));
      const durees: number[] = [];
      while (!fini) {
        const t = performance.now();
        await (await connexion()).arrayBuffer();
        durees.push(performance.now() - t);
      }
      const fait = await run;
      return { secondes: (performance.now() - t0) / 1000, counts: fait?.counts, logins: latences(durees) };
    });

    const ms = (v: number) => v.toFixed(1);
    const ligne = (nom: string, s: Latences) => `| ${nom} | ${s.n} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} | ${(s.p99 / repos.sante.p99).toFixed(2)} |`;
    process.stdout.write(
      [
        `bench:boucle, ${SECONDES} s each, ${parsePdfConfig(process.env).workers} PDF worker thread(s), ${CLIENTS_PDF} PDF clients, ${CLIENTS_LOGIN} login clients, API and clients in this process, SQLite file`,
        '',
        '| measure | API req/s | raw req/s | ratio | API p50 / p99 ms |',
        '| --- | --- | --- | --- | --- |',
        `| dossier PDF vs raw pdfmake | ${pdf.resultat.parSeconde.toFixed(1)} | ${pdfBrut.toFixed(1)} | **${(pdf.resultat.parSeconde / pdfBrut).toFixed(2)}** | ${ms(pdf.resultat.latences.p50)} / ${ms(pdf.resultat.latences.p99)} |`,
        `| login vs raw argon2.verify | ${login.resultat.parSeconde.toFixed(1)} | ${argon2Brut.toFixed(1)} | **${(login.resultat.parSeconde / argon2Brut).toFixed(2)}** | ${ms(login.resultat.latences.p50)} / ${ms(login.resultat.latences.p99)} |`,
        '',
        '| `GET /health` | n | p50 ms | p99 ms | max ms | p99 / idle p99 |',
        '| --- | --- | --- | --- | --- | --- |',
        ligne('idle', repos.sante),
        ligne('during PDFs', pdf.sante),
        ligne('during logins', login.sante),
        ligne(`during the purge of ${COMPTES} accounts`, purge.sante),
        '',
        `Purge: ${purge.resultat.secondes.toFixed(2)} s, counts ${purge.resultat.counts}; logins one after the other meanwhile: n ${purge.resultat.logins.n}, p50 ${ms(purge.resultat.logins.p50)} ms, max **${ms(purge.resultat.logins.max)} ms** (a login alone, idle: p50 ${ms(loginSeul.latences.p50)} ms, max ${ms(loginSeul.latences.max)} ms)`,
        '',
      ].join('\n'),
    );
  });
}

/** A candidature of a formation of the bench's offer, its candidate and account inserted directly. */
async function candidature(b: Banc): Promise<number> {
  const { commissionId } = await b.centreEtCommission();
  const formationId = await b.gestion('formations', {
    commissionId,
    code: 'BENCH-M1',
    libelle: 'Master du banc',
    typeDiplome: 'MAS',
    typeTraitement: 'AC',
    demat: false,
    dateDebutCandidature: '2026-01-01',
    dateFinCandidature: '2099-12-31',
    dateRetour: '2099-12-31',
    delaiConfirmation: 15,
  });
  const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
  return b.dataSource.transaction(async (em) => {
    await em.query('INSERT INTO compte_candidat (campagne_id, numero_dossier, email, email_normalise, nom, prenom, active, activation_deadline, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)', [
      b.campagne.id,
      'B0000001',
      'elise@example.org',
      'elise@example.org',
      'Durand',
      'Élise',
      now,
      now,
    ]);
    const [{ id: compteId }] = (await em.query("SELECT id FROM compte_candidat WHERE numero_dossier = 'B0000001'")) as { id: number }[];
    await em.query(
      'INSERT INTO candidat (compte_candidat_id, campagne_id, civilite, nom_naissance, prenom, nom_recherche, date_naissance, pays_naissance, nationalite, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)',
      [compteId, b.campagne.id, 'MME', 'DURAND', 'Élise', 'DURAND ELISE', '2003-03-14', 'FR', 'FR', now],
    );
    await em.query(
      "INSERT INTO candidature (campagne_id, compte_candidat_id, formation_id, statut_dossier, statut_dossier_at, type_traitement, type_traitement_valide, created_at, non_annulee, version) VALUES (?, ?, ?, 'AT', ?, 'AC', 1, ?, 1, 1)",
      [b.campagne.id, compteId, formationId, now, now],
    );
    const [{ id }] = (await em.query('SELECT id FROM candidature WHERE compte_candidat_id = ?', [compteId])) as { id: number }[];
    return id;
  });
}

/** `n` accounts never activated, their deadline passed, 1,000 rows per INSERT. */
async function comptesNonActives(b: Banc, n: number): Promise<void> {
  const passe = new Date(Date.now() - 86_400_000).toISOString().replace('T', ' ').slice(0, 23);
  for (let debut = 0; debut < n; debut += 1000) {
    const lignes = Array.from({ length: Math.min(1000, n - debut) }, (_, k) => debut + k);
    await b.dataSource.query(
      `INSERT INTO compte_candidat (campagne_id, numero_dossier, email, email_normalise, nom, prenom, active, activation_deadline, created_at) VALUES ${lignes.map(() => '(?, ?, ?, ?, ?, ?, 0, ?, ?)').join(', ')}`,
      lignes.flatMap((i) => [b.campagne.id, `P${String(i).padStart(7, '0')}`, `p${i}@example.org`, `p${i}@example.org`, 'Purge', `N${i}`, passe, passe]),
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
