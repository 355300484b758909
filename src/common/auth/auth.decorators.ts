import { ExecutionContext, SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiBearerAuth, DECORATORS } from '@nestjs/swagger';
import { ApiProblemResponses } from '../api/api-problem-responses.decorator';
import { Role } from './roles';

export const IS_PUBLIC = 'candidatures:isPublic';
export const ROLES = 'candidatures:roles';
export const ESPACE_CANDIDAT = 'candidatures:espaceCandidat';

/**
 * Handlers marked @Public() one by one. @nestjs/swagger drops an empty method-level `security`, so
 * buildOpenApiDocument writes `security: []` on these operations (operationId = method name, unique).
 */
export const PUBLIC_OPERATIONS = new Set<string>();

/**
 * Opens a route (or every route of a controller) to anonymous callers; every other route requires a session
 * (global AuthGuard). The OpenAPI document says so with an empty `security`, overriding the document's default.
 */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(DECORATORS.API_SECURITY, []), (_target: object, key?: string | symbol) => {
    if (key !== undefined) PUBLIC_OPERATIONS.add(String(key));
  });

/**
 * A public route of the candidates' space (account creation, activation and password links): closed, like every
 * route a candidate's session calls, while the maintenance mode is on. Documents the 503.
 */
export const EspaceCandidat = () => applyDecorators(SetMetadata(ESPACE_CANDIDAT, true), ApiProblemResponses({ 503: 'MAINTENANCE_EN_COURS' }));

/** Restricts a route (or a controller) to callers having one of these roles; documents 401 and 403. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES, roles), ApiBearerAuth('session'), ApiProblemResponses(401, 403));

/** Any authenticated caller; documents 401. */
export const Authenticated = () => applyDecorators(ApiBearerAuth('session'), ApiProblemResponses(401));

/** The caller the AuthGuard authenticated. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<{ principal?: unknown }>().principal;
});
