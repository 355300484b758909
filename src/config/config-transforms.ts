import { TransformFnParams } from 'class-transformer';

/** "true"/"false" (any case, or 1/0) become booleans; anything else stays a string and fails @IsBoolean. */
export function toBoolean({ value }: TransformFnParams): unknown {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return value;
}
