import { ConfigValidationError } from './config-validation';
import { parseClamavConfig } from './clamav.config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parseClamavConfig(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

describe('ClamAV configuration', () => {
  it('scans nothing by default', () => {
    expect(parseClamavConfig({})).toEqual({ adresse: undefined, timeoutMs: 30_000, accepterSansAnalyse: false });
  });

  it.each([
    ['tcp://127.0.0.1:3310', { host: '127.0.0.1', port: 3310 }],
    ['tcp://clamav.univ.fr:3310', { host: 'clamav.univ.fr', port: 3310 }],
    ['tcp://[::1]:3310', { host: '::1', port: 3310 }],
    ['unix:/run/clamav/clamd.ctl', { path: '/run/clamav/clamd.ctl' }],
  ])('reads CLAMAV_URL=%s', (url, adresse) => {
    expect(parseClamavConfig({ CLAMAV_URL: url, CLAMAV_TIMEOUT_S: '5', CLAMAV_ACCEPTER_SANS_ANALYSE: 'true' })).toEqual({ adresse, timeoutMs: 5000, accepterSansAnalyse: true });
  });

  it.each(['127.0.0.1:3310', 'http://127.0.0.1:3310', 'tcp://127.0.0.1', 'tcp://127.0.0.1:0', 'tcp://127.0.0.1:70000', 'unix:clamd.ctl'])('names CLAMAV_URL when it is %s', (url) => {
    expect(problemsOf({ CLAMAV_URL: url })).toEqual([`CLAMAV_URL : doit être l'adresse de clamd : tcp://hôte:port (port 1 à 65535) ou unix:/chemin/du/socket (valeur « ${url} »)`]);
  });

  it('names CLAMAV_TIMEOUT_S and CLAMAV_ACCEPTER_SANS_ANALYSE when they are wrong', () => {
    expect(problemsOf({ CLAMAV_TIMEOUT_S: '0', CLAMAV_ACCEPTER_SANS_ANALYSE: 'oui' })).toEqual([
      'CLAMAV_TIMEOUT_S : doit être le délai, en secondes, au-delà duquel clamd silencieux est tenu pour indisponible, de 1 à 300 (valeur « 0 »)',
      'CLAMAV_ACCEPTER_SANS_ANALYSE : doit valoir true ou false (valeur « oui »)',
    ]);
  });
});
