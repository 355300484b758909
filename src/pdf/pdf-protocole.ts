import type { RaisonNonJointe } from './annexes';
import type { DefinitionEmpaquetee } from './pdf-fonctions';

/*
 * What the main thread (PdfPool) and a PDF worker (pdf.worker.ts) say to each other: plain data only. One request at
 * a time per worker, each answered with its `id`. An assembly is a conversation held on one worker: `ouvrir`, one
 * `joindre` per file (its bytes transferred, not copied), then `terminer` with the summary's definition.
 */

export interface Demandes {
  /** A pdfmake definition rendered to PDF bytes */
  rendre: { definition: DefinitionEmpaquetee };
  /** A new, empty document for the files to join (the one before, if any, is dropped) */
  ouvrir: Record<string, never>;
  /** A file's pages appended to the document */
  joindre: { type: string; contenu: Uint8Array };
  /** The summary rendered and put before the files; the document saved and dropped */
  terminer: { resume: DefinitionEmpaquetee };
}

/** A file joined (its pages), or why not (a damaged file, a PDF locked by a password). */
export type Jonction = { pages: number } | { raison: Exclude<RaisonNonJointe, 'introuvable'>; message: string };

export interface Reponses {
  rendre: Uint8Array;
  ouvrir: null;
  joindre: Jonction;
  terminer: Uint8Array;
}

export type Operation = keyof Demandes;

export type Demande = { [O in Operation]: { id: number; op: O } & Demandes[O] }[Operation];

export type Reponse = { id: number; resultat: unknown } | { id: number; erreur: { name: string; message: string; stack?: string } };

/**
 * Bytes ready to be transferred: the buffer to hand over when the view covers all of it, else a copy that does (a
 * small Buffer lives in Node's shared pool, which must never be detached).
 */
export function transferable(octets: Uint8Array): { octets: Uint8Array; transfert: ArrayBuffer[] } {
  const entier = octets.byteOffset === 0 && octets.byteLength === octets.buffer.byteLength && octets.buffer instanceof ArrayBuffer;
  const propre = entier ? octets : new Uint8Array(octets);
  return { octets: propre, transfert: [propre.buffer as ArrayBuffer] };
}

/** A Buffer over the bytes received, without copying them. */
export function enBuffer(octets: Uint8Array): Buffer {
  return Buffer.from(octets.buffer, octets.byteOffset, octets.byteLength);
}
