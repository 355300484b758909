import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialize } from 'node:v8';
import argon2 from 'argon2';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfmake = require('pdfmake');
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { DefinitionEmpaquetee, deballer } from '../src/pdf/pdf-fonctions';

/*
 * The baselines of `npm run bench:boucle`, each in a plain Node process of its own (this file, started by
 * boucle.bench.ts) with nothing of the application but the document's data: how fast raw pdfmake renders the same
 * dossier, one after the other as pdfmake is meant to be used (fonts in its virtual file system, `createPdf` per
 * document); how fast raw argon2.verify checks the same password, one per core at a time (what the machine can do).
 * Prints the rate per second on stdout.
 */
const [mode, secondes, fichier] = [process.argv[2], Number(process.argv[3]), process.argv[4]];

async function pdf(): Promise<number> {
  const empaquetee = deserialize(readFileSync(fichier)) as DefinitionEmpaquetee;
  const dossier = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const polices = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(n: string, c: Buffer): void } }).virtualfs;
  for (const f of Object.values(polices)) vfs.writeFileSync(f, readFileSync(join(dossier, f)));
  pdfmake.setFonts({ Roboto: polices });
  const un = () => pdfmake.createPdf(deballer<TDocumentDefinitions>(empaquetee)).getBuffer();
  await un();
  let n = 0;
  const fin = performance.now() + secondes * 1000;
  const debut = performance.now();
  while (performance.now() < fin) {
    await un();
    n++;
  }
  return n / ((performance.now() - debut) / 1000);
}

async function verify(): Promise<number> {
  const mot = 'mot de passe du banc de mesure';
  const hash = await argon2.hash(mot, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  let n = 0;
  const debut = performance.now();
  const fin = debut + secondes * 1000;
  await Promise.all(
    Array.from({ length: availableParallelism() }, async () => {
      while (performance.now() < fin) {
        if (!(await argon2.verify(hash, mot))) throw new Error('argon2.verify');
        n++;
      }
    }),
  );
  return n / ((performance.now() - debut) / 1000);
}

(mode === 'pdf' ? pdf() : verify()).then(
  (parSeconde) => process.stdout.write(`${parSeconde}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
