import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

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
