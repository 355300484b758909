import { Provider } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import passport from 'passport';
import { Strategy } from 'passport-cas';
import { CasConfig, casConfig } from '../../config';

/** The person CAS vouched for: login, and the attributes released (names in lower case, every value a list). */
export interface CasUser {
  login: string;
  attributes: Record<string, string[]>;
}

/** The CAS server could not be asked, did not answer in time, or answered something that is not CAS XML. */
export class CasUnreachable extends Error {
  override readonly name = 'CasUnreachable';
}

/** What passport-cas reads of a request, and all that it gets: never Fastify's request. */
interface CasRequest {
  query: { ticket: string };
  /** Express 4's req.param(), which passport-cas calls to read the ticket */
  param(name: string): string | undefined;
  /** The service URL the ticket was issued for (see service()) */
  casService: string;
}

const VALIDATION_TIMEOUT_MS = 10_000;

type Authenticator = InstanceType<typeof passport.Passport>;

/**
 * Validates CAS service tickets through passport-cas: CAS 3.0 `/p3/serviceValidate`, or `/serviceValidate` for
 * CAS 2.0, whose success answer is the same XML (attributes are read when the server adds `<cas:attributes>`).
 *
 * passport-cas@0.1.1 was written for Express 4: it reads the ticket with `req.param()` and, without a ticket,
 * redirects to CAS /login through the response. Neither works on Fastify, so the strategy never sees the real
 * request: validateTicket() gives it a small request holding the ticket and the service URL, and a response that
 * turns any redirect into an error. Redirecting to /login is the controller's job.
 */
export class CasStrategy extends PassportStrategy(Strategy, 'cas') {
  // Assigned while the base constructor runs (getPassportInstance), so no initializer may reset it afterwards.
  declare private ownPassport: Authenticator | undefined;

  constructor(cas: CasConfig) {
    super({
      version: 'CAS3.0',
      ssoBaseURL: cas.url as string,
      validateURL: cas.version === '2.0' ? '/serviceValidate' : '/p3/serviceValidate',
    });
  }

  /** Called by passport-cas with the parsed `<cas:authenticationSuccess>`; false refuses it. */
  validate(profile: unknown): CasUser | false {
    const { user, attributes } = (profile ?? {}) as { user?: unknown; attributes?: unknown };
    const login = typeof user === 'string' ? user.trim() : '';
    if (!login) return false;
    const released = typeof attributes === 'object' && attributes !== null ? Object.entries(attributes) : [];
    return { login, attributes: Object.fromEntries(released.map(([name, value]) => [name.toLowerCase(), texts(value)])) };
  }

  /** The service URL of the ticket, exactly as sent to CAS /login (passport-cas would rebuild it from req.originalUrl). */
  override service(req: CasRequest): string {
    return req.casService;
  }

  /**
   * A Passport of its own rather than the process-wide one: strategies register by name, and two applications in
   * one process (tests) must not validate tickets against each other's CAS server.
   */
  getPassportInstance(): Authenticator {
    return (this.ownPassport ??= new passport.Passport());
  }

  /** The user of a ticket; null when CAS refuses it (unknown, already used, other service); CasUnreachable otherwise. */
  validateTicket(ticket: string, service: string): Promise<CasUser | null> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new CasUnreachable(`pas de réponse du serveur CAS en ${VALIDATION_TIMEOUT_MS} ms`)), VALIDATION_TIMEOUT_MS);
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        outcome();
      };
      const request: CasRequest = { query: { ticket }, param: (name) => (name === 'ticket' ? ticket : undefined), casService: service };
      const response = {
        statusCode: 200,
        setHeader: () => undefined,
        end: () => settle(() => reject(new Error('passport-cas a tenté une redirection : elle ne doit jamais passer par lui'))),
      };
      const done = (error: unknown, user: CasUser | false, info: unknown) =>
        settle(() => {
          // passport-cas reports a refused ticket as an error ("Authentication failed INVALID_TICKET"), and a
          // network error as a failure whose challenge is the Error.
          if (error instanceof Error && error.message.startsWith('Authentication failed')) resolve(null);
          else if (error) reject(new CasUnreachable(error instanceof Error ? error.message : String(error)));
          else if (user) resolve(user);
          else if (info instanceof Error) reject(new CasUnreachable(info.message));
          else resolve(null);
        });
      const next = (error?: unknown) => settle(() => reject(error ?? new Error('passport-cas est passé au suivant sans valider le ticket')));
      this.getPassportInstance().authenticate('cas', { session: false }, done)(request, response, next);
    });
  }
}

/** The strategy when CAS_ENABLED=true, else null (passport-cas cannot be built without a server URL). */
export const casStrategyProvider: Provider = {
  provide: CasStrategy,
  inject: [casConfig.KEY],
  useFactory: (cas: CasConfig) => (cas.enabled ? new CasStrategy(cas) : null),
};

/** An attribute's values as strings: xml2js gives a string, a list, or an object with its text under `_`. */
function texts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (typeof value === 'object' && value !== null && typeof (value as { _?: unknown })._ === 'string') return texts((value as { _: string })._);
  return [];
}
