import { ConfigType, registerAs } from '@nestjs/config';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUrl, Matches, Max, Min } from 'class-validator';
import { HTTP_URL, validateEnv } from './config-validation';
import { toBoolean } from './config-transforms';

export class AppEnv {
  @IsIn(['development', 'test', 'production'], { message: 'doit valoir development, test ou production' })
  NODE_ENV = 'development';

  @IsIn(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'], {
    message: 'doit être une adresse d’écoute (127.0.0.1, 0.0.0.0, ::, ::1 ou localhost)',
  })
  HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt({ message: 'doit être un entier entre 1 et 65535' })
  @Min(1, { message: 'doit être un entier entre 1 et 65535' })
  @Max(65535, { message: 'doit être un entier entre 1 et 65535' })
  PORT = 3000;

  /** Where the front-end's pages live: the base of every link in mails */
  @IsUrl(HTTP_URL, { message: 'doit être l’URL publique du front-end, base des liens des mails (http:// ou https://)' })
  PUBLIC_URL = 'http://localhost:3000';

  /** Where browsers and other services reach this API (the base of /api/...); empty: PUBLIC_URL */
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'doit être l’URL publique de l’API, base de /api (http:// ou https://)' })
  API_PUBLIC_URL?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'doit valoir fatal, error, warn, info, debug, trace ou silent',
  })
  LOG_LEVEL = 'info';

  /** Empty: pretty in development, JSON otherwise */
  @IsOptional()
  @IsIn(['pretty', 'json'], { message: 'doit valoir pretty (lignes lisibles) ou json (une ligne JSON par entrée)' })
  LOG_FORMAT?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'doit valoir true ou false' })
  TRUST_PROXY = false;

  /** Strict-Transport-Security max-age, in seconds; 0: no header (the embedded default answers plain http) */
  @Type(() => Number)
  @IsInt({ message: 'doit être un nombre de secondes entre 0 (pas de HSTS) et 63072000 (deux ans)' })
  @Min(0, { message: 'doit être un nombre de secondes entre 0 (pas de HSTS) et 63072000 (deux ans)' })
  @Max(63_072_000, { message: 'doit être un nombre de secondes entre 0 (pas de HSTS) et 63072000 (deux ans)' })
  HSTS_MAX_AGE = 0;

  @Transform(toBoolean)
  @IsBoolean({ message: 'doit valoir true ou false' })
  HSTS_INCLUDE_SUBDOMAINS = false;

  @Transform(toBoolean)
  @IsBoolean({ message: 'doit valoir true ou false' })
  JOBS_ENABLED = true;

  @Type(() => Number)
  @IsInt({ message: 'doit être un nombre de jours entre 1 et 60' })
  @Min(1, { message: 'doit être un nombre de jours entre 1 et 60' })
  @Max(60, { message: 'doit être un nombre de jours entre 1 et 60' })
  COMPTE_JOURS_ACTIVATION = 5;

  @Type(() => Number)
  @IsInt({ message: 'doit être une année entre 1980 et 2100' })
  @Min(1980, { message: 'doit être une année entre 1980 et 2100' })
  @Max(2100, { message: 'doit être une année entre 1980 et 2100' })
  INE_OBLIGATOIRE_DEPUIS = 1995;

  @Matches(/^[0-9A-Z]{0,3}$/, { message: 'doit faire au plus 3 caractères parmi 0-9 et A-Z (vide : aucun préfixe)' })
  COMPTE_NUMERO_PREFIXE = '';

  @Transform(toBoolean)
  @IsBoolean({ message: 'doit valoir true ou false' })
  DEMO_DATA = false;

  @Type(() => Number)
  @IsInt({ message: 'doit être un entier entre 1 et 100000' })
  @Min(1, { message: 'doit être un entier entre 1 et 100000' })
  @Max(100_000, { message: 'doit être un entier entre 1 et 100000' })
  THROTTLE_IP_PER_MINUTE = 300;

  @Type(() => Number)
  @IsInt({ message: 'doit être un entier entre 1 et 1000' })
  @Min(1, { message: 'doit être un entier entre 1 et 1000' })
  @Max(1000, { message: 'doit être un entier entre 1 et 1000' })
  THROTTLE_ACCOUNT_PER_15_MIN = 10;

  /** CANDIDATURE_NB_VOEUX_MAX with CANDIDATURE_NB_VOEUX_MAX_IS_ETAB of the reference; 0: each centre's maximum */
  @Type(() => Number)
  @IsInt({ message: 'doit être un entier entre 0 et 1000 (0 : le maximum de chaque centre de candidature)' })
  @Min(0, { message: 'doit être un entier entre 0 et 1000 (0 : le maximum de chaque centre de candidature)' })
  @Max(1000, { message: 'doit être un entier entre 0 et 1000 (0 : le maximum de chaque centre de candidature)' })
  CANDIDATURE_NB_VOEUX_MAX_ETABLISSEMENT = 0;

  /** OPI_PREFIXE of the reference: the OPI code is this prefix and the numéro de dossier */
  @Matches(/^[0-9A-Z]{0,4}$/, { message: 'doit faire au plus 4 caractères parmi 0-9 et A-Z' })
  OPI_PREFIXE = 'EC';

  /** SCOL_NB_JOUR_RELANCE_FAVO: days before the confirmation deadline when the reminder is sent */
  @Type(() => Number)
  @IsInt({ message: 'doit être un nombre de jours entre 1 et 30' })
  @Min(1, { message: 'doit être un nombre de jours entre 1 et 30' })
  @Max(30, { message: 'doit être un nombre de jours entre 1 et 30' })
  RELANCE_CONFIRMATION_JOURS = 2;

  /**
   * Least time, in milliseconds, before the account forms that must not tell whether an address has an account
   * (creation, lost activation code, forgotten identifiers) answer: whatever each does, all answer after this time,
   * so their duration says nothing of the address. 0: no floor.
   */
  @Type(() => Number)
  @IsInt({ message: 'doit être un nombre de millisecondes entre 0 et 5000' })
  @Min(0, { message: 'doit être un nombre de millisecondes entre 0 et 5000' })
  @Max(5000, { message: 'doit être un nombre de millisecondes entre 0 et 5000' })
  COMPTE_REPONSE_MIN_MS = 400;

  /** SCOL_NB_JOUR_ARCHIVAGE: days an archived campaign's accounts, files and candidatures are kept before destruction */
  @Type(() => Number)
  @IsInt({ message: 'doit être un nombre de jours entre 30 et 3650' })
  @Min(30, { message: 'doit être un nombre de jours entre 30 et 3650' })
  @Max(3650, { message: 'doit être un nombre de jours entre 30 et 3650' })
  RETENTION_JOURS = 365;
}

export function parseAppConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(AppEnv, env);
  return {
    env: e.NODE_ENV as 'development' | 'test' | 'production',
    host: e.HOST,
    port: e.PORT,
    publicUrl: withoutTrailingSlash(e.PUBLIC_URL),
    apiPublicUrl: withoutTrailingSlash(e.API_PUBLIC_URL ?? e.PUBLIC_URL),
    logLevel: e.LOG_LEVEL,
    logFormat: (e.LOG_FORMAT ?? (e.NODE_ENV === 'development' ? 'pretty' : 'json')) as 'pretty' | 'json',
    trustProxy: e.TRUST_PROXY,
    /** null: no Strict-Transport-Security header */
    hsts: e.HSTS_MAX_AGE > 0 ? { maxAge: e.HSTS_MAX_AGE, includeSubDomains: e.HSTS_INCLUDE_SUBDOMAINS } : null,
    jobsEnabled: e.JOBS_ENABLED,
    joursActivation: e.COMPTE_JOURS_ACTIVATION,
    reponseCompteMinMs: e.COMPTE_REPONSE_MIN_MS,
    prefixeNumeroDossier: e.COMPTE_NUMERO_PREFIXE,
    ineObligatoireDepuis: e.INE_OBLIGATOIRE_DEPUIS,
    /** Most live candidatures per candidate for the whole institution; null: per centre (its maxVoeux) */
    voeuxMaxEtablissement: e.CANDIDATURE_NB_VOEUX_MAX_ETABLISSEMENT || null,
    prefixeOpi: e.OPI_PREFIXE,
    relanceConfirmationJours: e.RELANCE_CONFIRMATION_JOURS,
    retentionJours: e.RETENTION_JOURS,
    throttle: { ipPerMinute: e.THROTTLE_IP_PER_MINUTE, accountPer15Min: e.THROTTLE_ACCOUNT_PER_15_MIN },
    // Demo accounts have published passwords: never in production, whatever the variable says.
    demoData: e.DEMO_DATA && e.NODE_ENV !== 'production',
  };
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export const appConfig = registerAs('app', () => parseAppConfig(process.env));
export type AppConfig = ConfigType<typeof appConfig>;
