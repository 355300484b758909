import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
/** The schemas of the contract, by name: `Schemas['DossierDto']`. */
export type Schemas = components['schemas'];

/**
 * A typed client of the API, generated from openapi.json (`npm run client:generate`): every path, parameter, body
 * and answer is checked by the compiler. Problems (4xx/5xx) come back as `error` (RFC 9457 problem+json).
 *
 *   const api = createCandidaturesClient('https://candidatures.univ.fr');
 *   const { data, error } = await api.POST('/api/auth/login', { body: { login, password } });
 *   api.authenticate(data.token);
 */
export function createCandidaturesClient(baseUrl: string): Client<paths> & { authenticate(token: string | null): void } {
  let token: string | null = null;
  const bearer: Middleware = {
    onRequest({ request }) {
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
  const client = createClient<paths>({ baseUrl });
  client.use(bearer);
  return Object.assign(client, {
    authenticate(value: string | null) {
      token = value;
    },
  });
}
