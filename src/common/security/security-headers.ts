import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { DOCS_PATH } from '../api/api-paths';

type Directives = Record<string, string[]>;

/** An API answer (JSON, a problem, a file) is never a page: it may load nothing and be framed by nobody. */
const API_CSP: Directives = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

/**
 * The Swagger console, @nestjs/swagger's page: its scripts, stylesheet and icons come from /api/docs/, its page has two
 * inline <style> blocks and a style attribute, swagger-ui.css draws its icons as data: images, and « Try it out » calls
 * this origin (the document's server is `/`). No inline script, no eval, nothing from another origin, never framed.
 */
const CONSOLE_CSP: Directives = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

const csp = (directives: Directives) => ({ contentSecurityPolicy: { useDefaults: false, directives } });

/** The console's page and its files (not the JSON document at /api/docs-json, an API answer). */
const isConsole = (url: string) => url === `/${DOCS_PATH}` || url.startsWith(`/${DOCS_PATH}/`);

/**
 * Headers of every answer, routes, errors, 404 and the Swagger console alike, through @fastify/helmet: no MIME
 * sniffing, no framing, a CSP, HSTS when configured (behind TLS), and `Cache-Control: no-store` unless the route says
 * otherwise (public reads: the offer, reference lists; Swagger UI's static files). Registered before any route.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, hsts: AppConfig['hsts']): void {
  fastify.addHook('onRoute', (route) => {
    if (isConsole(route.url)) route.config = { ...(route.config as object), helmet: csp(CONSOLE_CSP) } as typeof route.config;
  });
  void fastify.register(fastifyHelmet, {
    ...csp(API_CSP),
    frameguard: { action: 'deny' },
    strictTransportSecurity: hsts ? { maxAge: hsts.maxAge, includeSubDomains: hsts.includeSubDomains } : false,
  });
  // Personal data is the rule: whatever a route did not declare cacheable is never stored by a browser or a proxy.
  fastify.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
