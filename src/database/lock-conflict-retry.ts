import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** MariaDB gave up a statement for a lock: ER_LOCK_DEADLOCK (1213) or ER_LOCK_WAIT_TIMEOUT (1205). */
export function isLockConflict(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const errno = (error.driverError as { errno?: number } | undefined)?.errno;
  return errno === 1213 || errno === 1205;
}

export interface RetryPolicy {
  /** Attempts in all, the first included */
  tries: number;
  /** Mean wait before the second attempt, doubled for each next one, jittered from half to one and a half times */
  backoffMs: number;
  wait?: (ms: number) => Promise<unknown>;
  random?: () => number;
}

export const LOCK_CONFLICT_RETRY: RetryPolicy = { tries: 3, backoffMs: 20 };

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
