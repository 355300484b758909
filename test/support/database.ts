import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

export type TestEngine = 'sqlite' | 'mariadb';

export interface TestDatabase {
  engine: TestEngine;
  url: string;
  drop(): Promise<void>;
}

export const testEngine = (): TestEngine => (process.env.TEST_DB === 'mariadb' ? 'mariadb' : 'sqlite');

/** Server used when TEST_DB=mariadb; each test file gets its own database on it, dropped afterwards. */
export const mariadbServerUrl = () => process.env.TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306/test';

/** A fresh, empty database for one test file; the application's migrations build its schema. */
export async function createTestDatabase(engine: TestEngine = testEngine()): Promise<TestDatabase> {
  if (engine === 'sqlite') return { engine, url: 'sqlite::memory:', drop: async () => undefined };
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
