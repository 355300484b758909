import { ConfigType, registerAs } from '@nestjs/config';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { toBoolean } from './config-transforms';
import { validateEnv } from './config-validation';

/** Where clamd listens: a TCP host and port, or a Unix socket. */
export type AdresseClamd = { host: string; port: number } | { path: string };

const TCP = /^tcp:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/i;
const UNIX = /^unix:(\/.+)$/;

/** `tcp://hôte:port` or `unix:/chemin/du/socket`; undefined for anything else. */
export function adresseClamd(url: string): AdresseClamd | undefined {
  const tcp = TCP.exec(url);
  if (tcp) {
    const port = Number(tcp[2]);
    return port >= 1 && port <= 65535 ? { host: tcp[1].replace(/^\[|\]$/g, ''), port } : undefined;
  }
  const unix = UNIX.exec(url);
  return unix ? { path: unix[1] } : undefined;
}

class ClamavEnv {
  @IsOptional()
  @ValidateBy({ name: 'clamdUrl', validator: { validate: (v: unknown) => typeof v === 'string' && adresseClamd(v) !== undefined } }, {
    message: "doit être l'adresse de clamd : tcp://hôte:port (port 1 à 65535) ou unix:/chemin/du/socket",
  })
  CLAMAV_URL?: string;

  @Type(() => Number)
  @IsInt({ message: "doit être le délai, en secondes, au-delà duquel clamd silencieux est tenu pour indisponible, de 1 à 300" })
  @Min(1, { message: "doit être le délai, en secondes, au-delà duquel clamd silencieux est tenu pour indisponible, de 1 à 300" })
  @Max(300, { message: "doit être le délai, en secondes, au-delà duquel clamd silencieux est tenu pour indisponible, de 1 à 300" })
  CLAMAV_TIMEOUT_S = 30;

  @Transform(toBoolean)
  @IsBoolean({ message: 'doit valoir true ou false' })
  CLAMAV_ACCEPTER_SANS_ANALYSE = false;
}

/** The antivirus every upload goes through when CLAMAV_URL is set (src/pieces/antivirus/). */
export function parseClamavConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(ClamavEnv, env);
  return {
    adresse: e.CLAMAV_URL ? adresseClamd(e.CLAMAV_URL) : undefined,
    timeoutMs: e.CLAMAV_TIMEOUT_S * 1000,
    accepterSansAnalyse: e.CLAMAV_ACCEPTER_SANS_ANALYSE,
  };
}

export const clamavConfig = registerAs('clamav', () => parseClamavConfig(process.env));
export type ClamavConfig = ConfigType<typeof clamavConfig>;
