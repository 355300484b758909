import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type Engine = 'sqlite' | 'mariadb';

/** A throw-away database (a test file's, the schema-drift check's), dropped after use. */
export interface ScratchDatabase {
  engine: Engine;
  url: string;
  /** A copy of the template: migrated, reference data loaded. */
  fromTemplate: boolean;
  /**
   * SQLite in memory copied from the template: the template's image, which the connection must open (better-sqlite3
   * deserializes a Buffer; test/support/test-app.ts hands it to TypeORM). Without it, `sqlite::memory:` is empty.
   */
  sqliteImage?: Buffer;
  drop(): Promise<void>;
}

/** A template published by the e2e globalSetup (test/support/template-database.ts) for the processes of one jest run. */
export interface TemplateDatabase {
  engine: Engine;
  /** sqlite:<file> or mariadb://…/<schema> */
  url: string;
  /** The template's tables that hold rows: only they need their rows copied. */
  tablesWithRows: string[];
}

/** The environment variable through which the globalSetup hands the template to the test processes it starts. */
export const TEMPLATE_ENV = 'TEST_TEMPLATE_DATABASE';

/** The engine of the tests: SQLite unless TEST_DB=mariadb. */
export const testEngine = (): Engine => (process.env.TEST_DB === 'mariadb' ? 'mariadb' : 'sqlite');

/** The MariaDB server on which scratch databases are created (CI's local server by default). */
export const mariadbServerUrl = () => process.env.TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306/test';

/** The template of this jest run on this engine, if its globalSetup published one. */
export function publishedTemplate(engine: Engine): TemplateDatabase | undefined {
  const raw = process.env[TEMPLATE_ENV];
  const template = raw ? (JSON.parse(raw) as TemplateDatabase) : undefined;
  return template?.engine === engine ? template : undefined;
}

const TEMPLATE_PREFIX = { sqlite: 'candidatures-tpl-', mariadb: 'cand_tpl_' };
const SCRATCH_PREFIX = { sqlite: 'candidatures-', mariadb: 'cand_test_' };

/**
 * A throw-away database. Inside a jest e2e run it is a copy of the run's template (schema built by the migrations,
 * reference data loaded) unless `empty` is asked for: tests of the migrations, of the reference import or of the
 * demo loader start from nothing, and so does everything outside jest (no template is published there). SQLite is in
 * memory unless several connections must share it (`sqliteFile`: a temporary file).
 */
export async function createScratchDatabase(
  engine: Engine = testEngine(),
  { sqliteFile = false, empty = false, charset = 'utf8mb4' as 'utf8mb4' | 'latin1' } = {},
): Promise<ScratchDatabase> {
  const template = empty ? undefined : publishedTemplate(engine);
  if (engine === 'sqlite') {
    if (!sqliteFile) {
      const sqliteImage = template ? await readFile(sqlitePath(template.url)) : undefined;
      return { engine, url: 'sqlite::memory:', fromTemplate: !!template, sqliteImage, drop: async () => undefined };
    }
    const dir = await mkdtemp(join(tmpdir(), SCRATCH_PREFIX.sqlite));
    const file = join(dir, 'test.sqlite');
    if (template) await copyFile(sqlitePath(template.url), file);
    return { engine, url: `sqlite:${file}`, fromTemplate: !!template, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const database = await createMariadbDatabase(SCRATCH_PREFIX.mariadb, charset);
  if (template) {
    try {
      await copyMariadbSchema(template, database.name);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return { engine, url: database.url, fromTemplate: !!template, drop: database.drop };
}

/**
 * An empty database to become a template (SQLite: a file, which test files read or copy), with the template
 * databases older than `staleAfterHours` removed first: those of runs that were killed before their globalTeardown.
 * Age rather than process id, because other machines' runs may share the MariaDB server.
 */
export async function createTemplateDatabase(engine: Engine = testEngine(), staleAfterHours = 6): Promise<ScratchDatabase> {
  const staleBefore = Date.now() - staleAfterHours * 3_600_000;
  if (engine === 'sqlite') {
    for (const entry of await readdir(tmpdir())) {
      if (!entry.startsWith(TEMPLATE_PREFIX.sqlite)) continue;
      const path = join(tmpdir(), entry);
      if ((await stat(path)).mtimeMs < staleBefore) await rm(path, { recursive: true, force: true });
    }
    const dir = await mkdtemp(join(tmpdir(), TEMPLATE_PREFIX.sqlite));
    return { engine, url: `sqlite:${join(dir, 'template.sqlite')}`, fromTemplate: false, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const admin = await adminConnection(new URL(mariadbServerUrl()));
  try {
    const [stale] = await admin.query(
      `SELECT s.schema_name AS name FROM information_schema.schemata s LEFT JOIN information_schema.tables t ON t.table_schema = s.schema_name
       WHERE s.schema_name LIKE ? GROUP BY s.schema_name HAVING COALESCE(MIN(t.create_time), '1970-01-01') < ?`,
      [`${TEMPLATE_PREFIX.mariadb.replace(/_/g, '\\_')}%`, new Date(staleBefore)],
    );
    for (const { name } of stale as { name: string }[]) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await admin.end();
  }
  const database = await createMariadbDatabase(TEMPLATE_PREFIX.mariadb);
  return { engine, url: database.url, fromTemplate: false, drop: database.drop };
}

/** Drops a template once the run is over (the e2e globalTeardown). */
export async function dropTemplateDatabase(template: TemplateDatabase): Promise<void> {
  if (template.engine === 'sqlite') await rm(dirname(sqlitePath(template.url)), { recursive: true, force: true });
  else await dropMariadbDatabase(new URL(template.url).pathname.slice(1));
}

const sqlitePath = (url: string) => url.slice('sqlite:'.length);

/** `latin1`: a server or database whose default is not utf8mb4, which the migrations must cope with. */
async function createMariadbDatabase(prefix: string, charset: 'utf8mb4' | 'latin1' = 'utf8mb4') {
  const server = new URL(mariadbServerUrl());
  const name = `${prefix}${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await adminConnection(server);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` ${charset === 'latin1' ? 'CHARACTER SET latin1' : 'CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => dropMariadbDatabase(name) };
}

async function dropMariadbDatabase(name: string): Promise<void> {
  const conn = await adminConnection(new URL(mariadbServerUrl()));
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
}

/**
 * Every table of the template into `target`: its own CREATE TABLE (SHOW CREATE TABLE keeps the foreign keys and
 * indexes, which CREATE TABLE … LIKE would drop), then its rows. Foreign key checks are off on this connection, so
 * tables and rows may come in any order.
 */
async function copyMariadbSchema(template: TemplateDatabase, target: string): Promise<void> {
  const source = new URL(template.url).pathname.slice(1);
  const conn = await adminConnection(new URL(mariadbServerUrl()), target);
  try {
    await conn.query('SET FOREIGN_KEY_CHECKS = 0');
    const [tables] = await conn.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'", [source]);
    for (const { name } of tables as { name: string }[]) {
      const [[created]] = (await conn.query(`SHOW CREATE TABLE \`${source}\`.\`${name}\``)) as unknown as [{ 'Create Table': string }[]];
      await conn.query(created['Create Table']);
    }
    for (const name of template.tablesWithRows) await conn.query(`INSERT INTO \`${name}\` SELECT * FROM \`${source}\`.\`${name}\``);
  } finally {
    await conn.end();
  }
}

function adminConnection(server: URL, database?: string) {
  return createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password),
    database,
  });
}
