import { ConfigType, registerAs } from '@nestjs/config';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { toBoolean } from './config-transforms';
import { HTTP_URL, validateEnv } from './config-validation';

const MO = 1024 * 1024;
const S3 = (e: StorageEnv) => e.STORAGE_ADAPTER === 's3';
const CLE_ET_SECRET = "doit être donnée avec STORAGE_S3_ACCESS_KEY_ID et STORAGE_S3_SECRET_ACCESS_KEY, ou aucune des deux (chaîne d'identifiants par défaut du SDK AWS)";

class StorageEnv {
  @IsIn(['disk', 's3'], { message: 'doit valoir disk (dossier local, STORAGE_DIR) ou s3 (stockage objet compatible S3, STORAGE_S3_BUCKET)' })
  STORAGE_ADAPTER = 'disk';

  @ValidateIf((e: StorageEnv) => !S3(e))
  @IsString({ message: 'doit être le dossier où sont rangés les fichiers déposés' })
  @MinLength(1, { message: 'doit être le dossier où sont rangés les fichiers déposés' })
  STORAGE_DIR = 'var/fichiers';

  @ValidateIf(S3)
  // S3's own rule for bucket names (3 to 63 lowercase letters, digits, dots and hyphens).
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'doit être le nom du bucket des fichiers déposés (3 à 63 caractères : minuscules, chiffres, points, tirets) quand STORAGE_ADAPTER=s3' })
  STORAGE_S3_BUCKET?: string;

  @IsOptional()
  @IsUrl(HTTP_URL, { message: "doit être l'URL du service compatible S3 (http:// ou https://) ; vide : AWS S3" })
  STORAGE_S3_ENDPOINT?: string;

  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'doit être la région du bucket (us-east-1, eu-west-3…) ; la plupart des services compatibles S3 acceptent us-east-1' })
  STORAGE_S3_REGION = 'us-east-1';

  @ValidateIf((e: StorageEnv) => !!e.STORAGE_S3_SECRET_ACCESS_KEY || !!e.STORAGE_S3_ACCESS_KEY_ID)
  @IsString({ message: CLE_ET_SECRET })
  @MinLength(1, { message: CLE_ET_SECRET })
  STORAGE_S3_ACCESS_KEY_ID?: string;

  @ValidateIf((e: StorageEnv) => !!e.STORAGE_S3_SECRET_ACCESS_KEY || !!e.STORAGE_S3_ACCESS_KEY_ID)
  @IsString({ message: CLE_ET_SECRET })
  @MinLength(1, { message: CLE_ET_SECRET })
  STORAGE_S3_SECRET_ACCESS_KEY?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'doit valoir true ou false' })
  STORAGE_S3_FORCE_PATH_STYLE = false;

  @IsOptional()
  // Folders of plain characters: a prefix the key of every stored object starts with, never `..` nor a leading `/`.
  @Matches(/^(?!.*\.\.)[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*\/?$/, { message: 'doit être un préfixe de clés comme candidatures/ (lettres, chiffres, _ . - séparés par /)' })
  STORAGE_S3_PREFIX?: string;

  @Type(() => Number)
  @IsInt({ message: "doit être la taille maximale d'un fichier déposé, en Mo, de 1 à 10" })
  @Min(1, { message: "doit être la taille maximale d'un fichier déposé, en Mo, de 1 à 10" })
  @Max(10, { message: "doit être la taille maximale d'un fichier déposé, en Mo, de 1 à 10" })
  UPLOAD_MAX_MO = 2;
}

/** Where an S3-compatible object store keeps the files (STORAGE_ADAPTER=s3). */
export interface S3StorageConfig {
  bucket: string;
  /** undefined: AWS S3 itself */
  endpoint?: string;
  region: string;
  /** undefined: the AWS SDK's default credential chain (environment, shared files, instance role…) */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
  /** '' or ending with `/` */
  prefix: string;
}

/**
 * Where uploaded files are kept (FileStorage: a local folder, or an S3-compatible object store) and how big one may
 * be (1 Mo = 1,048,576 bytes).
 */
export function parseStorageConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(StorageEnv, env);
  const s3: S3StorageConfig | undefined =
    e.STORAGE_ADAPTER === 's3'
      ? {
          bucket: e.STORAGE_S3_BUCKET as string,
          endpoint: e.STORAGE_S3_ENDPOINT,
          region: e.STORAGE_S3_REGION,
          credentials: e.STORAGE_S3_ACCESS_KEY_ID ? { accessKeyId: e.STORAGE_S3_ACCESS_KEY_ID, secretAccessKey: e.STORAGE_S3_SECRET_ACCESS_KEY as string } : undefined,
          forcePathStyle: e.STORAGE_S3_FORCE_PATH_STYLE,
          prefix: e.STORAGE_S3_PREFIX ? e.STORAGE_S3_PREFIX.replace(/\/?$/, '/') : '',
        }
      : undefined;
  return { adapter: e.STORAGE_ADAPTER as 'disk' | 's3', dir: e.STORAGE_DIR, s3, maxMo: e.UPLOAD_MAX_MO, maxBytes: e.UPLOAD_MAX_MO * MO };
}

export const storageConfig = registerAs('storage', () => parseStorageConfig(process.env));
export type StorageConfig = ConfigType<typeof storageConfig>;
