import { CallHandler, ExecutionContext, Injectable, NestInterceptor, Type, UseInterceptors, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, map } from 'rxjs';
import { ApiProblemResponses } from '../api/api-problem-responses.decorator';
import { PreconditionFailed, PreconditionRequired, ValidationFailed } from '../errors/domain-errors';

/**
 * Optimistic concurrency for the candidate's file (it replaces the reference system's "compte bloqué"): every
 * section carries an integer `version`, sent as the ETag `"<version>"`; changing it needs `If-Match` with the
 * version read, and the UPDATE only applies `WHERE version = <that version>`.
 */
export const etagOf = (version: number) => `"${version}"`;

/** The version an If-Match header names (`"3"` or `W/"3"`), undefined without the header. */
export const IfMatch = createParamDecorator((_data: unknown, context: ExecutionContext): number | undefined => {
  const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  if (header === undefined) return undefined;
  const version = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(String(header))?.[1];
  if (!version) throw new ValidationFailed([{ field: 'If-Match', message: 'doit être l’ETag reçu en lisant ces informations, par exemple "3"' }]);
  return Number(version);
});

/** Checks the version a change was based on: required when the data exists, and it must be the current one. */
export function assertVersion(current: number | undefined, expected: number | undefined): void {
  if (current === undefined) return;
  if (expected === undefined) throw new PreconditionRequired();
  if (expected !== current) throw new PreconditionFailed();
}

/** Sets the ETag header from the `version` of the body a versioned route answers. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') void reply.header('etag', etagOf(version));
        return body;
      }),
    );
  }
}

const ETAG = { ETag: { description: 'Version of the section: send it back as If-Match to change it', schema: { type: 'string' } } };

/** A route reading a versioned section (`type`, with its `version`): answers its ETag. */
export const ReadsVersion = (type: Type) => applyDecorators(UseInterceptors(EtagInterceptor), ApiOkResponse({ type, headers: ETAG }));

/**
 * A route changing a versioned section: If-Match documented, 412 and 428 possible, the new version answered with
 * its ETag (`type`, or nothing for a deletion).
 */
export const ChecksVersion = (type?: Type) =>
  applyDecorators(
    UseInterceptors(EtagInterceptor),
    ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the version read; required when the data already exists' }),
    ApiProblemResponses(412, 428),
    ...(type ? [ApiOkResponse({ type, headers: ETAG })] : []),
  );
