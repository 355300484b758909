import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sonder } from '../../common/health/etat-dependance';
import { StorageConfig, storageConfig } from '../../config/storage.config';
import { FichierErrors } from './file-errors';
import { FileStorage, StoredFile, generateKey, keyParts } from './file-storage';
import { receiveChecked } from './upload-check';

/** Files being received; renamed to their key only once complete and accepted. */
const TEMP_DIR = 'tmp';
/**
 * A temporary file nobody wrote to for this long is nobody's: an upload in progress touches its file with every chunk
 * (10 Mo at most), so only a killed process, or a client silent for 10 minutes, leaves one that old. Also what keeps
 * an instance from removing another's uploads when several share STORAGE_DIR.
 */
export const TEMP_ABANDONNE_MS = 10 * 60 * 1000;

/**
 * FileStorage on a local folder (STORAGE_DIR, created at start-up): `<root>/ab/cd/<uuid>` (generateKey). Writes go to
 * `<root>/tmp/` first, on the same file system, so the final rename is atomic and a refused or interrupted upload
 * never shows under a key.
 */
@Injectable()
export class LocalDiskStorage extends FileStorage implements OnModuleInit {
  private readonly logger = new Logger('LocalDiskStorage');
  private readonly root: string;
  /** The temporary files this process is writing: never removed, however long their client stays silent */
  private readonly enCours = new Set<string>();

  constructor(@Inject(storageConfig.KEY) config: StorageConfig) {
    super();
    this.root = resolve(config.dir);
  }

  async onModuleInit(): Promise<void> {
    await mkdir(join(this.root, TEMP_DIR), { recursive: true });
    const supprimes = await this.purgeAbandoned(new Date());
    if (supprimes > 0) this.logger.warn(`${supprimes} fichier(s) temporaire(s) d'envois interrompus supprimé(s) au démarrage`);
  }

  async purgeAbandoned(now: Date): Promise<number> {
    const temp = join(this.root, TEMP_DIR);
    let supprimes = 0;
    for (const name of await readdir(temp).catch(() => [] as string[])) {
      if (this.enCours.has(name)) continue;
      const path = join(temp, name);
      const info = await stat(path).catch(() => undefined);
      if (!info || now.getTime() - info.mtimeMs <= TEMP_ABANDONNE_MS) continue;
      await rm(path, { force: true });
      supprimes++;
    }
    return supprimes;
  }

  async write(source: Readable, { maxBytes, inspecter }: Parameters<FileStorage['write']>[1]): Promise<StoredFile> {
    const { id, key } = generateKey();
    const temp = join(this.root, TEMP_DIR, `${id}.part`);
    this.enCours.add(`${id}.part`);
    try {
      const { taille, type } = await receiveChecked(source, maxBytes, (checked) => pipeline(checked, createWriteStream(temp, { flags: 'wx', mode: 0o600 })));
      // The complete `.part`, not the request stream: clamd's few threads stay free while slow clients send.
      await inspecter?.(() => createReadStream(temp));
      const path = this.pathOf(key) as string;
      await mkdir(dirname(path), { recursive: true });
      await rename(temp, path);
      return { key, taille, type };
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    } finally {
      this.enCours.delete(`${id}.part`);
    }
  }

  async read(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    if (!path) throw FichierErrors.introuvable();
    try {
      // Opened here, not lazily by the stream, so a missing file is a 404 before any header is sent.
      const handle = await open(path, 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw FichierErrors.introuvable();
      throw error;
    }
  }

  etat(timeoutMs: number) {
    return sonder(() => access(this.root, constants.W_OK), timeoutMs);
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    if (!path) {
      this.logger.warn(`Clé de fichier invalide ignorée : ${JSON.stringify(key).slice(0, 80)}`);
      return;
    }
    await rm(path, { force: true });
  }

  async *list(): AsyncIterable<{ key: string; ecritLe: Date }> {
    const sous = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).filter((name) => /^[0-9a-f]{2}$/.test(name));
    for (const a of await sous(this.root)) {
      for (const b of await sous(join(this.root, a))) {
        for (const name of await readdir(join(this.root, a, b)).catch(() => [] as string[])) {
          const key = `${a}/${b}/${name}`;
          const path = this.pathOf(key);
          const info = path ? await stat(path).catch(() => undefined) : undefined;
          if (info?.isFile()) yield { key, ecritLe: info.mtime };
        }
      }
    }
  }

  /** The path of a key this adapter could have generated; undefined for anything else. */
  private pathOf(key: string): string | undefined {
    const parts = keyParts(key);
    return parts && join(this.root, ...parts);
  }
}
