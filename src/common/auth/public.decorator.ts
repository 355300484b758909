import { SetMetadata, applyDecorators } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';

export const IS_PUBLIC = 'candidatures:isPublic';

/**
 * Opens a route to anonymous callers; every other route requires a session (global AuthGuard). The OpenAPI
 * document says so with an empty `security` on the operation, overriding the document's default.
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(DECORATORS.API_SECURITY, []));
