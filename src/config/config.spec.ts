import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { ConfigValidationError, assertValidConfig } from '.';
import { parseAppConfig } from './app.config';
import { parseDatabaseConfig } from './database.config';

const valid = {
  NODE_ENV: 'production',
  PORT: '8080',
  PUBLIC_URL: 'https://candidatures.univ.fr',
  DATABASE_URL: 'mariadb://app:s3cr%40t@db.univ.fr:3307/candidatures',
  MAIL_TRANSPORT: 'smtp',
  SMTP_URL: 'smtp://relay.univ.fr:587',
  CAS_ENABLED: 'true',
  CAS_URL: 'https://cas.univ.fr/cas',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    assertValidConfig(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

describe('configuration', () => {
  it('accepts a complete production configuration', () => {
    expect(problemsOf(valid)).toEqual([]);
    expect(parseDatabaseConfig(valid)).toMatchObject({ type: 'mysql', host: 'db.univ.fr', port: 3307, username: 'app', password: 's3cr@t', database: 'candidatures' });
  });

  it.each([
    ['DATABASE_URL', 'nonsense'],
    ['PORT', '-1'],
    ['PORT', 'abc'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_POOL_SIZE', '0'],
    ['TRUST_PROXY', 'oui'],
    ['HSTS_MAX_AGE', '-1'],
    ['HSTS_MAX_AGE', '1an'],
    ['HSTS_MAX_AGE', '63072001'],
    ['HSTS_INCLUDE_SUBDOMAINS', 'oui'],
    ['MAIL_TRANSPORT', 'pigeon'],
    ['SMTP_URL', 'relay.univ.fr'],
    ['SMTP_POOL_SIZE', '0'],
    ['MAIL_CLAIM_SECONDS', '1'],
    ['CAS_URL', 'cas.univ.fr'],
    ['LOG_LEVEL', 'verbose'],
    ['LOG_FORMAT', 'texte'],
    ['PUBLIC_URL', 'candidater.univ.fr'],
    ['API_PUBLIC_URL', 'ftp://api.univ.fr'],
    ['COMPTE_NUMERO_PREFIXE', 'ab'],
    ['COMPTE_NUMERO_PREFIXE', 'UNIV'],
    ['THROTTLE_IP_PER_MINUTE', '0'],
    ['THROTTLE_ACCOUNT_PER_15_MIN', 'beaucoup'],
  ])('names %s when it is %s', (key, value) => {
    const problems = problemsOf({ ...valid, [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${key} : `));
  });

  it('reports every bad key at once and never prints a password', () => {
    const problems = problemsOf({ ...valid, PORT: '70000', DATABASE_URL: 'postgres://app:topsecret@db/x' });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['PORT', 'DATABASE_URL']);
    expect(problems.join('\n')).not.toContain('topsecret');
  });

  it('keeps the front-end (PUBLIC_URL) and the API (API_PUBLIC_URL) apart, the API defaulting to PUBLIC_URL', () => {
    expect(parseAppConfig(valid)).toMatchObject({ publicUrl: 'https://candidatures.univ.fr', apiPublicUrl: 'https://candidatures.univ.fr' });
    expect(parseAppConfig({ ...valid, PUBLIC_URL: 'https://candidater.univ.fr/', API_PUBLIC_URL: 'https://api.univ.fr/candidatures/' })).toMatchObject({
      publicUrl: 'https://candidater.univ.fr',
      apiPublicUrl: 'https://api.univ.fr/candidatures',
    });
  });

  it('logs readable lines in development and JSON elsewhere, unless LOG_FORMAT says', () => {
    expect(parseAppConfig({ NODE_ENV: 'development' }).logFormat).toBe('pretty');
    expect(parseAppConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(parseAppConfig({ NODE_ENV: 'test' }).logFormat).toBe('json');
    expect(parseAppConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(parseAppConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
  });

  it('sends no HSTS unless HSTS_MAX_AGE says how long (the embedded default answers plain http)', () => {
    expect(parseAppConfig(valid).hsts).toBeNull();
    expect(parseAppConfig({ ...valid, HSTS_MAX_AGE: '0', HSTS_INCLUDE_SUBDOMAINS: 'true' }).hsts).toBeNull();
    expect(parseAppConfig({ ...valid, HSTS_MAX_AGE: '31536000' }).hsts).toEqual({ maxAge: 31536000, includeSubDomains: false });
    expect(parseAppConfig({ ...valid, HSTS_MAX_AGE: '63072000', HSTS_INCLUDE_SUBDOMAINS: 'true' }).hsts).toEqual({ maxAge: 63072000, includeSubDomains: true });
  });

  it('accepts the embedded defaults and the production example as written (no key left that start-up refuses)', () => {
    const read = (file: string) => parse(readFileSync(join(__dirname, '..', '..', 'config', file)));
    expect(problemsOf(read('default.env'))).toEqual([]);
    expect(problemsOf({ ...read('default.env'), ...read('production.example.env') })).toEqual([]);
  });

  it('understands the embedded SQLite default', () => {
    expect(parseDatabaseConfig({ DATABASE_URL: 'sqlite:var/candidatures.sqlite' })).toMatchObject({ type: 'sqlite', database: 'var/candidatures.sqlite' });
  });
});
