import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../src/config/database.config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { Engine, createScratchDatabase } from './lib/scratch-database';

/**
 * npm run schema:drift [-- sqlite]: builds a scratch database with the migrations, then asks TypeORM what it would
 * change to match the entities. Any statement means an entity and the migrations disagree: exit 1 and print them.
 * MariaDB (TEST_MARIADB_URL, default the local server) is the source of truth and the default engine.
 */
async function main(): Promise<void> {
  const engine: Engine = process.argv.includes('sqlite') ? 'sqlite' : 'mariadb';
  const database = await createScratchDatabase(engine);
  const dataSource = new DataSource({ ...dataSourceOptions(parseDatabaseConfig({ DATABASE_URL: database.url })), migrationsRun: false });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length > 0) {
      process.stderr.write(`Écart entre les entités et les migrations (${engine}) :\n${upQueries.map((q) => `  ${q.query};`).join('\n')}\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`Aucun écart entre les entités et le schéma migré (${engine}).\n`);
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
