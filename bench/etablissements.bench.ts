import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import communesData from '@etalab/decoupage-administratif/data/communes.json';
import { environnement, racine, recreerBase } from './processus';

/**
 * npm run bench:etablissements: the UAI import (`npm run referentiel:etablissements`) of a generated file the size of
 * the national Annuaire de l'éducation (BENCH_LIGNES, 65,000 lines, with the fixture's header), run twice on a new
 * database: the first run creates, the second finds every row unchanged. BENCH_LYCEES is the share of lines that are
 * lycées (0.07, as in the national file; 1 measures the write path at its widest: every line a row). BENCH_DATABASE_URL
 * picks the engine (a SQLite file by default, or `mariadb://root@127.0.0.1:3306/bench_uai`, dropped and created).
 */
const dir = join(racine, 'var', 'bench-etablissements');
const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'uai.sqlite')}`;
const LIGNES = Number(process.env.BENCH_LIGNES ?? 65_000);
const LYCEES = Number(process.env.BENCH_LYCEES ?? 0.07);

async function generer(fichier: string): Promise<void> {
  const entete = readFileSync(join(racine, 'test', 'fixtures', 'annuaire-education.csv'), 'utf8').split(/\r?\n/)[0];
  const colonnes = entete.replace(/^\ufeff/, '').split(';');
  const communes = (communesData as { code: string; nom: string; type: string }[]).filter((c) => c.type === 'commune-actuelle');
  const out = createWriteStream(fichier);
  out.write(`${entete}\r\n`);
  for (let i = 0; i < LIGNES; i++) {
    const commune = communes[(i * 7919) % communes.length];
    const type = i % 1000 < LYCEES * 1000 ? 'Lycée' : i % 7 === 0 ? 'Collège' : 'Ecole';
    const valeurs: Record<string, string> = {
      Identifiant_de_l_etablissement: `${String(9000000 + i).slice(-7)}${String.fromCharCode(65 + (i % 26))}`,
      Nom_etablissement: `${type} ${commune.nom} n° ${i}`,
      Type_etablissement: type,
      Statut_public_prive: i % 5 === 0 ? 'Privé' : 'Public',
      Code_commune: commune.code,
      Nom_commune: commune.nom,
      etat: 'OUVERT',
    };
    const ligne = colonnes.map((c) => valeurs[c] ?? '').join(';');
    if (!out.write(`${ligne}\r\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function main(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (url.startsWith('mariadb:') || url.startsWith('mysql:')) await recreerBase(url);
  const fichier = join(dir, 'annuaire.csv');
  await generer(fichier);
  // A first start of the app on the new database: migrations and built-in reference data, outside the measure.
  const env = { ...environnement(url, dir), NODE_ENV: 'development', LOG_LEVEL: 'silent' };
  for (const passe of ['à vide (migrations)', '1er import', '2e import']) {
    const args = passe.startsWith('à vide') ? ['--fichier', join(racine, 'test', 'fixtures', 'annuaire-education.csv')] : ['--fichier', fichier];
    const debut = Date.now();
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/import-etablissements.ts', ...args], { cwd: racine, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    process.stdout.write(`${passe} : ${((Date.now() - debut) / 1000).toFixed(1)} s (processus)\n${r.stdout}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
