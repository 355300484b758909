import { CreateMultipartUploadCommand, ListMultipartUploadsCommand, ListObjectsCommand, PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { parseStorageConfig } from '../../config/storage.config';
import { S3Server, startS3Server } from '../../../test/support/s3-server';
import { FichierErrors } from './file-errors';
import { FileStorage } from './file-storage';
import { LocalDiskStorage, TEMP_ABANDONNE_MS } from './local-disk.storage';
import { ENVOI_ABANDONNE_MS, PREFIXE_EN_COURS, S3Storage, s3ClientOptions } from './s3.storage';

const MO = 1024 * 1024;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), randomBytes(2000)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000)]);
/** Larger than one part of a multipart upload (5 Mo): the S3 adapter sends it in several. */
const GROS_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(7 * MO)]);

/** One adapter on a store of its own, and what a test needs to look behind it. */
interface Banc {
  storage: FileStorage;
  /** Everything the store holds, partial writes included (for S3: objects, and multipart uploads in progress) */
  contenu(): Promise<string[]>;
  /** A partial write as a process killed mid-upload leaves it */
  abandonner(): Promise<void>;
  /** How old a partial write must be for purgeAbandoned to remove it */
  borne: number;
  fermer(): Promise<void>;
}

async function disque(): Promise<Banc> {
  const dir = mkdtempSync(join(tmpdir(), 'stockage-'));
  const storage = new LocalDiskStorage(parseStorageConfig({ STORAGE_DIR: dir }));
  await storage.onModuleInit();
  const fichiers = async (d: string): Promise<string[]> =>
    (await Promise.all((await readdir(d, { withFileTypes: true })).map((e) => (e.isDirectory() ? fichiers(join(d, e.name)) : [relative(dir, join(d, e.name))])))).flat();
  return {
    storage,
    contenu: () => fichiers(dir),
    abandonner: () => writeFile(join(dir, 'tmp', `${randomBytes(4).toString('hex')}.part`), PDF),
    borne: TEMP_ABANDONNE_MS,
    fermer: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function s3(): Promise<Banc> {
  const server: S3Server = await startS3Server();
  // A prefix, and pages of 2 keys, so that the adapter's prefix and pagination are exercised.
  const config = parseStorageConfig({ ...server.env, STORAGE_S3_PREFIX: 'pieces' }).s3!;
  const storage = new S3Storage(config, { taillePage: 2 });
  await storage.onModuleInit();
  const client = new S3Client(s3ClientOptions(config));
  const Bucket = server.bucket;
  return {
    storage,
    contenu: async () => {
      const objets = (await client.send(new ListObjectsCommand({ Bucket }))).Contents ?? [];
      const uploads = (await client.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads ?? [];
      return [...objets.map((o) => o.Key as string), ...uploads.map((u) => `multipart:${u.Key}`)];
    },
    abandonner: async () => {
      const Key = `pieces/${PREFIXE_EN_COURS}${randomBytes(4).toString('hex')}`;
      await client.send(new PutObjectCommand({ Bucket, Key, Body: PDF }));
      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: `${Key}-mp` }));
      await client.send(new UploadPartCommand({ Bucket, Key: `${Key}-mp`, UploadId, PartNumber: 1, Body: randomBytes(5 * MO) }));
    },
    borne: ENVOI_ABANDONNE_MS,
    fermer: async () => {
      await storage.onModuleDestroy();
      client.destroy();
      await server.stop();
    },
  };
}

const bytesOf = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};
/** A client sending `bytes` in chunks of 64 kio, as a request body arrives. */
const envoi = (bytes: Buffer) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
    })(),
    { objectMode: false },
  );
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'accepté', (error: { code?: string }) => error.code ?? String(error));
const until = async (condition: () => Promise<boolean>) => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe.each([
  ['LocalDiskStorage', disque],
  ['S3Storage', s3],
])('FileStorage contract: %s', (_nom, monter) => {
  let banc: Banc;
  let storage: FileStorage;
  beforeEach(async () => {
    banc = await monter();
    storage = banc.storage;
  });
  afterEach(() => banc.fermer());

  it.each([
    ['PDF', PDF, 'application/pdf'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['PNG', PNG, 'image/png'],
    ['PDF of several multipart parts', GROS_PDF, 'application/pdf'],
  ])('keeps a %s under a generated key and gives it back byte for byte', async (_type, bytes, type) => {
    const stored = await storage.write(envoi(bytes), { maxBytes: 10 * MO });
    expect(stored).toEqual({ key: expect.stringMatching(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/), taille: bytes.length, type });
    expect((await bytesOf(await storage.read(stored.key))).equals(bytes)).toBe(true);
    const listed = [];
    for await (const entry of storage.list()) listed.push(entry);
    // (A Date from the file system is not of the test's realm: compared by its time.)
    expect(listed.map(({ key, ecritLe }) => ({ key, ecart: Math.abs(ecritLe.getTime() - Date.now()) < 60_000 }))).toEqual([{ key: stored.key, ecart: true }]);
  });

  it.each([
    ['another type', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(3000)]), 10 * MO, 'FICHIER_TYPE_REFUSE'],
    ['a file too short to tell', Buffer.from('%PDF'), 10 * MO, 'FICHIER_TYPE_REFUSE'],
    ['one byte over the maximum', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(MO - 8)]), MO, 'FICHIER_TROP_VOLUMINEUX'],
    ['a file over the maximum by more than one multipart part', GROS_PDF, 6 * MO, 'FICHIER_TROP_VOLUMINEUX'],
  ])('refuses %s and leaves nothing behind', async (_cas, bytes, maxBytes, code) => {
    const source = envoi(bytes);
    expect(await codeOf(storage.write(source, { maxBytes }))).toBe(code);
    expect(await banc.contenu()).toEqual([]);
    expect(source.destroyed).toBe(true);
  });

  it('answers FICHIER_INCOMPLET when the client goes away mid-upload (after a first multipart part), and leaves nothing behind', async () => {
    const source = new PassThrough();
    const writing = codeOf(storage.write(source, { maxBytes: 10 * MO }));
    source.write(GROS_PDF.subarray(0, 6 * MO));
    // Something was written (a temporary file, a multipart upload with its first part) before the client vanishes.
    await until(async () => (await banc.contenu()).length > 0);
    source.destroy(new Error('aborted'));
    expect(await writing).toBe('FICHIER_INCOMPLET');
    expect(await banc.contenu()).toEqual([]);
  });

  it('lets the inspecter read the received bytes, as often as it asks, before anything shows under a key', async () => {
    const lus: Buffer[] = [];
    const listes: unknown[] = [];
    const stored = await storage.write(envoi(GROS_PDF), {
      maxBytes: 10 * MO,
      inspecter: async (lire) => {
        lus.push(await bytesOf(lire()), await bytesOf(lire()));
        for await (const entry of storage.list()) listes.push(entry);
      },
    });
    expect(lus.map((b) => b.equals(GROS_PDF))).toEqual([true, true]);
    expect(listes).toEqual([]);
    expect((await bytesOf(await storage.read(stored.key))).equals(GROS_PDF)).toBe(true);
    expect((await banc.contenu()).length).toBe(1);
  });

  it("keeps nothing when the inspecter refuses, and throws the inspecter's error", async () => {
    const refus = FichierErrors.infecte();
    await expect(storage.write(envoi(PDF), { maxBytes: MO, inspecter: async () => Promise.reject(refus) })).rejects.toBe(refus);
    expect(await banc.contenu()).toEqual([]);
  });

  it('deletes a file (again: nothing happens), then answers FICHIER_INTROUVABLE for it, as for any unknown or invalid key', async () => {
    const kept = await storage.write(envoi(PNG), { maxBytes: MO });
    const deleted = await storage.write(envoi(PDF), { maxBytes: MO });
    await storage.delete(deleted.key);
    await storage.delete(deleted.key);
    await storage.delete('../../etc/passwd');
    for (const key of [deleted.key, '00/00/00000000-0000-4000-8000-000000000000', '../../etc/passwd', `${kept.key}/..`]) {
      expect(await codeOf(storage.read(key))).toBe('FICHIER_INTROUVABLE');
    }
    expect((await bytesOf(await storage.read(kept.key))).equals(PNG)).toBe(true);
  });

  it('lists every stored file across pages, and nothing of the writes in progress', async () => {
    const keys = [];
    for (let i = 0; i < 5; i++) keys.push((await storage.write(envoi(i % 2 ? PNG : JPEG), { maxBytes: MO })).key);
    await banc.abandonner();
    const listed = [];
    for await (const { key } of storage.list()) listed.push(key);
    expect(listed.sort()).toEqual(keys.sort());
  });

  it('purges the partial writes older than the bound, never the recent ones nor one this process is still receiving', async () => {
    const kept = await storage.write(envoi(PDF), { maxBytes: MO });
    await banc.abandonner();
    const avant = await banc.contenu();
    expect(await storage.purgeAbandoned(new Date())).toBe(0);
    expect((await banc.contenu()).sort()).toEqual(avant.sort());

    const source = new PassThrough();
    const writing = storage.write(source, { maxBytes: 10 * MO });
    source.write(GROS_PDF.subarray(0, 6 * MO));
    await until(async () => (await banc.contenu()).length > avant.length);
    const plusTard = new Date(Date.now() + banc.borne + 60_000);
    expect(await storage.purgeAbandoned(plusTard)).toBeGreaterThanOrEqual(1);
    expect(await storage.purgeAbandoned(plusTard)).toBe(0);
    source.end(GROS_PDF.subarray(6 * MO));
    const received = await writing;
    expect((await bytesOf(await storage.read(received.key))).equals(GROS_PDF)).toBe(true);
    expect((await banc.contenu()).length).toBe(2);
    expect((await bytesOf(await storage.read(kept.key))).equals(PDF)).toBe(true);
  });
});
