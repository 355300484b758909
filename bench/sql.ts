import Database from 'better-sqlite3';
import { createPool } from 'mysql2/promise';

/**
 * The few SQL calls the side-by-side benches need, on either engine, with no ORM: the bare baseline servers
 * (rush-nu.ts, lectures-nu.ts) run their statements through it, and the benches seed the candidates and reset between
 * rounds. Placeholders are `?`.
 */
export interface SqlBase {
  engine: 'sqlite' | 'mariadb';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<{ insertId: number; affected: number }>;
  /** `fn` gets a handle bound to one connection inside BEGIN … COMMIT (BEGIN IMMEDIATE on SQLite). */
  transaction<T>(fn: (tx: Omit<SqlBase, 'transaction' | 'close'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function ouvrirBase(url: string, poolSize = 10): SqlBase {
  if (url.startsWith('sqlite:')) return sqlite(url.slice('sqlite:'.length));
  return mariadb(url, poolSize);
}

function sqlite(file: string): SqlBase {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const handle = {
    engine: 'sqlite' as const,
    query: <T>(sql: string, params: unknown[] = []) => Promise.resolve(db.prepare(sql).all(...params) as T[]),
    run: (sql: string, params: unknown[] = []) => {
      const r = db.prepare(sql).run(...params);
      return Promise.resolve({ insertId: Number(r.lastInsertRowid), affected: r.changes });
    },
  };
  // One connection: transactions of concurrent requests must not interleave, so they queue here.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    ...handle,
    transaction<T>(fn: (tx: typeof handle) => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(handle);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    close: () => Promise.resolve(void db.close()),
  };
}

const PREPARE = process.env.BENCH_NU_PREPARE === '1';

function mariadb(url: string, poolSize: number): SqlBase {
  const u = new URL(url);
  const pool = createPool({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    connectionLimit: poolSize,
    charset: 'utf8mb4',
    dateStrings: true,
  });
  type Conn = { query: (sql: string, params?: unknown[]) => Promise<[unknown, unknown]>; execute: (sql: string, params?: never[]) => Promise<[unknown, unknown]> };
  const bind = (c: Conn) => ({
    engine: 'mariadb' as const,
    // BENCH_NU_PREPARE=1: reads as server-side prepared statements, as the API's hot reads (requete-preparee.ts).
    query: async <T>(sql: string, params: unknown[] = []) => (await (PREPARE ? c.execute(sql, params as never[]) : c.query(sql, params)))[0] as T[],
    run: async (sql: string, params: unknown[] = []) => {
      const r = (await c.query(sql, params))[0] as { insertId: number; affectedRows: number };
      return { insertId: r.insertId, affected: r.affectedRows };
    },
  });
  return {
    ...bind(pool),
    async transaction<T>(fn: (tx: ReturnType<typeof bind>) => Promise<T>): Promise<T> {
      const c = await pool.getConnection();
      try {
        await c.beginTransaction();
        const result = await fn(bind(c));
        await c.commit();
        return result;
      } catch (error) {
        await c.rollback();
        throw error;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

/** A datetime as both engines store it through TypeORM (UTC, milliseconds). */
export const horodatage = (d = new Date()) => d.toISOString().replace('T', ' ').slice(0, 23);
