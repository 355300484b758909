import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'candidatures:isPublic';

/** Opens a route to anonymous callers; every other route requires a session (global AuthGuard). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
