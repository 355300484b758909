import { AsyncResource } from 'node:async_hooks';
import type { PassThrough, Readable } from 'node:stream';
import { ZipFile } from 'yazl';

/** What a name in the archive may hold: anything else (a `/`, a space, an accent) becomes `_`. */
const HORS_NOM = /[^A-Za-z0-9._-]/g;

/**
 * The name of each candidature's PDF in the archive, `dossier-<numeroDossier>-<formationCode>.pdf`, in the same
 * order; a name that comes again (a cancelled candidature and the one made again for the same formation) gets `-2`,
 * `-3`… so that no entry hides another when unzipped.
 */
export function nomsDossiers(candidatures: readonly { numeroDossier: string; formationCode: string }[]): string[] {
  const vus = new Set<string>();
  return candidatures.map(({ numeroDossier, formationCode }) => {
    const base = `dossier-${numeroDossier}-${formationCode}`.replace(HORS_NOM, '_');
    let nom = `${base}.pdf`;
    for (let n = 2; vus.has(nom); n++) nom = `${base}-${n}.pdf`;
    vus.add(nom);
    return nom;
  });
}

/** One file of an archive: its name, and its bytes built when the archive reaches it. */
export interface EntreeZip {
  nom: string;
  construire(): Promise<Readable>;
}

/**
 * A ZIP written as it is read (yazl): each entry is built only when the previous one has gone through the stream,
 * so one entry at a time is held in memory and a client that stops reading stops the work. Entries are stored, not
 * deflated: PDFs are compressed already. Building runs in the caller's async context (its unit of work, see
 * sqlite-gate), not in whichever stream callback asks for the next entry. A failure once bytes are sent destroys the
 * stream: the download is cut short, never an archive that looks complete.
 */
export function zipEnFlux(entrees: readonly EntreeZip[], mtime: Date): Readable {
  const zip = new ZipFile();
  const sortie = zip.outputStream as PassThrough;
  for (const entree of entrees) {
    const ouvrir = AsyncResource.bind((cb: (err: unknown, stream: NodeJS.ReadableStream) => void) => {
      entree.construire().then(
        (stream) => cb(null, stream),
        (error: unknown) => cb(error, undefined as unknown as NodeJS.ReadableStream),
      );
    });
    zip.addReadStreamLazy(entree.nom, { compress: false, mtime }, ouvrir);
  }
  zip.end();
  zip.on('error', (error: Error) => sortie.destroy(error));
  return sortie;
}
