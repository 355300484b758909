import { createHash, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import { Semaphore } from '../common/concurrency/semaphore';

/** A bearer or link token: 32 random bytes, URL-safe. Only its hash is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane). */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * How many argon2 computations run at once: one per core. argon2 runs on libuv's threadpool (4 threads unless
 * UV_THREADPOOL_SIZE says otherwise), which file reads and DNS lookups share: a burst of logins would take every
 * thread and, on a machine of few cores, the CPU the event loop needs to answer anything else (`/health` p99 ×3
 * during logins). One per core keeps logins at the rate the machine can compute them and leaves threads for the
 * rest. The others wait their turn rather than being refused: logins are already limited per IP and per account
 * (ThrottleService), a waiting login costs a closure, and a 503 would only be retried.
 */
export const ARGON2_SIMULTANES = new Semaphore(availableParallelism());

export function hashPassword(password: string): Promise<string> {
  return ARGON2_SIMULTANES.executer(() => argon2.hash(password, ARGON2));
}

// Verifying an unknown login against this hash costs the same time as a real check: no timing oracle.
const UNKNOWN_ACCOUNT_HASH = hashPassword(randomBytes(24).toString('base64url'));

/** Checks a password; with no stored hash it still spends the time of a check and answers false. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  try {
    const attendu = hash ?? (await UNKNOWN_ACCOUNT_HASH);
    return await ARGON2_SIMULTANES.executer(() => argon2.verify(attendu, password));
  } catch {
    return false;
  }
}
