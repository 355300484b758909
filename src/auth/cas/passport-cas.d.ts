// passport-cas@0.1.1 ships no types: what cas.strategy.ts uses of it.
declare module 'passport-cas' {
  export interface StrategyOptions {
    /** CAS1.0 (text /validate) or CAS3.0 (XML /p3/serviceValidate, or validateURL) */
    version?: 'CAS1.0' | 'CAS3.0';
    /** The CAS server, e.g. https://cas.univ.fr/cas */
    ssoBaseURL: string;
    serverBaseURL?: string;
    /** Path of the validation endpoint below ssoBaseURL */
    validateURL?: string;
    serviceURL?: string;
  }

  export type VerifyCallback = (profile: unknown, done: (error: unknown, user?: unknown, info?: unknown) => void) => void;

  export class Strategy {
    constructor(options: StrategyOptions, verify: VerifyCallback);
    name: string;
    /** The service URL sent with the ticket to the validation endpoint */
    service(req: unknown): string;
    authenticate(req: unknown, options?: unknown): void;
  }
}
