import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { validateEnv } from './config-validation';

const MO = 1024 * 1024;

class StorageEnv {
  @IsString({ message: 'doit être le dossier où sont rangés les fichiers déposés' })
  @MinLength(1, { message: 'doit être le dossier où sont rangés les fichiers déposés' })
  STORAGE_DIR = 'var/fichiers';

  @Type(() => Number)
  @IsInt({ message: "doit être la taille maximale d'un fichier déposé, en Mo, de 1 à 10" })
  @Min(1, { message: "doit être la taille maximale d'un fichier déposé, en Mo, de 1 à 10" })
  @Max(10, { message: "doit être la taille maximale d'un fichier déposé, en Mo, de 1 à 10" })
  UPLOAD_MAX_MO = 2;
}

/** Where uploaded files are kept (local-disk adapter of FileStorage) and how big one may be (1 Mo = 1,048,576 bytes). */
export function parseStorageConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(StorageEnv, env);
  return { dir: e.STORAGE_DIR, maxMo: e.UPLOAD_MAX_MO, maxBytes: e.UPLOAD_MAX_MO * MO };
}

export const storageConfig = registerAs('storage', () => parseStorageConfig(process.env));
export type StorageConfig = ConfigType<typeof storageConfig>;
