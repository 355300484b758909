import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';

export interface WaitBounds {
  /** Longest wait for a pool connection (a new one's connecting included) and for each statement, in ms */
  queryTimeoutMs: number;
  /** The same inside a job run (purges, archiving, OPI batches), whose statements may legitimately run longer */
  jobQueryTimeoutMs: number;
}

/** The error of a pool that handed out no connection in time: every one is busy, or the server does not answer. */
export const POOL_ACQUIRE_TIMEOUT = 'POOL_ACQUIRE_TIMEOUT';
/** mysql2's error for a statement that got no answer within its `timeout` */
export const QUERY_TIMEOUT = 'PROTOCOL_SEQUENCE_TIMEOUT';

const jobRun = new AsyncLocalStorage<true>();

/** Runs `work` (a job run) under the job bound rather than the request one. */
export function withJobQueryTimeout<T>(work: () => T): T {
  return jobRun.run(true, work);
}

/** mysql2's pool connection, as far as this file uses it. */
interface PooledConnection {
  query(sql: unknown, values?: unknown, cb?: unknown): unknown;
  execute(sql: string, values: unknown[], cb: Callback): unknown;
  release(): void;
  destroy(): void;
  [BOUNDED]?: true;
}
const BOUNDED = Symbol('bounded');
type Callback = (error: (Error & { code?: string; fatal?: boolean }) | null, ...results: unknown[]) => void;

/**
 * Nothing the application asks MariaDB waits without bound: acquiring a pool connection (mysql2's pool has no
 * acquire timeout of its own; connecting is bounded by `connectTimeout`, see data-source-options.ts) and each
 * statement (mysql2's per-query `timeout`, which TypeORM can only set for all statements at once, migrations
 * included). A frozen server then costs a request a few seconds and a 503 (problem.filter.ts), not a hang.
 *
 * A connection whose statement timed out, or that failed, is destroyed rather than handed back to the pool: its
 * statement may still be running on the server (inside a transaction the server rolls back when it sees the
 * connection go), and mysql2 would queue the next statement behind it, where no timeout runs yet. The transaction's
 * ROLLBACK on it then fails at once, and TypeORM releases the query runner, which gives nothing back to the pool.
 * Statements streamed without a callback are left unbounded: none is used. A prepared statement (`execute`, see
 * requete-preparee.ts) is bounded as a whole, its preparation included (mysql2 times only the execution).
 */
export function boundMariadbWaits(dataSource: DataSource, bounds: WaitBounds): void {
  if (dataSource.options.type !== 'mariadb' && dataSource.options.type !== 'mysql') return;
  const limit = () => (jobRun.getStore() ? bounds.jobQueryTimeoutMs : bounds.queryTimeoutMs);
  const driver = dataSource.driver as unknown as { obtainMasterConnection(): Promise<PooledConnection> };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = () => {
    const ms = limit();
    return new Promise<PooledConnection>((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        reject(Object.assign(new Error(`Aucune connexion à la base de données obtenue en ${ms} ms`), { code: POOL_ACQUIRE_TIMEOUT }));
      }, ms);
      obtain().then(
        (connection) => {
          clearTimeout(timer);
          if (late) connection.release();
          else resolve(bounded(connection, limit));
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (!late) reject(error);
        },
      );
    });
  };
}

function bounded(connection: PooledConnection, limit: () => number): PooledConnection {
  if (connection[BOUNDED]) return connection;
  connection[BOUNDED] = true;
  const query = connection.query.bind(connection);
  connection.query = (sql: unknown, values?: unknown, cb?: unknown) => {
    if (typeof values === 'function') [values, cb] = [undefined, values];
    const plain = typeof sql === 'string' || (typeof sql === 'object' && sql !== null && Object.getPrototypeOf(sql) === Object.prototype);
    if (typeof cb !== 'function' || !plain) return query(sql, values, cb);
    const options = typeof sql === 'string' ? { sql, timeout: limit() } : { timeout: limit(), ...(sql as object) };
    const done = cb as Callback;
    return query(options, values, ((error, ...results) => {
      if (error && (error.code === QUERY_TIMEOUT || error.fatal)) connection.destroy();
      done(error, ...results);
    }) as Callback);
  };
  const execute = connection.execute.bind(connection);
  connection.execute = (sql: string, values: unknown[], done: Callback) => {
    let fini = false;
    const timer = setTimeout(() => {
      fini = true;
      connection.destroy();
      done(Object.assign(new Error('Query inactivity timeout'), { code: QUERY_TIMEOUT }));
    }, limit());
    return execute(sql, values, ((error, ...results) => {
      if (fini) return;
      clearTimeout(timer);
      if (error?.fatal) connection.destroy();
      done(error, ...results);
    }) as Callback);
  };
  return connection;
}
