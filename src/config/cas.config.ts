import { ConfigType, registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmpty, IsIn, IsOptional, IsUrl, ValidateIf } from 'class-validator';
import { HTTP_URL, validateEnv } from './config-validation';
import { toBoolean } from './config-transforms';

class CasEnv {
  @Transform(toBoolean)
  @IsBoolean({ message: 'doit valoir true ou false' })
  CAS_ENABLED = false;

  @ValidateIf((e: CasEnv) => e.CAS_ENABLED)
  @IsUrl(HTTP_URL, { message: 'doit être l’URL du serveur CAS (https://cas.univ.fr/cas) quand CAS_ENABLED=true' })
  CAS_URL?: string;

  @IsIn(['2.0', '3.0'], { message: 'doit valoir 2.0 ou 3.0' })
  CAS_VERSION = '3.0';

  /** Replaced by API_PUBLIC_URL: refused rather than ignored, so CAS never silently calls back somewhere else */
  @IsEmpty({ message: 'n’existe plus : CAS rappelle <API_PUBLIC_URL>/api/auth/cas/callback, réglez API_PUBLIC_URL' })
  CAS_SERVICE_URL?: string;

  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'doit être l’URL de la page du front-end qui reçoit le code de connexion CAS' })
  CAS_RETOUR_URL?: string;
}

/** `retourUrl` is undefined when not set: CasService uses the front-end's CAS page under PUBLIC_URL. */
export function parseCasConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(CasEnv, env);
  return {
    enabled: e.CAS_ENABLED,
    url: e.CAS_URL?.replace(/\/+$/, ''),
    version: e.CAS_VERSION as '2.0' | '3.0',
    retourUrl: e.CAS_RETOUR_URL,
  };
}

export const casConfig = registerAs('cas', () => parseCasConfig(process.env));
export type CasConfig = ConfigType<typeof casConfig>;
