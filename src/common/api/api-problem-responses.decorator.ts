import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import {
  BusinessRule,
  Conflict,
  DomainError,
  Forbidden,
  InvalidRequest,
  NotFound,
  PayloadTooLarge,
  PreconditionFailed,
  PreconditionRequired,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  ValidationFailed,
} from '../errors/domain-errors';
import { ProblemDto } from '../errors/problem.dto';
import { PROBLEM_CONTENT_TYPE, problemType } from '../errors/problem.filter';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: `errors` names each invalid field',
  401: 'No valid session',
  403: 'The caller may not do this',
  404: 'No such resource',
  409: 'Conflicts with the current state',
  412: 'The resource changed since it was read (If-Match): reload it',
  428: 'If-Match is required to change an existing resource',
  413: 'Content too large',
  422: 'A business rule refuses the request: see `code`',
  429: 'Too many requests: see Retry-After',
  500: 'Unexpected error: quote `requestId` to the support desk',
  503: 'A dependency is unavailable',
};

type GenericStatus = 400 | 401 | 403 | 412 | 428 | 429 | 500;

/** The statuses every route answers with the same code (the guard, the validation pipe, If-Match, throttling…). */
const GENERIC: Record<GenericStatus, () => DomainError> = {
  400: () => new ValidationFailed([{ field: 'email', message: 'doit être une adresse e-mail valide' }]),
  401: () => new Unauthorized(),
  403: () => new Forbidden(),
  412: () => new PreconditionFailed(),
  428: () => new PreconditionRequired(),
  429: () => new TooManyRequests(60),
  500: () =>
    new (class extends DomainError {
      readonly status = 500;
      readonly title = 'Erreur interne';
    })('ERREUR_INTERNE', "Une erreur inattendue s'est produite. Si elle persiste, communiquez l'identifiant de la requête au support."),
};

/** The statuses whose code depends on the route: each route names the codes it answers (`ApiProblemResponses({ 404: … })`). */
const ROUTE_SPECIFIC: Record<number, (code: string) => DomainError> = {
  400: (code) => new InvalidRequest(code, 'La requête est refusée pour ce qu’elle contient : voir `code` et `errors`.'),
  401: (code) => new Unauthorized(code, 'Vous ne pouvez pas être authentifié : voir `code`.'),
  403: (code) => new Forbidden(code, "Vous n'avez pas les droits nécessaires pour cette action : voir `code`."),
  404: (code) => new NotFound(code, "Ce que vous demandez n'existe pas ou ne vous est pas accessible : voir `code`."),
  409: (code) => new Conflict(code, "La demande est en conflit avec l'état actuel des données : voir `code`."),
  413: (code) => new PayloadTooLarge(code, 'Le contenu envoyé dépasse la taille autorisée : voir `code`.'),
  422: (code) => new BusinessRule(code, 'Une règle de gestion refuse la demande : voir `code`.'),
  503: (code) => new ServiceUnavailable(code, 'Un service dont dépend la demande est indisponible : réessayez dans quelques instants.'),
};

/** What an operation may answer on a route-specific status (or on 400, besides REQUETE_INVALIDE): one code, or several. */
export type ProblemCodes = Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 422 | 503, string | string[]>>;

/** Codes by operationId (= method name, unique) and status, written into the document by buildOpenApiDocument. */
export const PROBLEM_CODES = new Map<string, Map<number, string[]>>();

const RETRY_AFTER: Record<number, string> = { 429: 'Seconds to wait before trying again', 503: 'Seconds to wait before trying again, when known' };

/** The OpenAPI response object of a problem+json status; 429 and 503 also document their Retry-After header. */
export function problemResponse(status: number) {
  return {
    description: DESCRIPTIONS[status] ?? 'Error',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
    ...(RETRY_AFTER[status] ? { headers: { 'Retry-After': { description: RETRY_AFTER[status], schema: { type: 'integer' } } } } : {}),
  };
}

/**
 * Documents the problem+json responses of an operation: generic statuses by number (400, 401, 403, 412, 428, 429), route-specific ones with the codes the route answers, e.g. `ApiProblemResponses(400, { 404:
 * 'CANDIDATURE_INTROUVABLE', 422: ['CANDIDATURE_HORS_PERIODE', 'NB_VOEUX_MAX_ATTEINT'] })`. Apply each status once
 * per operation (@Swagger merges a repeated status by concatenating descriptions); the 500 every operation may
 * answer is added by buildOpenApiDocument, and so is each response's example.
 */
export function ApiProblemResponses(...items: (GenericStatus | ProblemCodes)[]) {
  const codes = new Map<number, string[]>();
  for (const item of items) {
    if (typeof item === 'number') continue;
    for (const [status, list] of Object.entries(item)) codes.set(Number(status), ([] as string[]).concat(list as string | string[]));
  }
  const statuses = new Set(items.flatMap((item) => (typeof item === 'number' ? [item] : [...Object.keys(item).map(Number)])));
  const register = (_target: object, key?: string | symbol) => {
    if (codes.size === 0) return;
    if (key === undefined) throw new Error('ApiProblemResponses : les codes propres à une route se déclarent sur la méthode, pas sur le contrôleur.');
    const known = PROBLEM_CODES.get(String(key)) ?? new Map<number, string[]>();
    for (const [status, list] of codes) known.set(status, list);
    PROBLEM_CODES.set(String(key), known);
  };
  return applyDecorators(ApiExtraModels(ProblemDto), ...[...statuses].map((status) => ApiResponse({ status, ...problemResponse(status) })), register);
}

/** A problem document as the filter answers it, for the contract. */
function problemExample(error: DomainError, instance: string): { value: ProblemDto } {
  const { code, title, status, detail, errors } = error;
  return { value: { type: problemType(code), title, status, detail, code, instance, requestId: '4d3c2f1e-7a8b-4c5d-9e0f-1a2b3c4d5e6f', ...(errors ? { errors } : {}) } };
}

/** The examples of the statuses every route answers alike, once in `components.examples`, referenced by each response. */
export function genericProblemExamples(): Record<string, { value: ProblemDto }> {
  return Object.fromEntries(Object.values(GENERIC).map((make) => make()).map((e) => [e.code, problemExample(e, 'GET /api/candidatures/12')]));
}

/**
 * The examples of one documented error response, one problem document a code, with that status: the codes the route
 * declares, and for a route behind the session guard the guard's own 401 and 403. Route-specific statuses without
 * a declared code are refused, so that no example shows a code the route cannot answer.
 */
export function problemExamples(
  operationId: string,
  status: number,
  instance: string,
  guarded: boolean,
): { description: string; examples: Record<string, { value: ProblemDto } | { $ref: string }> } {
  const declared = (PROBLEM_CODES.get(operationId)?.get(status) ?? []).map((code) => ROUTE_SPECIFIC[status](code));
  // A route's own 400 codes come on top of the validation every route answers.
  const generic = status in GENERIC && (declared.length === 0 || status === 400 || (guarded && (status === 401 || status === 403))) ? [GENERIC[status as GenericStatus]()] : [];
  const errors = [...generic, ...declared];
  if (errors.length === 0) throw new Error(`${operationId} : la réponse ${status} doit nommer ses codes (ApiProblemResponses({ ${status}: 'CODE' }))`);
  const examples = Object.fromEntries([
    ...generic.map((e) => [e.code, { $ref: `#/components/examples/${e.code}` }] as const),
    ...declared.map((e) => [e.code, problemExample(e, instance)] as const),
  ]);
  return { description: `${DESCRIPTIONS[status] ?? 'Error'} (code${errors.length > 1 ? 's' : ''} : ${errors.map((e) => `\`${e.code}\``).join(', ')})`, examples };
}
