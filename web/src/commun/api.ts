import createFetchClient, { type Middleware } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import { QueryClient } from '@tanstack/react-query';
import type { paths } from '@client';
import { session } from './session';

/**
 * The one way to the API: the client generated from openapi.json (client/schema.d.ts), so every path, body and answer
 * is checked by the compiler. The only module that may reach the network (eslint forbids `fetch` elsewhere).
 *
 * In a component, `$api.useQuery('get', '/api/candidat/candidatures')` or `$api.useMutation('post', '/api/comptes')`;
 * outside React, `api.GET(…)`. A problem (4xx/5xx) comes back as the error: show it with <Probleme>.
 * Same origin: the API serves these pages, or the web server that does sends /api to it.
 */
const bearer: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // The session ended on the server (idle, expired, logged out elsewhere): forget it here too.
    if (response.status === 401 && request.headers.has('Authorization')) session.fermer();
    return response;
  },
};

export const api = createFetchClient<paths>({ baseUrl: '' });
api.use(bearer);

export const $api = createQueryHooks(api);

export const queryClient = new QueryClient({
  defaultOptions: {
    // A problem is an answer, not a network hiccup: retrying a 4xx changes nothing.
    queries: { retry: (essais, erreur) => essais < 2 && erreur instanceof TypeError, refetchOnWindowFocus: false },
  },
});
