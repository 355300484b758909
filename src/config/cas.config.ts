import { ConfigType, registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsUrl, ValidateIf } from 'class-validator';
import { validateEnv } from './config-validation';
import { toBoolean } from './config-transforms';

class CasEnv {
  @Transform(toBoolean)
  @IsBoolean({ message: 'doit valoir true ou false' })
  CAS_ENABLED = false;

  @ValidateIf((e: CasEnv) => e.CAS_ENABLED)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, {
    message: 'doit être l’URL du serveur CAS (https://cas.univ.fr/cas) quand CAS_ENABLED=true',
  })
  CAS_URL?: string;

  @IsIn(['2.0', '3.0'], { message: 'doit valoir 2.0 ou 3.0' })
  CAS_VERSION = '3.0';
}

export function parseCasConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(CasEnv, env);
  return { enabled: e.CAS_ENABLED, url: e.CAS_URL?.replace(/\/+$/, ''), version: e.CAS_VERSION as '2.0' | '3.0' };
}

export const casConfig = registerAs('cas', () => parseCasConfig(process.env));
export type CasConfig = ConfigType<typeof casConfig>;
