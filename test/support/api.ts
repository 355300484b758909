import request from 'supertest';
import { TestApp } from './test-app';

/** The Authorization header of a session token (a spec's token map may type it as possibly undefined). */
export const bearer = (token: string | undefined) => ({ Authorization: `Bearer ${token}` });

/**
 * Requests to the API as one session: `api(t, token).get('candidat/dossier')` is supertest's request with the bearer
 * set (none without a token). A path without a leading slash is under /api; `/health` and the like are taken as is.
 * `post`, `put` and `patch` send the body only when one is given; the answer is supertest's, to `.expect()` on.
 */
export function api(t: TestApp, token?: string) {
  const call = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object) => {
    const req = request(t.http)[method](path.startsWith('/') ? path : `/api/${path}`);
    if (token !== undefined) req.set(bearer(token));
    return body === undefined ? req : req.send(body);
  };
  return {
    get: (path: string) => call('get', path),
    post: (path: string, body?: object) => call('post', path, body),
    put: (path: string, body?: object) => call('put', path, body),
    patch: (path: string, body?: object) => call('patch', path, body),
    delete: (path: string) => call('delete', path),
  };
}
