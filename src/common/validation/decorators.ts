import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsISO8601, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** An optional whole number within bounds, converted from the query string. */
export function OptionalInt(min: number, max: number) {
  const message = `doit être un nombre entier entre ${min} et ${max}`;
  return applyDecorators(IsOptional(), Type(() => Number), IsInt({ message }), Min(min, { message }), Max(max, { message }));
}

/** An optional free text, trimmed, of bounded length. */
export function OptionalText(maxLength: number) {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: 'doit être une chaîne de caractères' }),
    MaxLength(maxLength, { message: `ne doit pas dépasser ${maxLength} caractères` }),
  );
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

/** A required free text, trimmed, of bounded length (blank counts as missing). */
export function RequiredText(maxLength: number) {
  return applyDecorators(
    IsDefined({ message: 'est obligatoire' }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: 'doit être une chaîne de caractères' }),
    MinLength(1, { message: 'est obligatoire' }),
    MaxLength(maxLength, { message: `ne doit pas dépasser ${maxLength} caractères` }),
  );
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
