import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem.dto';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem.filter';

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
  503: 'A dependency (the database) is unavailable',
};

/** The OpenAPI response object of a problem+json status; 429 also documents its Retry-After header. */
export function problemResponse(status: number) {
  return {
    description: DESCRIPTIONS[status] ?? 'Error',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
    ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } } } : {}),
  };
}

/**
 * Documents the problem+json responses of an operation. Apply each status once per operation (@Swagger merges a
 * repeated status by concatenating descriptions); the 500 every operation may answer is added by
 * buildOpenApiDocument.
 */
export function ApiProblemResponses(...statuses: number[]) {
  return applyDecorators(ApiExtraModels(ProblemDto), ...[...new Set(statuses)].map((status) => ApiResponse({ status, ...problemResponse(status) })));
}
