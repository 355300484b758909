// The JavaScript of the candidate's first page, gzipped: what web/dist/index.html loads (its module script and the
// chunks it preloads), as the API sends it (gzip level 9); the lazy chunks of the other pages listed apart.
// `npm run taille -w web` after `npm run build -w web`. Fails above the budget (200 KB).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const BUDGET_KO = 200;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const html = readFileSync(`${dist}index.html`, 'utf8');
const premiers = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
const ko = (octets) => (octets / 1024).toFixed(1);
const taille = (fichier) => {
  const brut = readFileSync(`${dist}${fichier}`);
  return { brut: brut.length, gzip: gzipSync(brut, { level: constants.Z_BEST_COMPRESSION }).length };
};

let total = { brut: 0, gzip: 0 };
console.log('Première page (index.html) :');
for (const fichier of premiers) {
  const t = taille(fichier);
  total = { brut: total.brut + t.brut, gzip: total.gzip + t.gzip };
  console.log(`  ${fichier.padEnd(48)} ${ko(t.brut).padStart(8)} Ko  ${ko(t.gzip).padStart(7)} Ko gzip`);
}
const autres = readdirSync(`${dist}assets`).filter((f) => f.endsWith('.js') && !premiers.includes(`assets/${f}`));
const reste = autres.reduce((n, f) => n + taille(`assets/${f}`).gzip, 0);
console.log(`JavaScript de la première page : ${ko(total.brut)} Ko, ${ko(total.gzip)} Ko gzip (budget ${BUDGET_KO} Ko)`);
console.log(`Autres pages, chargées à la demande : ${autres.length} fichiers, ${ko(reste)} Ko gzip`);
if (premiers.length === 0 || total.gzip > BUDGET_KO * 1024) process.exit(1);
