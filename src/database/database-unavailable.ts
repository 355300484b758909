import { QueryFailedError } from 'typeorm';
import { POOL_ACQUIRE_TIMEOUT, QUERY_TIMEOUT } from './bounded-waits';

/** mysql2's codes of a server that is gone, unreachable, overloaded or shutting down, on a statement sent to it */
const UNAVAILABLE_CODES = new Set([
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
 * not a 500. A network error of anything else (clamd, SMTP) is not one: only a failed statement (QueryFailedError) or
 * a connection mysql2 gave up on (`fatal`) counts.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const statement = error instanceof QueryFailedError;
  const cause = statement ? error.driverError : error;
  if (typeof cause !== 'object' || cause === null) return false;
  const { code, fatal } = cause as { code?: unknown; fatal?: unknown };
  if (typeof code === 'string' && (code === POOL_ACQUIRE_TIMEOUT || /^SQLITE_(BUSY|LOCKED)/.test(code))) return true;
  // mysql2 marks fatal what leaves the connection unusable: refused, reset, closed, timed out while connecting.
  if (fatal === true) return true;
  return statement && typeof code === 'string' && UNAVAILABLE_CODES.has(code);
}

/** The short name of the cause, for a one-line log. */
export function unavailabilityCause(error: unknown): string {
  const cause = error instanceof QueryFailedError ? error.driverError : error;
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
}
