import {
  AbortMultipartUploadCommand,
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListMultipartUploadsCommand,
  ListObjectsCommand,
  _Object,
  S3Client,
  S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DomainError } from '../../common/errors/domain-errors';
import { sonder } from '../../common/health/etat-dependance';
import { S3StorageConfig } from '../../config/storage.config';
import { FichierErrors } from './file-errors';
import { FileStorage, StoredFile, generateKey, keyParts } from './file-storage';
import { receiveChecked } from './upload-check';

/** Under the configured prefix: the objects received but not yet accepted (the inspecter still reading them). */
export const PREFIXE_EN_COURS = 'en-cours/';
/**
 * An upload started this long ago (a multipart upload's initiation, a pending object's write) is nobody's. S3 shows
 * no last-write time of a multipart upload in progress, so the bound counts from its start, and is generous: an hour
 * for 10 Mo at most is 3 ko/s. Uploads of this process are never removed, however long they last.
 */
export const ENVOI_ABANDONNE_MS = 60 * 60 * 1000;
/** 5 Mio, S3's smallest part: what one upload holds in memory at most, one part at a time. */
const PART_SIZE = 5 * 1024 * 1024;

/**
 * The S3 client of a configuration. Checksums only where the API requires them: the SDK's default (a CRC32 on every
 * upload, since 3.729) is refused by many S3-compatible stores (s3rver, older MinIO, Ceph, Garage), and AWS S3 accepts
 * both. Bounded waits, so that a frozen store fails requests instead of holding them.
 */
export function s3ClientOptions(config: S3StorageConfig): S3ClientConfig {
  return {
    endpoint: config.endpoint,
    region: config.region,
    credentials: config.credentials,
    forcePathStyle: config.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  };
}

/**
 * FileStorage on an S3-compatible object store (STORAGE_ADAPTER=s3): `<prefix>ab/cd/<uuid>`, shared by every
 * instance. Uploads stream through lib-storage (one 5 Mio part in memory at a time, no temporary file): with no
 * inspecter straight to the final key, which S3 shows only once the upload completes, after every check passed;
 * with one, under `<prefix>en-cours/<uuid>` first, read again by the inspecter, then copied (inside the store) to its
 * key. Whatever is refused or interrupted is removed; multipart uploads and pending objects a killed process left go
 * in purgeAbandoned. A store that cannot be reached answers STOCKAGE_INDISPONIBLE (503, Retry-After).
 */
export class S3Storage extends FileStorage implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('S3Storage');
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly taillePage: number | undefined;
  /** Object keys (pending or final) this process is writing: never purged */
  private readonly enCours = new Set<string>();

  constructor(config: S3StorageConfig, options: { taillePage?: number } = {}) {
    super();
    this.client = new S3Client(s3ClientOptions(config));
    this.bucket = config.bucket;
    this.prefix = config.prefix;
    this.taillePage = options.taillePage;
  }

  /**
   * A bucket that does not exist or refuses our credentials stops the start-up (a configuration error); a store that
   * does not answer does not (uploads answer 503 until it is back).
   */
  async onModuleInit(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      const supprimes = await this.purgeAbandoned(new Date());
      if (supprimes > 0) this.logger.warn(`${supprimes} envoi(s) interrompu(s) supprimé(s) au démarrage`);
    } catch (error) {
      if (!indisponible(error)) throw new Error(`Stockage S3 : le bucket « ${this.bucket} » est inaccessible (${String((error as Error)?.name)}) : vérifiez STORAGE_S3_*`);
      this.logger.error(`Stockage S3 injoignable au démarrage : ${String((error as Error)?.message)}`);
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }

  async write(source: Readable, { maxBytes, inspecter }: Parameters<FileStorage['write']>[1]): Promise<StoredFile> {
    const { id, key } = generateKey();
    const final = this.prefix + key;
    const cible = inspecter ? `${this.prefix}${PREFIXE_EN_COURS}${id}` : final;
    this.enCours.add(cible);
    try {
      const { taille, type } = await receiveChecked(source, maxBytes, async (checked) => {
        // A failed upload aborts its multipart upload itself (leavePartsOnError false); one the store could not abort
        // is left to purgeAbandoned.
        await new Upload({ client: this.client, params: { Bucket: this.bucket, Key: cible, Body: checked }, partSize: PART_SIZE, queueSize: 1 }).done();
      });
      if (inspecter) {
        try {
          await inspecter(() => this.lazyRead(cible));
          await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: final, CopySource: `${this.bucket}/${cible.split('/').map(encodeURIComponent).join('/')}` }));
        } finally {
          await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: cible })).catch((error: unknown) => {
            this.logger.warn(`Objet en attente non supprimé (${(error as Error).message}) : purgé plus tard`);
          });
        }
      }
      return { key, taille, type };
    } catch (error) {
      throw storeError(error);
    } finally {
      this.enCours.delete(cible);
    }
  }

  etat(timeoutMs: number) {
    return sonder((abortSignal) => this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal }), timeoutMs);
  }

  async read(key: string): Promise<Readable> {
    if (!keyParts(key)) throw FichierErrors.introuvable();
    return this.open(this.prefix + key);
  }

  async delete(key: string): Promise<void> {
    if (!keyParts(key)) {
      this.logger.warn(`Clé de fichier invalide ignorée : ${JSON.stringify(key).slice(0, 80)}`);
      return;
    }
    // S3 answers 204 for a key already gone.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.prefix + key })).catch((error: unknown) => {
      throw storeError(error);
    });
  }

  async *list(): AsyncIterable<{ key: string; ecritLe: Date }> {
    for await (const { Key, LastModified } of this.objects(this.prefix)) {
      const key = Key?.slice(this.prefix.length);
      if (key && keyParts(key) && LastModified) yield { key, ecritLe: LastModified };
    }
  }

  async purgeAbandoned(now: Date): Promise<number> {
    const abandonne = (depuis: Date | undefined) => !!depuis && now.getTime() - depuis.getTime() > ENVOI_ABANDONNE_MS;
    let supprimes = 0;
    for await (const { Key, LastModified } of this.objects(this.prefix + PREFIXE_EN_COURS)) {
      if (!Key || this.enCours.has(Key) || !abandonne(LastModified)) continue;
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
      supprimes++;
    }

    let KeyMarker: string | undefined;
    let UploadIdMarker: string | undefined;
    do {
      const page = await this.client.send(
        new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: this.prefix, KeyMarker, UploadIdMarker, MaxUploads: this.taillePage }),
      );
      for (const { Key, UploadId, Initiated } of page.Uploads ?? []) {
        if (!Key || !UploadId || this.enCours.has(Key) || !abandonne(Initiated)) continue;
        await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId }));
        supprimes++;
      }
      [KeyMarker, UploadIdMarker] = page.IsTruncated ? [page.NextKeyMarker, page.NextUploadIdMarker] : [undefined, undefined];
    } while (KeyMarker);
    return supprimes;
  }

  /**
   * Every object under `prefix`, page after page. ListObjects (v1, the marker being the last key seen) rather than
   * ListObjectsV2: every S3-compatible store has it, and s3rver's continuation tokens need DES, which OpenSSL 3 lacks.
   */
  private async *objects(prefix: string): AsyncIterable<_Object> {
    let Marker: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsCommand({ Bucket: this.bucket, Prefix: prefix, Marker, MaxKeys: this.taillePage })).catch((error: unknown) => {
        throw storeError(error);
      });
      const contents = page.Contents ?? [];
      yield* contents;
      Marker = page.IsTruncated ? (page.NextMarker ?? contents.at(-1)?.Key) : undefined;
    } while (Marker);
  }

  /** The object's bytes; FICHIER_INTROUVABLE when it is gone. Awaited before the answer starts, so a 404 is a 404. */
  private async open(objectKey: string): Promise<Readable> {
    try {
      const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return Body as Readable;
    } catch (error) {
      throw storeError(error);
    }
  }

  /** The inspecter's `lire` gives a stream at once; the object is fetched when it is first read. */
  private lazyRead(objectKey: string): Readable {
    const open = () => this.open(objectKey);
    return Readable.from(
      (async function* () {
        yield* await open();
      })(),
      { objectMode: false },
    );
  }
}

/** The SDK got no answer from the store, or the store says it cannot serve now: worth trying again later. */
function indisponible(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata?.httpStatusCode;
    return status === undefined || status >= 500 || status === 429 || error.name === 'SlowDown';
  }
  // Any other error of a request (the SDK gives each its $metadata) had no answer from the store: refused or cut
  // connection, timeout. Read by fields, not class: Node's own errors may come from another realm (jest's), and the
  // SDK then rewraps them without their code.
  const { $metadata, name, code } = (error ?? {}) as { $metadata?: unknown; name?: unknown; code?: unknown };
  return !!$metadata || name === 'TimeoutError' || (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code));
}

/** The store's errors as the API answers them; ours (a refused file, the inspecter's verdict) unchanged. */
function storeError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || (error.$metadata?.httpStatusCode === 404 && error.name !== 'NoSuchBucket'))) {
    return FichierErrors.introuvable();
  }
  return indisponible(error) ? FichierErrors.stockageIndisponible() : error;
}
