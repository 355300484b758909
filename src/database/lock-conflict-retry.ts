import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';

/**
 * The errors after which the whole transaction (or autocommit statement) was rolled back and may simply run again:
 * ER_LOCK_DEADLOCK (1213), also what a Galera cluster answers when the transaction failed certification (another
 * node committed a write to the same row or unique key first) or was aborted by a replicated write; ER_LOCK_WAIT_TIMEOUT
 * (1205); and from a Galera node, ER_UNKNOWN_COM_ERROR (1047, "WSREP has not yet prepared node for application use",
 * while the node leaves or rejoins its cluster) and ER_ERROR_DURING_COMMIT (1180, a commit the provider refused).
 */
const RETRYABLE_ERRNOS = new Set([1213, 1205, 1047, 1180]);

/** MariaDB gave up a statement or a commit for a conflict that running it again may resolve (RETRYABLE_ERRNOS). */
export function isLockConflict(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const errno = (error.driverError as { errno?: number } | undefined)?.errno;
  return errno !== undefined && RETRYABLE_ERRNOS.has(errno);
}

export interface RetryPolicy {
  /** Attempts in all, the first included */
  tries: number;
  /** Mean wait before the second attempt, doubled for each next one, jittered from half to one and a half times */
  backoffMs: number;
  wait?: (ms: number) => Promise<unknown>;
  random?: () => number;
}

/**
 * One server's deadlocks clear after a try or two; on a Galera cluster, transactions writing one hot row (a formation
 * whose liste complémentaire several withdrawals move at once) from two nodes abort each other at every commit, and
 * the last of ten needed more than three tries (test/galera.e2e-spec.ts). Eight tries wait about 2.5 s in all.
 */
export const LOCK_CONFLICT_RETRY: RetryPolicy = { tries: 8, backoffMs: 20 };

/**
 * Runs `work` again after a lock conflict, a bounded number of times: the transaction the database chose as the
 * deadlock's victim was rolled back whole, and one more go usually finds the other gone. Any other error, or the
 * last attempt's, goes to the caller.
 */
export async function retryOnLockConflict<T>(work: () => Promise<T>, policy: RetryPolicy = LOCK_CONFLICT_RETRY): Promise<T> {
  const { wait = sleep, random = Math.random } = policy;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= policy.tries || !isLockConflict(error)) throw error;
      await wait(policy.backoffMs * 2 ** (attempt - 1) * (0.5 + random()));
    }
  }
}

/**
 * Every transaction of the data source (`dataSource.transaction`, `dataSource.manager.transaction`) is retried on a
 * lock conflict: a transaction callback only writes through its EntityManager, so running it again from the start
 * is safe. Nested transactions (`em.transaction` inside one) are part of their outer one and are not retried alone.
 */
export function retryTransactionsOnLockConflict(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => retryOnLockConflict(() => transaction(...args))) as EntityManager['transaction'];
}

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

/**
 * Every write statement run outside a transaction (autocommit: a job lease taken by an UPDATE, an outbox claim, a
 * throttle counter, a session touched) is retried on a lock conflict as a transaction is: the statement was its own
 * transaction, rolled back whole. On one server such a statement rarely conflicts; on a Galera cluster any write can
 * fail certification against the same row written on another node, and the server's own retry
 * (`wsrep_retry_autocommit`, once by default) is not always enough. Statements inside a transaction are left to the
 * transaction's retry (retryTransactionsOnLockConflict), which runs the whole transaction again.
 */
export function retryAutocommitWritesOnLockConflict(dataSource: DataSource): void {
  if (dataSource.options.type !== 'mariadb' && dataSource.options.type !== 'mysql') return;
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode);
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    runner.query = ((...args: unknown[]) => {
      const [sql] = args;
      if (runner.isTransactionActive || typeof sql !== 'string' || !WRITE.test(sql)) return query(...args);
      return retryOnLockConflict(() => query(...args));
    }) as QueryRunner['query'];
    return runner;
  };
}
