import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EtatDependance } from '../../common/health/etat-dependance';
import { TypeFichier } from './magic-bytes';

/** The only keys the adapters hand out, `ab/cd/<uuid>` (ab, cd: the uuid's first 4 digits): no user input, no `..`. */
const KEY = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A new key: two levels of 256 folders (on disk, or as S3 prefixes), so that none grows past a few thousand entries. */
export function generateKey(): { id: string; key: string } {
  const id = randomUUID();
  return { id, key: `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}` };
}

/** The parts of a key an adapter could have generated; undefined for anything else (a forged or corrupted key). */
export function keyParts(key: string): [string, string, string] | undefined {
  const match = KEY.exec(key);
  return match && match[3].startsWith(match[1] + match[2]) ? [match[1], match[2], match[3]] : undefined;
}

/** A file kept by the storage: its key (generated, never the client's name), size in bytes and sniffed type. */
export interface StoredFile {
  /** `ab/cd/<uuid>` (generateKey) */
  key: string;
  taille: number;
  type: TypeFichier;
}

/**
 * Where uploaded files live (the DI token; the local-disk adapter is the default, an S3-compatible one can replace
 * it when instances multiply). Only PDF, JPEG and PNG are kept, checked by their first bytes.
 */
export abstract class FileStorage {
  /**
   * Streams `source` into the storage and keeps it only if it is a PDF, JPEG or PNG of at most `maxBytes`:
   * otherwise nothing is left behind and FICHIER_TYPE_REFUSE (400), FICHIER_TROP_VOLUMINEUX (413) or, when the
   * source fails (client gone), FICHIER_INCOMPLET (400) is thrown. `source` is consumed, or destroyed on failure.
   * `inspecter` (the antivirus), once every byte is received and checked and before the file is kept, reads the
   * received bytes as often as it calls `lire`; if it throws, nothing is kept and its error is thrown.
   */
  abstract write(source: Readable, options: { maxBytes: number; inspecter?: (lire: () => Readable) => Promise<void> }): Promise<StoredFile>;

  /** The bytes of a stored file; FICHIER_INTROUVABLE (404) when it is gone. */
  abstract read(key: string): Promise<Readable>;

  /** Removes a stored file; nothing happens when it is already gone. */
  abstract delete(key: string): Promise<void>;

  /** Every stored file and when it was written, in no particular order (the nightly sweep of unreferenced files). */
  abstract list(): AsyncIterable<{ key: string; ecritLe: Date }>;

  /**
   * Removes the partial writes no request owns any more (a process killed mid-upload leaves them), at start-up and in
   * the nightly sweep; answers how many went.
   */
  abstract purgeAbandoned(now: Date): Promise<number>;

  /**
   * Whether the storage answers, for the readiness detail: the folder writable, the bucket reachable. Shown, never
   * deciding readiness: without it pièces answer 503 but every other route works.
   */
  abstract etat(timeoutMs: number): Promise<EtatDependance>;
}
