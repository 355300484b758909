import { createHash } from 'node:crypto';
import { constants, gzipSync } from 'node:zlib';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, HEALTH_PATH } from '../common/api/api-paths';

/** Hashed by Vite (`assets/index-B1x2y3z4.js`): a name is never reused for other content, so kept for a year. */
const LONG_CACHE = 'public, max-age=31536000, immutable';
/** index.html and the unhashed files of public/: asked again each time, answered 304 when unchanged. */
const REVALIDATE = 'no-cache';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = /^(text\/|application\/(json|manifest)|image\/svg)/;

interface WebFile {
  body: Buffer;
  /** Compressed once at start-up, for text files worth it; sent to browsers that accept gzip. */
  gzip?: Buffer;
  type: string;
  cacheControl: string;
  etag: string;
}

/** An address the web front-end answers: neither the API nor the health checks, which keep their own 404. */
export function isWebPage(url: string): boolean {
  const path = url.split('?')[0];
  return ![`/${API_PREFIX}`, `/${HEALTH_PATH}`].some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the built web front-end (`vite build` into `dir`) at `/`: its files as they are, and index.html for every
 * other address outside /api and /health, so the app's own routes (a mail's link, a reload) open its pages. The
 * folder is read once, at start-up (a few hundred kilobytes): a new build is served after a restart. Nothing is
 * served when the folder has no index.html (the API alone, as in the e2e suite). Returns whether it serves.
 */
export function serveWeb(fastify: FastifyInstance, dir: string | undefined): boolean {
  if (!holdsWebBuild(dir)) return false;
  const files = readWebFiles(dir);
  const index = files.get('/index.html')!;
  fastify.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    config: { pageWeb: true },
    handler: (request, reply) => {
      const path = request.url.split('?')[0];
      if (!isWebPage(path)) return reply.callNotFound();
      const file = files.get(safeDecode(path));
      // A missing asset (an old build's chunk) is a 404, never index.html, which a script import would choke on.
      if (!file && path.startsWith('/assets/')) return reply.callNotFound();
      return send(request, reply, file ?? index);
    },
  });
  return true;
}

/** Whether the folder holds a build of the web front-end (its index.html). */
export function holdsWebBuild(dir: string | undefined): dir is string {
  return Boolean(dir) && existsSync(join(dir!, 'index.html'));
}

function send(request: FastifyRequest, reply: FastifyReply, file: WebFile) {
  reply.header('content-type', file.type).header('cache-control', file.cacheControl).header('etag', file.etag).header('vary', 'Accept-Encoding');
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  if (file.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.body);
}

function readWebFiles(dir: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = `/${relative(dir, full).split(sep).join('/')}`;
    const body = readFileSync(full);
    const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && body.length > 1024 ? gzipSync(body, { level: constants.Z_BEST_COMPRESSION }) : undefined;
    files.set(path, {
      body,
      gzip: gzip && gzip.length < body.length ? gzip : undefined,
      type,
      cacheControl: path.startsWith('/assets/') ? LONG_CACHE : REVALIDATE,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    });
  }
  return files;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
