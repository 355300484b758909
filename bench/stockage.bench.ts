import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseStorageConfig } from '../src/config/storage.config';
import { FileStorage } from '../src/pieces/storage/file-storage';
import { LocalDiskStorage } from '../src/pieces/storage/local-disk.storage';
import { S3Storage } from '../src/pieces/storage/s3.storage';
import { startS3Server } from '../test/support/s3-server';

/**
 * FileStorage write and read throughput, the S3 adapter on s3rver (loopback) against the local-disk adapter, same
 * files, same run: BENCH_FILES files of each size (default 20), written one after the other as a client's body
 * arrives (64 kio chunks), then read back. `npm run bench:stockage`.
 */
const MO = 1024 * 1024;
const FILES = Number(process.env.BENCH_FILES ?? 20);
const SIZES = [2 * MO, 7 * MO];

const chunks = (bytes: Buffer) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
    })(),
    { objectMode: false },
  );

async function mesurer(storage: FileStorage, size: number): Promise<{ ecriture: number; lecture: number }> {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
  const keys: string[] = [];
  let debut = process.hrtime.bigint();
  for (let i = 0; i < FILES; i++) keys.push((await storage.write(chunks(pdf), { maxBytes: 10 * MO })).key);
  const ecriture = Number(process.hrtime.bigint() - debut) / 1e9;
  debut = process.hrtime.bigint();
  for (const key of keys) for await (const chunk of await storage.read(key)) void chunk;
  const lecture = Number(process.hrtime.bigint() - debut) / 1e9;
  return { ecriture: (FILES * size) / MO / ecriture, lecture: (FILES * size) / MO / lecture };
}

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  Logger.overrideLogger(false);
  const dir = mkdtempSync(join(tmpdir(), 'bench-stockage-'));
  const s3 = await startS3Server();
  const disque = new LocalDiskStorage(parseStorageConfig({ STORAGE_DIR: dir }));
  await disque.onModuleInit();
  const objet = new S3Storage(parseStorageConfig(s3.env).s3!);
  await objet.onModuleInit();
  try {
    out('| file | disk write Mo/s | S3 write Mo/s | ratio | disk read Mo/s | S3 read Mo/s | ratio |');
    out('| --- | --- | --- | --- | --- | --- | --- |');
    for (const size of SIZES) {
      const d = await mesurer(disque, size);
      const o = await mesurer(objet, size);
      const f = (x: number) => x.toFixed(0);
      out(`| ${size / MO} Mo × ${FILES} | ${f(d.ecriture)} | ${f(o.ecriture)} | ${(o.ecriture / d.ecriture).toFixed(2)} | ${f(d.lecture)} | ${f(o.lecture)} | ${(o.lecture / d.lecture).toFixed(2)} |`);
    }
  } finally {
    objet.onModuleDestroy();
    await s3.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
