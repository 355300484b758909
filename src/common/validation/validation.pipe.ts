import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from '../errors/domain-errors';

/** class-validator's built-in messages are English: the ones our composites do not set are translated here. */
const FRENCH: Record<string, string> = {
  whitelistValidation: "n'est pas un champ attendu",
  isDefined: 'est obligatoire',
  isNotEmpty: 'est obligatoire',
  isString: 'doit être une chaîne de caractères',
  isInt: 'doit être un nombre entier',
  isBoolean: 'doit valoir true ou false',
  isEnum: "n'est pas une valeur autorisée",
  isIn: "n'est pas une valeur autorisée",
  nestedValidation: 'doit être un objet',
};

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([key, message]) => ({
      field,
      message: isDefaultEnglish(message, error.property) ? (FRENCH[key] ?? "n'est pas valide") : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

// class-validator's default messages start with the property name ("annee must be…"); ours never do.
function isDefaultEnglish(message: string, property: string): boolean {
  return message.startsWith(`${property} `) || message.startsWith('property ') || message.startsWith('each value ');
}

/** The global pipe: unknown fields refused, values converted to the DTO's types, French messages. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationFailed(flattenValidationErrors(errors)),
  });
}
