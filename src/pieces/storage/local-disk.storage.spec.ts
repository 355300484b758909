import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStorageConfig } from '../../config/storage.config';
import { LocalDiskStorage, TEMP_ABANDONNE_MS } from './local-disk.storage';

const PDF = Buffer.from('%PDF-1.7\n' + 'x'.repeat(100));

// The rest of its behaviour is the FileStorage contract, shared with the S3 adapter: file-storage.spec.ts.
describe('LocalDiskStorage: partial writes of interrupted uploads', () => {
  let dir: string;
  let storage: LocalDiskStorage;
  const temp = () => join(dir, 'tmp');
  const ago = (ms: number) => new Date(Date.now() - ms);
  /** A `.part` as a killed process leaves it, last written `age` ago. */
  const leftover = (name: string, age: number) => {
    writeFileSync(join(temp(), name), PDF);
    utimesSync(join(temp(), name), ago(age), ago(age));
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stockage-'));
    storage = new LocalDiskStorage(parseStorageConfig({ STORAGE_DIR: dir }));
    await storage.onModuleInit();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('removes at start-up the ones untouched for longer than the bound, and keeps the recent ones', async () => {
    leftover('tue.part', TEMP_ABANDONNE_MS + 60_000);
    leftover('recent.part', TEMP_ABANDONNE_MS - 60_000);
    await new LocalDiskStorage(parseStorageConfig({ STORAGE_DIR: dir })).onModuleInit();
    expect(readdirSync(temp())).toEqual(['recent.part']);
  });
});
