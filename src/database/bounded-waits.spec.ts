import { DataSource, QueryFailedError } from 'typeorm';
import { POOL_ACQUIRE_TIMEOUT, QUERY_TIMEOUT, boundMariadbWaits, withJobQueryTimeout } from './bounded-waits';
import { isDatabaseUnavailable } from './database-unavailable';
import { isLockConflict } from './lock-conflict-retry';

type Callback = (error: Error | null, rows?: unknown) => void;

/** A mysql2 pool connection that records the options of each statement and answers what the test says. */
function fakeConnection(answer: (options: { sql: string; timeout?: number }) => Error | null = () => null) {
  const connection = {
    statements: [] as { sql: string; timeout?: number }[],
    release: jest.fn(),
    destroy: jest.fn(),
    query(sql: unknown, values: unknown, cb: Callback) {
      const options = sql as { sql: string; timeout?: number };
      this.statements.push(options);
      const error = answer(options);
      setImmediate(() => (error ? cb(error) : cb(null, [])));
    },
    /** A prepared statement: answers as `query` does, or never (a server frozen while preparing it) when told to hang. */
    execute(sql: string, values: unknown[], cb: Callback) {
      this.statements.push({ sql });
      if (connection.hang) return;
      const error = answer({ sql });
      setImmediate(() => (error ? cb(error) : cb(null, [])));
    },
    hang: false,
  };
  return connection;
}

function fakeDataSource(obtain: () => Promise<unknown>) {
  const dataSource = { options: { type: 'mariadb' }, driver: { obtainMasterConnection: obtain } };
  boundMariadbWaits(dataSource as unknown as DataSource, { queryTimeoutMs: 50, jobQueryTimeoutMs: 5000 });
  return dataSource.driver as { obtainMasterConnection(): Promise<ReturnType<typeof fakeConnection>> };
}

const run = (connection: { query: (sql: unknown, values: unknown, cb: Callback) => void }, sql: string) =>
  new Promise((resolve, reject) => connection.query(sql, undefined, (error, rows) => (error ? reject(error) : resolve(rows))));

describe('boundMariadbWaits', () => {
  it('gives each statement the request bound, or the job bound inside a job run', async () => {
    const connection = fakeConnection();
    const driver = fakeDataSource(async () => connection);
    await run(await driver.obtainMasterConnection(), 'SELECT 1');
    await withJobQueryTimeout(async () => run(await driver.obtainMasterConnection(), 'DELETE FROM compte_candidat'));
    expect(connection.statements).toEqual([
      { sql: 'SELECT 1', timeout: 50 },
      { sql: 'DELETE FROM compte_candidat', timeout: 5000 },
    ]);
  });

  it('gives up waiting for a pool connection after the bound, and releases one that comes later', async () => {
    const connection = fakeConnection();
    let hand: (c: unknown) => void = () => undefined;
    const driver = fakeDataSource(() => new Promise((resolve) => (hand = resolve)));
    const started = Date.now();
    const error = await driver.obtainMasterConnection().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: POOL_ACQUIRE_TIMEOUT });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(isDatabaseUnavailable(error)).toBe(true);
    hand(connection);
    await new Promise(setImmediate);
    expect(connection.release).toHaveBeenCalledTimes(1);
  });

  it('destroys a connection whose statement timed out or failed fatally, never hands it back to the pool', async () => {
    const timedOut = fakeConnection(() => Object.assign(new Error('Query inactivity timeout'), { code: QUERY_TIMEOUT }));
    const lost = fakeConnection(() => Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true }));
    const duplicate = fakeConnection(() => Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' }));
    for (const connection of [timedOut, lost, duplicate]) {
      const driver = fakeDataSource(async () => connection);
      await expect(run(await driver.obtainMasterConnection(), 'UPDATE x')).rejects.toThrow();
    }
    expect([timedOut, lost, duplicate].map((c) => c.destroy.mock.calls.length)).toEqual([1, 1, 0]);
  });

  it('bounds a prepared statement as a whole, its preparation included: a timeout error, the connection destroyed', async () => {
    const connection = fakeConnection();
    const driver = fakeDataSource(async () => connection);
    const bounded = await driver.obtainMasterConnection();
    const execute = (sql: string) => new Promise((resolve, reject) => bounded.execute(sql, [], (error, rows) => (error ? reject(error) : resolve(rows))));
    await expect(execute('SELECT 1')).resolves.toEqual([]);
    connection.hang = true;
    const started = Date.now();
    await expect(execute('SELECT 2')).rejects.toMatchObject({ code: QUERY_TIMEOUT });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(connection.destroy).toHaveBeenCalledTimes(1);
  });

  it('counts a timeout as an outage, never as a lock conflict to retry', () => {
    const timeout = new QueryFailedError('UPDATE x', [], Object.assign(new Error('Query inactivity timeout'), { code: QUERY_TIMEOUT }));
    expect(isDatabaseUnavailable(timeout)).toBe(true);
    expect(isLockConflict(timeout)).toBe(false);
  });

  it("does not take another service's network error for the database's", () => {
    const clamd = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3310'), { code: 'ECONNREFUSED' });
    const mysql2 = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED', fatal: true });
    expect([clamd, mysql2].map(isDatabaseUnavailable)).toEqual([false, true]);
  });
});
