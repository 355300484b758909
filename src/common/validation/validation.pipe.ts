import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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

/** No request needs more nesting than this; class-transformer recurses, so a deeper body would overflow its stack. */
export const MAX_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `max` objects or arrays; iterative, so it cannot overflow itself. */
export function deeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Refuses too deep a body before class-transformer sees it. */
class DepthLimitedValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && deeperThan(value, MAX_DEPTH)) {
      throw new ValidationFailed([], `Le corps de la requête est imbriqué trop profondément (${MAX_DEPTH} niveaux au plus).`);
    }
    return super.transform(value, metadata);
  }
}

/** The global pipe: too deep a body and unknown fields refused, values converted to the DTO's types, French messages. */
export function createValidationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationFailed(flattenValidationErrors(errors)),
  });
}
