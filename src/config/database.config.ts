import { ConfigType, registerAs } from '@nestjs/config';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';
import { validateEnv } from './config-validation';
import { toBoolean } from './config-transforms';

class DatabaseEnv {
  @Matches(/^(sqlite:.+|(mysql|mariadb):\/\/[^/\s]+\/[A-Za-z0-9_$-]+(\?.*)?)$/, {
    message:
      'doit être sqlite:<fichier> (ou sqlite::memory:) ou mariadb://utilisateur:motdepasse@hôte:port/base',
  })
  DATABASE_URL = 'sqlite:var/candidatures.sqlite';

  @Type(() => Number)
  @IsInt({ message: 'doit être un entier entre 1 et 500' })
  @Min(1, { message: 'doit être un entier entre 1 et 500' })
  @Max(500, { message: 'doit être un entier entre 1 et 500' })
  DATABASE_POOL_SIZE = 10;

  @Type(() => Number)
  @IsInt({ message: 'doit être un entier entre 1 et 600' })
  @Min(1, { message: 'doit être un entier entre 1 et 600' })
  @Max(600, { message: 'doit être un entier entre 1 et 600' })
  DATABASE_QUERY_TIMEOUT_SECONDS = 5;

  @Type(() => Number)
  @IsInt({ message: 'doit être un entier entre 1 et 86400' })
  @Min(1, { message: 'doit être un entier entre 1 et 86400' })
  @Max(86400, { message: 'doit être un entier entre 1 et 86400' })
  DATABASE_JOB_QUERY_TIMEOUT_SECONDS = 600;

  @Transform(toBoolean)
  @IsBoolean({ message: 'doit valoir true ou false' })
  DATABASE_LOGGING = false;

  @Transform(toBoolean)
  @IsBoolean({ message: 'doit valoir true ou false' })
  DATABASE_MIGRATIONS_RUN = true;
}

export type DatabaseConfig =
  | { type: 'sqlite'; database: string; logging: boolean; migrationsRun: boolean }
  | {
      type: 'mysql';
      host: string;
      port: number;
      username: string;
      password: string;
      database: string;
      poolSize: number;
      /** Bound of a pool acquisition, a connection and a statement (bounded-waits.ts), in ms */
      queryTimeoutMs: number;
      /** The same inside a job run */
      jobQueryTimeoutMs: number;
      logging: boolean;
      migrationsRun: boolean;
    };

export function parseDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const e = validateEnv(DatabaseEnv, env);
  const common = { logging: e.DATABASE_LOGGING, migrationsRun: e.DATABASE_MIGRATIONS_RUN };
  if (e.DATABASE_URL.startsWith('sqlite:')) {
    return { type: 'sqlite', database: e.DATABASE_URL.slice('sqlite:'.length), ...common };
  }
  const url = new URL(e.DATABASE_URL);
  return {
    type: 'mysql',
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    username: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    poolSize: e.DATABASE_POOL_SIZE,
    queryTimeoutMs: e.DATABASE_QUERY_TIMEOUT_SECONDS * 1000,
    jobQueryTimeoutMs: e.DATABASE_JOB_QUERY_TIMEOUT_SECONDS * 1000,
    ...common,
  };
}

export const databaseConfig = registerAs('database', () => parseDatabaseConfig(process.env));
export type DatabaseConfigType = ConfigType<typeof databaseConfig>;
