import fastifyMultipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppLogger, ROOT_LOGGER } from './common/logging/app-logger';
import { journaliserRequetes } from './common/logging/journal-requetes';
import { version } from '../package.json';
import { API_NAME } from './api-index/api-index';
import { AppModule } from './app.module';
import { genericProblemExamples, problemExamples, problemResponse } from './common/api/api-problem-responses.decorator';
import { REQUEST_EXAMPLES } from './common/api/api-request-example.decorator';
import { operationId } from './common/api/operation-id';
import { API_PREFIX, DOCS_PATH, HEALTH_PATH, OPENAPI_JSON_PATH, READY_PATH } from './common/api/api-paths';
import { PUBLIC_OPERATIONS } from './common/auth/auth.decorators';
import { ProblemDto } from './common/errors/problem.dto';
import { PROBLEM_CONTENT_TYPE } from './common/errors/problem.filter';
import { requestId } from './common/logging/logging.module';
import { registerSecurityHeaders } from './common/security/security-headers';
import { inUnitOfWork } from './database/sqlite-gate';
import { parseAppConfig } from './config/app.config';
import { parseSiteConfig } from './config/site.config';
import { parseStorageConfig } from './config/storage.config';
import { siteConfig } from './config';
import { serveWeb } from './site/serve-web';
import { multipartLimits } from './pieces/upload/receive-upload';

export function createAdapter(): FastifyAdapter {
  const config = parseAppConfig(process.env);
  // Behind a load balancer the client address comes from X-Forwarded-For (throttling, logs).
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: requestId,
  });
  // Each request is its own unit of work for the embedded database's connection gate (gateSqlite).
  adapter.getInstance().addHook('onRequest', (_request, _reply, done) => inUnitOfWork(done));
  const logo = parseSiteConfig(process.env).logoUrl;
  registerSecurityHeaders(adapter.getInstance(), config.hsts, logo?.startsWith('http') ? [new URL(logo).origin] : []);
  // multipart/form-data is only read by the handler (UploadReceiver), after the guard: never buffered before.
  void adapter.getInstance().register(fastifyMultipart, { limits: multipartLimits(parseStorageConfig(process.env).maxBytes), throwFileSizeLimit: false });
  adapter.getInstance().addHook('onSend', (request, reply, payload, done) => {
    reply.header('X-Request-Id', request.id);
    done(null, payload);
  });
  return adapter;
}

/** Builds the application (Fastify, every module, global prefix, Swagger UI), ready to listen. */
export async function createApp(): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  return setupApp(app);
}

/** What every instance gets, whether built by main.ts, by a test module or by the OpenAPI script. */
export function setupApp(app: NestFastifyApplication): NestFastifyApplication {
  app.useLogger(app.get(AppLogger));
  journaliserRequetes(app.getHttpAdapter().getInstance(), app.get(ROOT_LOGGER));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: HEALTH_PATH, method: RequestMethod.GET },
      { path: READY_PATH, method: RequestMethod.GET },
    ],
  });
  app.enableShutdownHooks();
  serveWeb(app.getHttpAdapter().getInstance(), app.get(siteConfig.KEY).webDistDir);
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    customSiteTitle: API_NAME,
  });
  return app;
}

/** What buildOpenApiDocument completes on each operation @nestjs/swagger generated. */
interface DocumentedOperation {
  operationId: string;
  security?: unknown[];
  requestBody?: { content?: Record<string, { example?: unknown }> };
  parameters?: { in: string; name: string; example?: unknown }[];
  responses: Record<string, { description?: string; content?: Record<string, object> }>;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(API_NAME)
    .setDescription(
      [
        "API of the applications platform of French universities (successor of eCandidat): reference data, accounts, the candidate's file, the offer, applications, staff processing and decisions.",
        '',
        'Errors are RFC 9457 `application/problem+json` documents with a stable `code` and a French `detail`; every response carries an `X-Request-Id` header.',
        'Lists are paginated with `page` (from 1) and `limit` (200 at most).',
      ].join('\n'),
    )
    .setVersion(version)
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Opaque session token' }, 'session')
    // Secure by default, as the AuthGuard: operations open to anonymous callers say `security: []`.
    .addSecurityRequirements('session')
    // Relative, so the Swagger console calls the host that served it, whatever PUBLIC_URL is.
    .addServer('/')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => operationId(methodKey),
    extraModels: [ProblemDto],
  });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, DocumentedOperation][]) {
      if (PUBLIC_OPERATIONS.has(operation.operationId)) operation.security = [];
      const example = REQUEST_EXAMPLES.get(operation.operationId);
      const body = operation.requestBody?.content?.['application/json'];
      if (body && example?.body) body.example = example.body;
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'path' && example?.params?.[parameter.name] !== undefined) parameter.example = example.params[parameter.name];
      }
      // Any operation may fail unexpectedly: documented once here, not by each decorator.
      operation.responses['500'] ??= problemResponse(500);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400 || !response.content) continue;
        const guarded = operation.security === undefined || operation.security.length > 0;
        const { description, examples } = problemExamples(operation.operationId, Number(status), `${method.toUpperCase()} ${path}`, guarded);
        response.description = description;
        Object.assign(response.content[PROBLEM_CONTENT_TYPE], { examples });
      }
    }
  }
  document.components = { ...document.components, examples: genericProblemExamples() };
  return document;
}
