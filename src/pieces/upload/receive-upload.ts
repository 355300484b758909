import '@fastify/multipart';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { StorageConfig, storageConfig } from '../../config/storage.config';
import { ValidationFailed } from '../../common/errors/domain-errors';
import { Antivirus } from '../antivirus/antivirus.service';
import { FichierErrors } from '../storage/file-errors';
import { FileStorage, StoredFile } from '../storage/file-storage';

/** The multipart field the file must come in. */
export const FICHIER_FIELD = 'fichier';
const NOM_MAX = 200;
/**
 * What a refused upload may still send before the connection is cut: enough for a file a little over the largest
 * allowed maximum (10 Mo) to get its 413 rather than a reset connection.
 */
const DISCARD_MAX = 16 * 1024 * 1024;

export interface ReceivedUpload {
  stored: StoredFile;
  /** The client's file name, for display and downloads only (never a path on disk) */
  nomOriginal: string;
}

/** The limits of one upload: one file, a few small fields; one byte over the maximum so that the storage sees it. */
export function multipartLimits(maxBytes: number) {
  return { fileSize: maxBytes + 1, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 50 };
}

/**
 * Receives the one file of a multipart/form-data request (field `fichier`) into the FileStorage. Call it from the
 * handler, after the guard and the service's own checks, so that nothing is streamed to disk for a caller who may
 * not upload. Refused uploads (not multipart, no file, wrong type, too large, interrupted, infected or unscanned
 * while clamd is down) leave nothing stored.
 */
@Injectable()
export class UploadReceiver {
  constructor(
    private readonly storage: FileStorage,
    private readonly antivirus: Antivirus,
    @Inject(storageConfig.KEY) private readonly config: StorageConfig,
  ) {}

  /**
   * `options` narrow what this route keeps: a smaller maximum than UPLOAD_MAX_MO, only some of the types (a file of
   * another type is deleted and refused with FICHIER_TYPE_REFUSE).
   */
  async receive(request: FastifyRequest, options: { maxBytes?: number; images?: boolean } = {}): Promise<ReceivedUpload> {
    if (!request.isMultipart()) throw FichierErrors.manquant();
    const maxBytes = Math.min(options.maxBytes ?? this.config.maxBytes, this.config.maxBytes);
    const part = await request.file({ limits: multipartLimits(maxBytes), throwFileSizeLimit: false }).catch((error: unknown) => {
      throw isClientError(error) ? error : new ValidationFailed([{ field: FICHIER_FIELD, message: "n'a pas pu être lu : corps multipart/form-data mal formé" }]);
    });
    if (!part) throw FichierErrors.manquant();
    try {
      if (part.fieldname !== FICHIER_FIELD) {
        part.file.resume();
        throw FichierErrors.manquant();
      }
      const inspecter = (lire: () => Readable) => this.antivirus.analyser(lire);
      const stored = await this.storage.write(part.file, { maxBytes, inspecter });
      if (options.images && stored.type === 'application/pdf') {
        await this.storage.delete(stored.key);
        throw FichierErrors.imageRefusee();
      }
      return { stored, nomOriginal: sanitizeFileName(part.filename) };
    } catch (error) {
      await discardRest(request.raw, DISCARD_MAX);
      throw error;
    }
  }
}

/**
 * Reads what is left of a refused request so that the client, still sending, gets the answer rather than a reset
 * connection; past `limit` bytes the connection is dropped instead.
 */
function discardRest(raw: IncomingMessage, limit: number): Promise<void> {
  if (raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      raw.off('data', count);
      resolve();
    };
    const count = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) {
        raw.destroy();
        done();
      }
    };
    raw.on('data', count).once('end', done).once('close', done).once('error', done);
    raw.resume();
  });
}

function isClientError(error: unknown): boolean {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The name as the client sent it, safe to show and to put in a header: base name, no control characters, 200 at most. */
// Control characters, and the bidirectional marks that disguise a name (`ok.pdf\u202Egpj.exe` shows as `ok.pdfexe.jpg`).
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A file name without the characters that hide or disguise what it says. */
export function withoutHiddenCharacters(name: string): string {
  return name.replace(HIDDEN, '');
}

export function sanitizeFileName(name: string | undefined): string {
  const clean = withoutHiddenCharacters(basename((name ?? '').replace(/\\/g, '/'))).trim();
  return [...(clean || 'fichier')].slice(0, NOM_MAX).join('');
}
