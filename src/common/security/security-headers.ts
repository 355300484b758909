import fastifyHelmet, { FastifyHelmetOptions } from '@fastify/helmet';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { isWebPage } from '../../site/serve-web';
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

/**
 * The web front-end's pages (src/site/serve-web.ts): Vite's build is files only (no inline script, no eval), its
 * stylesheets are files and its inline styles are set through the DOM (allowed by style-src), Bootstrap draws its form
 * controls as data: images; the logo may be on another host (SITE_LOGO_URL); it calls this origin's API, is never framed.
 */
function pageCsp(imgSources: string[]): Directives {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', ...imgSources],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

const csp = (directives: Directives) => ({ contentSecurityPolicy: { useDefaults: false, directives } });

/** The console's page and its files (not the JSON document at /api/docs-json, an API answer). */
const isConsole = (url: string) => url === `/${DOCS_PATH}` || url.startsWith(`/${DOCS_PATH}/`);

/**
 * Headers of every answer, routes, errors, 404 and the Swagger console alike, as @fastify/helmet sets them: no MIME
 * sniffing, no framing, a CSP, HSTS when configured (behind TLS), and `Cache-Control: no-store` unless the route says
 * otherwise (public reads: the offer, reference lists; Swagger UI's static files). Registered before any route.
 *
 * The plugin itself would build helmet's middleware anew for every request (its options merged, the CSP parsed,
 * about fifteen functions run); the headers only depend on the configuration, so they are taken once, at start-up,
 * from @fastify/helmet answering a request on an instance of its own, and each request gets them from that record.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, hsts: AppConfig['hsts'], pageImgSources: string[] = []): void {
  const options = {
    ...csp(API_CSP),
    frameguard: { action: 'deny' as const },
    strictTransportSecurity: hsts ? { maxAge: hsts.maxAge, includeSubDomains: hsts.includeSubDomains } : (false as const),
  };
  const entetes = { api: {} as Entetes, console: {} as Entetes, page: {} as Entetes };
  fastify.addHook('onReady', async () => {
    [entetes.api, entetes.console, entetes.page] = await Promise.all([
      entetesDeHelmet(options),
      entetesDeHelmet({ ...options, ...csp(CONSOLE_CSP) }),
      entetesDeHelmet({ ...options, ...csp(pageCsp(pageImgSources)) }),
    ]);
  });
  fastify.addHook('onRoute', (route) => {
    if (isConsole(route.url)) route.config = { ...(route.config as object), enTetesConsole: true } as typeof route.config;
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const config = request.routeOptions.config as { enTetesConsole?: boolean; pageWeb?: boolean };
    // The web front-end's catch-all route also receives unknown /api addresses, answered as the API's 404.
    reply.headers(config.enTetesConsole ? entetes.console : config.pageWeb && isWebPage(request.url) ? entetes.page : entetes.api);
    done();
  });
  // Personal data is the rule: whatever a route did not declare cacheable is never stored by a browser or a proxy.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

type Entetes = Record<string, string>;

/** The headers @fastify/helmet adds, with these options, to an answer (those Fastify sets itself left out). */
async function entetesDeHelmet(options: FastifyHelmetOptions): Promise<Entetes> {
  const reponse = async (helmet: boolean) => {
    const instance = new FastifyAdapter().getInstance();
    if (helmet) await instance.register(fastifyHelmet, options);
    instance.get('/', () => '');
    const { headers } = await instance.inject('/');
    await instance.close();
    return headers;
  };
  const [avec, sans] = await Promise.all([reponse(true), reponse(false)]);
  return Object.fromEntries(Object.entries(avec).filter(([nom]) => !(nom in sans)).map(([nom, valeur]) => [nom, String(valeur)]));
}
