import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's start-up chatter, one line a module and a route (about 150): at debug, so that what an operator reads at
 * start-up (the banner, the reference data, the demo, errors) is not buried under it. LOG_LEVEL=debug shows it.
 */
const BOOTSTRAP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * The logger of the request being handled (a child bound to the request), set by the access log's hook
 * (journal-requetes.ts): a function, so that the child is made only when a line is written.
 */
const requestLogger = new AsyncLocalStorage<() => Pino>();

export function inRequestContext(logger: () => Pino, next: () => void): void {
  requestLogger.run(logger, next);
}

/**
 * Nest's logger on pino (app.useLogger): `new Logger(Context).warn({ err, key }, 'message')` writes
 * `{ context, err, key, msg }`, with the request's bindings (its id) when called while a request is handled.
 */
@Injectable()
export class AppLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly root: Pino) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write(BOOTSTRAP_CONTEXTS.has(String(params.at(-1))) ? 'debug' : 'info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the context last; an error handler of Nest's passes (message, stack, context). */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = requestLogger.getStore()?.() ?? this.root;
    const context = params.length > 0 ? params[params.length - 1] : undefined;
    const rest = params.slice(0, -1);
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (message instanceof Error) {
      logger[level]({ ...fields, err: message }, ...(rest as []));
    } else if (typeof message === 'object' && message !== null) {
      logger[level]({ ...fields, ...message }, ...(rest as []));
    } else if (level === 'error' && rest.length === 1 && typeof rest[0] === 'string' && /\n\s*at /.test(rest[0])) {
      const err = Object.assign(new Error(String(message)), { stack: rest[0] });
      logger[level]({ ...fields, err });
    } else {
      logger[level](fields, String(message), ...(rest as []));
    }
  }
}
