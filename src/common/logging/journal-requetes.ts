import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger as Pino } from 'pino';
import { inRequestContext } from './app-logger';
import { requestErrorFields, requestLogLevel, serializeRequest, serializeResponse } from './logger-options';

const JOURNAL = Symbol('journal');
type AvecJournal = FastifyRequest & { [JOURNAL]?: () => Pino };

/**
 * The access log: one line per request when it ends (« request completed », « request errored » for a 5xx with the
 * error, « request aborted » when the client went away), at the level of `requestLogLevel`, with the request (id,
 * method, address with secrets masked), the status (and Retry-After) and the time; and, while the request is
 * handled, a logger bound to it for every other line (AppLogger). Fastify hooks, so no Nest middleware (middie) runs
 * on every request; and the request's child logger is made only when a line is written: at LOG_LEVEL=warn a
 * successful request serializes, redacts and writes nothing. This was pino-http as a middleware, which made the child
 * (a full serialization of the request, then redaction) for every request; the lines are the same.
 */
export function journaliserRequetes(fastify: FastifyInstance, root: Pino): void {
  fastify.addHook('onRequest', (request: AvecJournal, _reply, done) => {
    let logger: Pino | undefined;
    const journal = () => (logger ??= root.child({ req: serializeRequest(request) }));
    request[JOURNAL] = journal;
    inRequestContext(journal, done);
  });

  fastify.addHook('onResponse', (request: AvecJournal, reply, done) => {
    const level = requestLogLevel(request, reply);
    if (root.isLevelEnabled(level)) {
      const log = request[JOURNAL]?.() ?? root;
      const res = serializeResponse({ statusCode: reply.statusCode, headers: reply.getHeaders() });
      const responseTime = Math.round(reply.elapsedTime);
      if (reply.statusCode >= 500) {
        const err = new Error(`failed with status code ${reply.statusCode}`);
        log[level](requestErrorFields(request, res, err, { res, err, responseTime }), 'request errored');
      } else {
        log[level]({ res, responseTime }, 'request completed');
      }
    }
    done();
  });

  fastify.addHook('onRequestAbort', (request: AvecJournal, done) => {
    if (root.isLevelEnabled('warn')) (request[JOURNAL]?.() ?? root).warn('request aborted');
    done();
  });
}
