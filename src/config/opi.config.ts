import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { validateEnv } from './config-validation';

class OpiEnv {
  @IsIn(['none', 'file'], { message: 'doit valoir none (OPI non utilisées) ou file (fichiers CSV déposés pour le SI Scolarité)' })
  OPI_ADAPTER = 'none';

  @ValidateIf((e: OpiEnv) => e.OPI_ADAPTER === 'file')
  @IsString({ message: 'doit être le dossier où déposer les fichiers OPI quand OPI_ADAPTER=file' })
  @MinLength(1, { message: 'doit être le dossier où déposer les fichiers OPI quand OPI_ADAPTER=file' })
  OPI_DIR?: string;

  @Type(() => Number)
  @IsInt({ message: "doit être le nombre maximal d'OPI par envoi, de 1 à 10000" })
  @Min(1, { message: "doit être le nombre maximal d'OPI par envoi, de 1 à 10000" })
  @Max(10000, { message: "doit être le nombre maximal d'OPI par envoi, de 1 à 10000" })
  OPI_NB_BATCH_MAX = 500;
}

/** Where confirmed admissions go (OPI, the SI Scol's pre-enrolment) and how many per batch; see src/opi/. */
export function parseOpiConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(OpiEnv, env);
  return { adapter: e.OPI_ADAPTER as 'none' | 'file', dir: e.OPI_DIR, nbBatchMax: e.OPI_NB_BATCH_MAX };
}

export const opiConfig = registerAs('opi', () => parseOpiConfig(process.env));
export type OpiConfig = ConfigType<typeof opiConfig>;
