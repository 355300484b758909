import { PDFDocument } from '@pdfme/pdf-lib';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import 'reflect-metadata';
import { png } from '../test/support/fichiers';
import { Banc, banc, dossierBanc } from './banc';
import { DataSource } from 'typeorm';
import { parsePdfConfig } from '../src/config/pdf.config';
import { FileStorage } from '../src/pieces/storage/file-storage';

/**
 * npm run bench:zip: POST /api/candidatures/dossiers.zip for 50 candidatures (BENCH_CANDIDATURES) of a
 * dematerialised formation, each with two uploaded files: a 3-page PDF of scanned-like pages (~1 MB) and a PNG
 * photo (~0.7 MB), both incompressible. The API runs in this process on a fresh SQLite file built by the
 * migrations, so process.memoryUsage() covers the whole ZIP: baseline after a GC before the request, peak sampled
 * every 10 ms while the client reads (and drops) the stream. While it streams, GET /health is sent every 50 ms
 * and the event loop's delay is monitored: how long the PDF work keeps other requests waiting.
 */
const port = Number(process.env.BENCH_PORT ?? 3919);
const base = `http://127.0.0.1:${port}`;
const N = Number(process.env.BENCH_CANDIDATURES ?? 50);
const MB = 1024 * 1024;

/** Three A4 pages, each a full-page "scan" (a random image). */
async function pdfScanne(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 3; i++) {
    const image = await doc.embedPng(png(340, 330, 'bruit'));
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 20, y: 20, width: 555, height: 800 });
  }
  return Buffer.from(await doc.save());
}

async function main(): Promise<void> {
  await banc('bench-zip', port, { STORAGE_DIR: join(dossierBanc('bench-zip'), 'fichiers') }, async (b) => {
    const { app, dataSource, campagne, token } = b;
    const { formationId, pieces } = await offre(b);

    const [pdf, photo] = [await pdfScanne(), png(480, 480, 'bruit')];
    const ids = await candidatures(dataSource, app.get(FileStorage), campagne.id, formationId, pieces, pdf, photo);

    await telecharger(token, ids.slice(0, 2)); // warm-up: JIT, fonts, statement cache
    const r = await telecharger(token, ids);
    const lignes = [
      `POST /api/candidatures/dossiers.zip, ${N} candidatures × (PDF ${(pdf.length / MB).toFixed(2)} MB, 3 pages + PNG ${(photo.length / MB).toFixed(2)} MB), scolarité centrale, API and client in this process, SQLite file, ${parsePdfConfig(process.env).workers} PDF worker thread(s)`,
      '',
      '| candidatures | s | ZIP MB | RSS before MB | RSS peak − before | heap before MB | heap peak − before | event loop delay max / p99 ms | GET /health during: n, max ms |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      `| ${N} | ${r.seconds.toFixed(1)} | ${(r.bytes / MB).toFixed(1)} | ${(r.base.rss / MB).toFixed(0)} | **${((r.peak.rss - r.base.rss) / MB).toFixed(1)}** | ` +
        `${(r.base.heapUsed / MB).toFixed(0)} | **${((r.peak.heapUsed - r.base.heapUsed) / MB).toFixed(1)}** | ${r.delaiMax.toFixed(0)} / ${r.delaiP99.toFixed(0)} | ${r.sondes}, ${r.sondeMax.toFixed(0)} |`,
      '',
    ];
    process.stdout.write(lignes.join('\n'));
  });
}

/** One centre, commission, dematerialised formation and its two pièces, through the API. */
async function offre({ gestion: post, centreEtCommission }: Banc): Promise<{ formationId: number; pieces: number[] }> {
  const { centreId, commissionId } = await centreEtCommission();
  const formationId = await post('formations', {
    commissionId,
    code: 'BENCH-M1',
    libelle: 'Master du banc',
    typeDiplome: 'MAS',
    typeTraitement: 'AC',
    demat: true,
    dateDebutCandidature: '2026-01-01',
    dateFinCandidature: '2099-12-31',
    dateRetour: '2099-12-31',
    delaiConfirmation: 15,
  });
  const pieces = [
    await post('pieces', { code: 'BENCH-RELEVE', libelle: 'Relevé de notes', commun: false, ordre: 1, centreId, formationIds: [formationId] }),
    await post('pieces', { code: 'BENCH-PHOTO', libelle: "Pièce d'identité", commun: false, ordre: 2, centreId, formationIds: [formationId] }),
  ];
  return { formationId, pieces };
}

/** Accounts, identities, candidatures and their two files, inserted directly (each file stored on its own key). */
async function candidatures(dataSource: DataSource, storage: FileStorage, campagneId: number, formationId: number, pieces: number[], pdf: Buffer, photo: Buffer): Promise<number[]> {
  const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
  const ids: number[] = [];
  for (let i = 0; i < N; i++) {
    const numero = `Z${String(i).padStart(7, '0')}`;
    const fichiers = [await storage.write(Readable.from([pdf]), { maxBytes: 10 * MB }), await storage.write(Readable.from([photo]), { maxBytes: 10 * MB })];
    await dataSource.transaction(async (em) => {
      await em.query('INSERT INTO compte_candidat (campagne_id, numero_dossier, email, email_normalise, nom, prenom, active, activation_deadline, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)', [
        campagneId,
        numero,
        `z${i}@example.org`,
        `z${i}@example.org`,
        'Candidat',
        `N${i}`,
        now,
        now,
      ]);
      const [{ id: compteId }] = (await em.query('SELECT id FROM compte_candidat WHERE numero_dossier = ?', [numero])) as { id: number }[];
      await em.query(
        'INSERT INTO candidat (compte_candidat_id, campagne_id, civilite, nom_naissance, prenom, nom_recherche, date_naissance, pays_naissance, nationalite, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)',
        [compteId, campagneId, 'MME', `Nom${numero}`, 'Élise', `NOM${numero} ELISE`, '2003-03-14', 'FR', 'FR', now],
      );
      await em.query(
        "INSERT INTO candidature (campagne_id, compte_candidat_id, formation_id, statut_dossier, statut_dossier_at, type_traitement, type_traitement_valide, created_at, non_annulee, version) VALUES (?, ?, ?, 'AT', ?, 'AC', 1, ?, 1, 1)",
        [campagneId, compteId, formationId, now, now],
      );
      const [{ id }] = (await em.query('SELECT id FROM candidature WHERE compte_candidat_id = ?', [compteId])) as { id: number }[];
      const noms = ['releve.pdf', 'photo.png'];
      for (const [k, f] of fichiers.entries()) {
        await em.query("INSERT INTO piece_candidature (candidature_id, piece_id, statut, fichier_cle, fichier_nom, fichier_type, fichier_taille, updated_at) VALUES (?, ?, 'TR', ?, ?, ?, ?, ?)", [
          id,
          pieces[k],
          f.key,
          noms[k],
          f.type,
          f.taille,
          now,
        ]);
      }
      ids.push(id);
    });
  }
  return ids;
}

interface Mesure {
  seconds: number;
  bytes: number;
  base: NodeJS.MemoryUsage;
  peak: { rss: number; heapUsed: number };
  delaiMax: number;
  delaiP99: number;
  sondes: number;
  sondeMax: number;
}

/** One ZIP, read chunk by chunk and dropped; memory sampled every 10 ms, /health probed every 50 ms. */
async function telecharger(token: string, ids: number[]): Promise<Mesure> {
  global.gc?.();
  const baseUsage = process.memoryUsage();
  const peak = { rss: baseUsage.rss, heapUsed: baseUsage.heapUsed };
  const sample = setInterval(
    () => {
      if (process.env.BENCH_GC_SAMPLE) global.gc?.();
      const m = process.memoryUsage();
      peak.rss = Math.max(peak.rss, m.rss);
      peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    },
    process.env.BENCH_GC_SAMPLE ? 200 : 10,
  );
  const delai = monitorEventLoopDelay({ resolution: 10 });
  delai.enable();
  let enCours = true;
  const sondes: number[] = [];
  const sonder = (async () => {
    while (enCours) {
      const t0 = performance.now();
      await (await fetch(`${base}/health`)).arrayBuffer();
      sondes.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  try {
    const res = await fetch(`${base}/api/candidatures/dossiers.zip`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ candidatureIds: ids }) });
    if (res.status !== 200 || !res.body) throw new Error(`zip : ${res.status} ${await res.text()}`);
    let bytes = 0;
    let fin = Buffer.alloc(0);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      fin = Buffer.concat([fin, Buffer.from(chunk)]).subarray(-22);
    }
    // The end-of-central-directory record, and the number of entries it counts.
    if (fin.readUInt32LE(0) !== 0x06054b50 || fin.readUInt16LE(10) !== ids.length) throw new Error('archive incomplète');
    return {
      seconds: (performance.now() - started) / 1000,
      bytes,
      base: baseUsage,
      peak,
      delaiMax: delai.max / 1e6,
      delaiP99: delai.percentile(99) / 1e6,
      sondes: sondes.length,
      sondeMax: Math.max(0, ...sondes),
    };
  } finally {
    enCours = false;
    await sonder;
    clearInterval(sample);
    delai.disable();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
