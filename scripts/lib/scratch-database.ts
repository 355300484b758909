import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type Engine = 'sqlite' | 'mariadb';

/** A throw-away database (a test file's, the schema-drift check's), dropped after use. */
export interface ScratchDatabase {
  engine: Engine;
  url: string;
  drop(): Promise<void>;
}

/** The engine of the tests: SQLite unless TEST_DB=mariadb. */
export const testEngine = (): Engine => (process.env.TEST_DB === 'mariadb' ? 'mariadb' : 'sqlite');

/** The MariaDB server on which scratch databases are created (CI's local server by default). */
export const mariadbServerUrl = () => process.env.TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306/test';

/**
 * A fresh, empty database; the application's migrations build its schema. SQLite is in memory unless several
 * connections must share it (`sqliteFile`: a temporary file).
 */
export async function createScratchDatabase(engine: Engine = testEngine(), { sqliteFile = false } = {}): Promise<ScratchDatabase> {
  if (engine === 'sqlite' && !sqliteFile) return { engine, url: 'sqlite::memory:', drop: async () => undefined };
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'candidatures-'));
    return { engine, url: `sqlite:${join(dir, 'test.sqlite')}`, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const server = new URL(mariadbServerUrl());
  const name = `cand_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await adminConnection(server);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    engine,
    url: url.toString(),
    drop: async () => {
      const conn = await adminConnection(server);
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}

function adminConnection(server: URL) {
  return createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password),
  });
}
