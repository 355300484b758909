import { QueryFailedError } from 'typeorm';
import { RetryPolicy, isLockConflict, retryOnLockConflict } from './lock-conflict-retry';

const mariadbError = (errno: number, code: string) => new QueryFailedError('UPDATE x', [], Object.assign(new Error(code), { errno, code }));
const DEADLOCK = mariadbError(1213, 'ER_LOCK_DEADLOCK');
const LOCK_WAIT = mariadbError(1205, 'ER_LOCK_WAIT_TIMEOUT');
const DUPLICATE = mariadbError(1062, 'ER_DUP_ENTRY');

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

  it('knows a deadlock and a lock-wait time-out, and nothing else', () => {
    expect([DEADLOCK, LOCK_WAIT, DUPLICATE, new Error('ER_LOCK_DEADLOCK')].map(isLockConflict)).toEqual([true, true, false, false]);
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
