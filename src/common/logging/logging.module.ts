import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Global, Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { Logger as Pino, pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { AppConfig, appConfig } from '../../config';
import { AppLogger, ROOT_LOGGER, inRequestContext } from './app-logger';
import { loggerOptions, requestErrorFields, requestLogLevel, serializeRequest, serializeResponse } from './logger-options';

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
 * Logs through pino: one line per request (pino-http, level by status) and Nest's own logs through AppLogger, which
 * inside a request writes with that request's logger, so every line of a request carries its id.
 */
@Global()
@Module({
  providers: [{ provide: ROOT_LOGGER, useFactory: (config: AppConfig) => pino(loggerOptions(config)), inject: [appConfig.KEY] }, AppLogger],
  exports: [AppLogger],
})
export class LoggingModule implements NestModule {
  constructor(@Inject(ROOT_LOGGER) private readonly root: Pino) {}

  configure(consumer: MiddlewareConsumer): void {
    const http = pinoHttp({
      logger: this.root,
      customLogLevel: requestLogLevel,
      customErrorObject: requestErrorFields,
      serializers: { req: serializeRequest, res: serializeResponse },
    });
    // pino-http leaves a `log` already on the request (Fastify's, silent) in place: its own is the last of allLogs.
    const bind = (req: IncomingMessage, _res: ServerResponse, next: () => void) => inRequestContext(req.allLogs.at(-1) ?? req.log, next);
    consumer.apply(http, bind).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
