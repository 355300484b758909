import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../../src/config/database.config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ReferentielImportService } from '../../src/referentiel/referentiel-import.service';
import { ReferentielService } from '../../src/referentiel/referentiel.service';
import { TemplateDatabase, createTemplateDatabase, testEngine } from '../../scripts/lib/scratch-database';

/**
 * This run's template database, built by what the app's start-up does to an empty database: the app's data source
 * runs the migrations, then the reference import loads the reference data. Only those two, not the whole app: loading
 * it here would double the build's time, and the app each test file starts on its copy still runs its whole start-up,
 * which finds nothing left to do (and would make up for any start-up step added later and missing here).
 * Run by the e2e globalSetup (template-database.setup.js) in a process of its own, under ts-node.
 */
async function buildTemplate(): Promise<TemplateDatabase> {
  Logger.overrideLogger(false);
  const engine = testEngine();
  const database = await createTemplateDatabase(engine);
  const dataSource = new DataSource({ ...dataSourceOptions(parseDatabaseConfig({ DATABASE_URL: database.url })), migrationsRun: false });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    await new ReferentielImportService(dataSource, new ReferentielService(dataSource)).importMissing();
    const tables: { name: string }[] = await dataSource.query(
      engine === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
    );
    const tablesWithRows: string[] = [];
    for (const { name } of tables) if ((await dataSource.query(`SELECT 1 FROM ${name} LIMIT 1`)).length > 0) tablesWithRows.push(name);
    await dataSource.destroy();
    if (engine === 'sqlite') {
      // A self-contained file, out of WAL mode: a copy or an image of the file alone then holds everything.
      const file = new Database(database.url.slice('sqlite:'.length));
      file.pragma('journal_mode = DELETE');
      file.close();
    }
    return { engine, url: database.url, tablesWithRows: tablesWithRows.sort() };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
    throw error;
  }
}

// Prints the template as one JSON line.
buildTemplate().then(
  (template) => {
    process.stdout.write(`${JSON.stringify(template)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
