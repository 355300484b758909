import { QueryFailedError } from 'typeorm';
import { POOL_ACQUIRE_TIMEOUT, QUERY_TIMEOUT } from './bounded-waits';

/** Network and server-side codes of a database that is gone, unreachable, overloaded or shutting down. */
const UNAVAILABLE_CODES = new Set([
  POOL_ACQUIRE_TIMEOUT,
  QUERY_TIMEOUT,
  'PROTOCOL_CONNECTION_LOST',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
]);

/**
 * The error says the database cannot serve now, not that the request or the code is wrong: the connection was lost
 * or refused, none could be had in time, a statement got no answer within its timeout (bounded-waits.ts), or SQLite's
 * file stayed locked by another process beyond its busy timeout. Such a request may succeed when retried later: a 503,
 * not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? error.driverError : error;
  if (typeof cause !== 'object' || cause === null) return false;
  const { code, fatal } = cause as { code?: unknown; fatal?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^SQLITE_(BUSY|LOCKED)/.test(code))) return true;
  // mysql2 marks fatal what leaves the connection unusable (a closed socket, a protocol error).
  return fatal === true;
}

/** The short name of the cause, for a one-line log. */
export function unavailabilityCause(error: unknown): string {
  const cause = error instanceof QueryFailedError ? error.driverError : error;
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
}
