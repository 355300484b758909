import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { checkIne, normalizeIne } from './ine';

/**
 * An INE + clé typed by a candidate (see ./ine.ts). null, undefined and values that are empty once normalized
 * (spaces, dashes, dots only) pass: whether the INE is mandatory is decided elsewhere. The error message is
 * checkIne's, a lower-case clause without final period, like the repo's other field messages
 * ("Le champ « ine » est invalide : la clé de cet INE … ."). The value is not rewritten: store checkIne's `ine`.
 */
export function IsIne(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isIne',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate(value: unknown): boolean {
          if (value === null || value === undefined) return true;
          if (typeof value !== 'string') return false;
          return normalizeIne(value) === '' || checkIne(value).valid;
        },
        defaultMessage(args: ValidationArguments): string {
          if (typeof args.value !== 'string') return 'doit être une chaîne de caractères';
          const result = checkIne(args.value);
          return result.valid ? "n'est pas un INE valide" : result.message;
        },
      },
    });
  };
}
