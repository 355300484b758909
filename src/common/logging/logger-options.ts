import type { LoggerOptions } from 'pino';
import type { AppConfig } from '../../config';

export const MASK = '[masqué]';

/** Query parameters that carry secrets (the tokens of mail links, CAS tickets and one-time codes). */
const SECRET_PARAMS = new Set(['token', 'code', 'ticket']);

/** pino's options: JSON lines, or with LOG_FORMAT=pretty (the development default) pino-pretty's readable lines. */
export function loggerOptions(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: MASK },
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
