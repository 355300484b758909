/** Where the API answers: every route under the prefix, except health; the contract and its console under it too. */
export const API_PREFIX = 'api';
export const DOCS_PATH = `${API_PREFIX}/docs`;
export const OPENAPI_JSON_PATH = `${API_PREFIX}/docs-json`;
export const HEALTH_PATH = 'health';
export const READY_PATH = `${HEALTH_PATH}/ready`;
