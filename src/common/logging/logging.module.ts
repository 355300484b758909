import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Global, Module } from '@nestjs/common';
import { pino } from 'pino';
import { AppConfig, appConfig } from '../../config';
import { AppLogger, ROOT_LOGGER } from './app-logger';
import { loggerOptions } from './logger-options';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Fastify's request id: the caller's (or load balancer's) X-Request-Id when it is sane, otherwise a new UUID.
 * The same id is in every log line of the request, in the X-Request-Id response header and in problem bodies.
 */
export function requestId(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Logs through pino: one line per request (journal-requetes.ts, level by status, registered by setupApp) and Nest's
 * own logs through AppLogger, which inside a request writes with that request's logger, so every line of a request
 * carries its id.
 */
@Global()
@Module({
  providers: [{ provide: ROOT_LOGGER, useFactory: (config: AppConfig) => pino(loggerOptions(config)), inject: [appConfig.KEY] }, AppLogger],
  exports: [AppLogger, ROOT_LOGGER],
})
export class LoggingModule {}
