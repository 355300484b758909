import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseStorageConfig } from '../../config/storage.config';
import { LocalDiskStorage, TEMP_ABANDONNE_MS } from './local-disk.storage';

const PDF = Buffer.from('%PDF-1.7\n' + 'x'.repeat(100));

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

  it('never removes the one a request of this process is still writing, however long its client is silent', async () => {
    const source = new PassThrough();
    const writing = storage.write(source, { maxBytes: 1e6 });
    source.write(PDF);
    // The temporary file exists once the write stream has opened it: a few ticks, more on a loaded machine.
    let inFlight: string | undefined;
    while (!(inFlight = readdirSync(temp())[0])) await new Promise((resolve) => setTimeout(resolve, 5));
    utimesSync(join(temp(), inFlight), ago(TEMP_ABANDONNE_MS * 2), ago(TEMP_ABANDONNE_MS * 2));
    leftover('tue.part', TEMP_ABANDONNE_MS + 60_000);

    expect(await storage.purgeAbandoned(new Date())).toBe(1);
    expect(readdirSync(temp())).toEqual([inFlight]);
    source.end();
    const stored = await writing;
    expect(readdirSync(temp())).toEqual([]);
    expect(readdirSync(join(dir, ...stored.key.split('/').slice(0, 2)))).toEqual([stored.key.split('/')[2]]);
  });
});
