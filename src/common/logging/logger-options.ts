import type { LoggerOptions } from 'pino';
import type { AppConfig } from '../../config';

export const MASK = '[masqué]';

/** Query parameters that carry secrets (the tokens of mail links, CAS tickets and one-time codes). */
const SECRET_PARAMS = new Set(['token', 'code', 'ticket']);

/** pino's options: JSON lines, or with LOG_FORMAT=pretty (the development default) pino-pretty's readable lines. */
export function loggerOptions(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: MASK },
    ...(config.logFormat === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,context', messageFormat: '{if context}[{context}] {end}{msg}', singleLine: true },
          },
        }
      : {}),
  };
}

/** A request as logged: its id, method and address, with the values of secret query parameters masked. */
export function serializeRequest(req: { id: string; method: string; url: string }): { id: string; method: string; url: string } {
  return { id: req.id, method: req.method, url: maskSecrets(req.url) };
}

/**
 * A response as logged: its status, and when it says so how long to wait (a 503's Retry-After). Not its other
 * headers: the security headers every answer carries would fill each line and tell an operator nothing.
 */
export function serializeResponse(res: { statusCode: number; headers?: Record<string, unknown> }): { statusCode: number; retryAfter?: unknown } {
  const retryAfter = res.headers?.['retry-after'];
  return retryAfter === undefined ? { statusCode: res.statusCode } : { statusCode: res.statusCode, retryAfter };
}

export function maskSecrets(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0];
      return SECRET_PARAMS.has(decoded(name).toLowerCase()) ? `${name}=${MASK}` : pair;
    });
  return `${url.slice(0, start)}?${query.join('&')}`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The level of a request's closing line: errors for a failure of ours, warnings for the client's and for outages. */
export function requestLogLevel(_req: unknown, res: { statusCode: number }, err?: Error): 'info' | 'warn' | 'error' {
  // A 503 (database, CAS down) is an outage of something the request needs, not a bug: the line that says which is
  // written where it is known (the problem filter's « Base de données indisponible »).
  if (res.statusCode === 503) return 'warn';
  return err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
}

/**
 * The closing line of a failed request. The access log (journal-requetes.ts) names any 5xx with an error (« failed
 * with status code 503 ») whose stack only points at the log itself: a 503's line keeps the status and the time only.
 */
export function requestErrorFields(_req: unknown, res: { statusCode: number }, _error: Error, fields: Record<string, unknown>): Record<string, unknown> {
  if (res.statusCode !== 503) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'err'));
}
