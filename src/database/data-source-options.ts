import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { DatabaseConfig } from '../config/database.config';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one definition of the data source, used by the application, the TypeORM CLI and the scripts. */
export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: config.migrationsRun,
    migrationsTableName: 'migrations',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: config.logging,
  };
  if (config.type === 'sqlite') {
    if (config.database !== ':memory:') mkdirSync(dirname(config.database), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: config.database,
      enableWAL: config.database !== ':memory:',
      ...common,
    };
  }
  return {
    type: 'mariadb',
    host: config.host,
    port: config.port,
    username: config.username,
    password: config.password,
    database: config.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    poolSize: config.poolSize,
    // Opening a connection to a server that accepts it but does not answer (frozen) fails after this, not 10 s.
    connectTimeout: config.queryTimeoutMs,
    // The prepared statements of requete-preparee.ts kept per connection (the least recently used is closed): a few
    // dozen texts in use, well under the server's max_prepared_stmt_count (16,382) for ten connections and several instances.
    extra: { maxPreparedStatements: 128 },
    ...common,
  };
}
