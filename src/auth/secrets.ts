import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

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

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2);
}

// Verifying an unknown login against this hash costs the same time as a real check: no timing oracle.
const UNKNOWN_ACCOUNT_HASH = hashPassword(randomBytes(24).toString('base64url'));

/** Checks a password; with no stored hash it still spends the time of a check and answers false. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash ?? (await UNKNOWN_ACCOUNT_HASH), password);
  } catch {
    return false;
  }
}
