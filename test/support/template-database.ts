import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadEnvFiles } from '../../src/config/env';
import { TemplateDatabase, createTemplateDatabase, testEngine } from '../../scripts/lib/scratch-database';
import { startTestApp } from './test-app';

/**
 * This run's template database, built as every database is: the app starts on an empty database, runs the
 * migrations and imports the reference data. Run by the e2e globalSetup (template-database.setup.js) in a process of
 * its own, under ts-node: jest's parent process would otherwise type-check the whole app once more through ts-jest.
 */
async function buildTemplate(): Promise<TemplateDatabase> {
  // What test/support/env.ts does in the test processes.
  process.env.NODE_ENV = 'test';
  const storageDir = await mkdtemp(join(tmpdir(), 'candidatures-tpl-fichiers-'));
  process.env.STORAGE_DIR = storageDir;
  loadEnvFiles();
  const engine = testEngine();
  const database = await createTemplateDatabase(engine);
  try {
    const t = await startTestApp({}, { database });
    let tablesWithRows: string[];
    try {
      const tables: { name: string }[] = await t.dataSource.query(
        engine === 'sqlite'
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
          : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
      );
      tablesWithRows = [];
      for (const { name } of tables) if ((await t.dataSource.query(`SELECT 1 FROM ${name} LIMIT 1`)).length > 0) tablesWithRows.push(name);
    } finally {
      await t.close();
    }
    if (engine === 'sqlite') {
      // A self-contained file, out of WAL mode: a copy or an image of the file alone then holds everything.
      const file = new Database(database.url.slice('sqlite:'.length));
      file.pragma('journal_mode = DELETE');
      file.close();
    }
    return { engine, url: database.url, tablesWithRows: tablesWithRows.sort() };
  } catch (error) {
    await database.drop();
    throw error;
  } finally {
    await rm(storageDir, { recursive: true, force: true });
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
