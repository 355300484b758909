import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, TransformFnParams } from 'class-transformer';
import { IsBoolean, IsDefined, IsISO8601, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

// Only the canonical decimal spelling is a number: Number() would also read `0x1`, ` 1`, `1e0`, `1.0`, `` and true.
const DECIMAL = /^-?(0|[1-9]\d{0,15})$/;

/** A path or query string (or each of an array's) in canonical decimal becomes a number; anything else stays as is, for IsInt to refuse. */
export function toInteger({ value }: TransformFnParams): unknown {
  const one = (v: unknown) => (typeof v === 'string' && DECIMAL.test(v) ? Number(v) : v);
  return Array.isArray(value) ? value.map(one) : one(value);
}

const INT32_MAX = 2_147_483_647;

/** An optional whole number within bounds, from the query string or a JSON number (never from true or `0x10`). */
export function OptionalInt(min: number, max: number) {
  const message = `doit être un nombre entier entre ${min} et ${max}`;
  return applyDecorators(IsOptional(), Transform(toInteger), IsInt({ message }), Min(min, { message }), Max(max, { message }));
}

/** A database id (1 to 2^31-1): of a path parameter, or of a body, or each of a list with `each`. */
export function Identifiant(message: string, options: { each?: boolean } = {}) {
  const each = options.each ?? false;
  return applyDecorators(Transform(toInteger), IsInt({ each, message }), Min(1, { each, message }), Max(INT32_MAX, { each, message }));
}

/** A required id of a path parameter or a body (the contract says its bounds: the CLI plugin cannot see through a composite). */
export function RequiredIdentifiant(message: string) {
  return applyDecorators(ApiProperty({ type: 'integer', minimum: 1, maximum: INT32_MAX }), IsDefined({ message: 'est obligatoire' }), Identifiant(message));
}

// C0 and C1 control characters: none on one line; a multi-line text keeps \n and \t.
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/;
// eslint-disable-next-line no-control-regex
const NO_CONTROL_MULTILINE = /^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/;

/** What a text typed by someone may hold: no control character (NUL, CR…), but line breaks and tabs in a multi-line one. */
export interface TextOptions {
  multiline?: boolean;
}

function typedText(maxLength: number, { multiline = false }: TextOptions) {
  return [
    // A multi-line text keeps its lines, whichever end of line the browser sent.
    Transform(({ value }) => (typeof value === 'string' ? (multiline ? value.replace(/\r\n?/g, '\n') : value).trim() : value)),
    IsString({ message: 'doit être une chaîne de caractères' }),
    Matches(multiline ? NO_CONTROL_MULTILINE : NO_CONTROL, {
      message: multiline ? 'ne doit pas contenir de caractère de contrôle (hors retours à la ligne et tabulations)' : 'ne doit pas contenir de caractère de contrôle ni de retour à la ligne',
    }),
    MaxLength(maxLength, { message: `ne doit pas dépasser ${maxLength} caractères` }),
  ];
}

/** An optional free text, trimmed, of bounded length, without control characters. */
export function OptionalText(maxLength: number, options: TextOptions = {}) {
  return applyDecorators(IsOptional(), ...typedText(maxLength, options));
}

/** An optional code that must match a pattern; the message says what a valid one looks like. */
export function OptionalCode(pattern: RegExp, message: string) {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    IsString({ message }),
    Matches(pattern, { message }),
  );
}

/** A required free text, trimmed, of bounded length, without control characters (blank counts as missing). */
export function RequiredText(maxLength: number, options: TextOptions = {}) {
  return applyDecorators(IsDefined({ message: 'est obligatoire' }), ...typedText(maxLength, options), MinLength(1, { message: 'est obligatoire' }));
}

/** A required code of the reference data (checked against it by ReferentielService.verify), upper-cased. */
export function RequiredCode(maxLength = 10) {
  return applyDecorators(
    IsDefined({ message: 'est obligatoire' }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    IsString({ message: 'doit être un code (voir /api/referentiels)' }),
    MinLength(1, { message: 'est obligatoire' }),
    MaxLength(maxLength, { message: `ne doit pas dépasser ${maxLength} caractères` }),
  );
}

/** An optional code of the reference data, upper-cased; blank counts as absent. */
export function OptionalRefCode(maxLength = 10) {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() || undefined : value)),
    IsOptional(),
    IsString({ message: 'doit être un code (voir /api/referentiels)' }),
    MaxLength(maxLength, { message: `ne doit pas dépasser ${maxLength} caractères` }),
  );
}

/** An optional true/false. */
export function OptionalFlag() {
  return applyDecorators(IsOptional(), IsBoolean({ message: 'doit valoir true ou false' }));
}

const DATE_MESSAGE = 'doit être une date au format AAAA-MM-JJ';

/** A calendar date YYYY-MM-DD (a real one: 2027-02-30 is refused). */
export function CalendarDate(optional: boolean) {
  return applyDecorators(
    ...(optional ? [IsOptional()] : [IsDefined({ message: 'est obligatoire' })]),
    IsString({ message: DATE_MESSAGE }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE }),
    IsISO8601({ strict: true }, { message: DATE_MESSAGE }),
  );
}
