import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';

/** class-validator's IsUrl options for the URLs of the configuration: http(s), a host without TLD allowed (localhost). */
export const HTTP_URL = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/** A configuration key holds a value the service cannot run with: the message names the key. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Validates the environment against a schema class whose property names are the keys. */
export function validateEnv<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv): T {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const instance = plainToInstance(schema, present, { exposeDefaultValues: true });
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigValidationError(errors.flatMap((e) => describe(e, env)));
  return instance;
}

function describe(error: ValidationError, env: NodeJS.ProcessEnv): string[] {
  const raw = env[error.property];
  const received = raw === undefined || raw === '' ? 'absente' : `« ${hidePassword(raw)} »`;
  // Composite rules repeat one message (integer, min, max): say it once.
  return [...new Set(Object.values(error.constraints ?? {}))].map((m) => `${error.property} : ${m} (valeur ${received})`);
}

/** Keeps credentials out of the message: `mysql://user:secret@host` becomes `mysql://user:***@host`. */
function hidePassword(value: string): string {
  return value.replace(/^([a-z0-9+.-]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
