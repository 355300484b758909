import { DataSource, QueryFailedError, QueryRunner } from 'typeorm';
import { RetryPolicy, isLockConflict, retryAutocommitWritesOnLockConflict, retryOnLockConflict } from './lock-conflict-retry';

const mariadbError = (errno: number, code: string) => new QueryFailedError('UPDATE x', [], Object.assign(new Error(code), { errno, code }));
const DEADLOCK = mariadbError(1213, 'ER_LOCK_DEADLOCK');
const LOCK_WAIT = mariadbError(1205, 'ER_LOCK_WAIT_TIMEOUT');
const DUPLICATE = mariadbError(1062, 'ER_DUP_ENTRY');
const WSREP_NOT_READY = mariadbError(1047, 'ER_UNKNOWN_COM_ERROR');
const COMMIT_REFUSED = mariadbError(1180, 'ER_ERROR_DURING_COMMIT');

describe('retryOnLockConflict', () => {
  let waits: number[];
  const policy = (random = 0.5): RetryPolicy => ({ tries: 3, backoffMs: 20, wait: async (ms) => waits.push(ms), random: () => random });
  /** A unit of work failing with these errors, then answering 'ok' */
  const failing = (...errors: Error[]) => {
    const work = jest.fn(async () => {
      const error = errors.shift();
      if (error) throw error;
      return 'ok';
    });
    return work;
  };

  beforeEach(() => (waits = []));

  it('knows a deadlock (a Galera certification failure too), a lock-wait time-out, a Galera node not ready and a refused commit, and nothing else', () => {
    expect([DEADLOCK, LOCK_WAIT, WSREP_NOT_READY, COMMIT_REFUSED, DUPLICATE, new Error('ER_LOCK_DEADLOCK')].map(isLockConflict)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('runs the work again after a deadlock or a lock-wait time-out, waiting longer each time', async () => {
    const work = failing(DEADLOCK, LOCK_WAIT);
    await expect(retryOnLockConflict(work, policy())).resolves.toBe('ok');
    expect(work).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([20, 40]);
  });

  it('gives up after the last attempt with the error of that attempt', async () => {
    const work = failing(DEADLOCK, DEADLOCK, LOCK_WAIT, DEADLOCK);
    await expect(retryOnLockConflict(work, policy())).rejects.toBe(LOCK_WAIT);
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('does not retry any other error', async () => {
    const work = failing(DUPLICATE);
    await expect(retryOnLockConflict(work, policy())).rejects.toBe(DUPLICATE);
    expect(work).toHaveBeenCalledTimes(1);
    expect(waits).toEqual([]);
  });

  it('jitters the wait between half and one and a half times the backoff', async () => {
    await retryOnLockConflict(failing(DEADLOCK), policy(0));
    await retryOnLockConflict(failing(DEADLOCK), policy(0.999));
    expect(waits[0]).toBe(10);
    expect(waits[1]).toBeCloseTo(29.98);
  });
});

describe('retryAutocommitWritesOnLockConflict', () => {
  /** A MariaDB data source whose query runners fail each statement once with a deadlock, then answer 'ok' */
  const dataSource = (inTransaction: boolean) => {
    const seen: string[] = [];
    const failed = new Set<string>();
    const runner = {
      isTransactionActive: inTransaction,
      query: jest.fn(async (sql: string) => {
        seen.push(sql);
        if (failed.has(sql)) return 'ok';
        failed.add(sql);
        throw DEADLOCK;
      }),
    } as unknown as QueryRunner;
    const ds = { options: { type: 'mariadb' }, driver: { createQueryRunner: () => runner } } as unknown as DataSource;
    retryAutocommitWritesOnLockConflict(ds);
    return { runner: ds.driver.createQueryRunner('master'), seen };
  };

  it('runs a write statement outside a transaction again after a deadlock', async () => {
    const { runner, seen } = dataSource(false);
    for (const sql of ['UPDATE job_lease SET holder = ?', ' insert into t values (1)', 'DELETE FROM t', 'REPLACE INTO t VALUES (1)']) await expect(runner.query(sql)).resolves.toBe('ok');
    expect(seen).toHaveLength(8);
  });

  it('leaves reads, and any statement of a transaction (retried whole by the transaction), to fail', async () => {
    await expect(dataSource(false).runner.query('SELECT 1')).rejects.toBe(DEADLOCK);
    await expect(dataSource(true).runner.query('UPDATE t SET x = 1')).rejects.toBe(DEADLOCK);
  });
});
