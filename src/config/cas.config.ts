import { ConfigType, registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUrl, ValidateIf } from 'class-validator';
import { validateEnv } from './config-validation';
import { toBoolean } from './config-transforms';

const HTTP_URL = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

class CasEnv {
  @Transform(toBoolean)
  @IsBoolean({ message: 'doit valoir true ou false' })
  CAS_ENABLED = false;

  @ValidateIf((e: CasEnv) => e.CAS_ENABLED)
  @IsUrl(HTTP_URL, { message: 'doit être l’URL du serveur CAS (https://cas.univ.fr/cas) quand CAS_ENABLED=true' })
  CAS_URL?: string;

  @IsIn(['2.0', '3.0'], { message: 'doit valoir 2.0 ou 3.0' })
  CAS_VERSION = '3.0';

  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'doit être l’URL publique de l’API telle que le CAS la voit (https://candidatures.univ.fr)' })
  CAS_SERVICE_URL?: string;

  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'doit être l’URL de la page du front-end qui reçoit le code de connexion CAS' })
  CAS_RETOUR_URL?: string;
}

/** `serviceUrl` and `retourUrl` are undefined when not set: CasService derives them from PUBLIC_URL. */
export function parseCasConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(CasEnv, env);
  return {
    enabled: e.CAS_ENABLED,
    url: e.CAS_URL?.replace(/\/+$/, ''),
    version: e.CAS_VERSION as '2.0' | '3.0',
    serviceUrl: e.CAS_SERVICE_URL?.replace(/\/+$/, ''),
    retourUrl: e.CAS_RETOUR_URL,
  };
}

export const casConfig = registerAs('cas', () => parseCasConfig(process.env));
export type CasConfig = ConfigType<typeof casConfig>;
