import { loggerOptions, maskSecrets, requestErrorFields, requestLogLevel, serializeResponse } from './logger-options';

describe('logger options', () => {
  it('masks the values of secret query parameters, whatever their case or encoding, and keeps the others', () => {
    expect(maskSecrets('/api/comptes/activation?token=abc123')).toBe('/api/comptes/activation?token=[masqué]');
    expect(maskSecrets('/api/auth/cas/callback?espace=candidat&ticket=ST-1&reponse=json')).toBe('/api/auth/cas/callback?espace=candidat&ticket=[masqué]&reponse=json');
    expect(maskSecrets('/connexion/cas?Code=x&%74oken=y')).toBe('/connexion/cas?Code=[masqué]&%74oken=[masqué]');
    expect(maskSecrets('/api/offre?ouverte=true&q=%E9')).toBe('/api/offre?ouverte=true&q=%E9');
    expect(maskSecrets('/health')).toBe('/health');
  });

  it('logs a response as its status, and how long to wait when it says so, not its other headers', () => {
    const headers = { 'content-security-policy': "default-src 'none'", 'x-content-type-options': 'nosniff', 'set-cookie': 'a=b' };
    expect(serializeResponse({ statusCode: 200, headers })).toEqual({ statusCode: 200 });
    expect(serializeResponse({ statusCode: 503, headers: { ...headers, 'retry-after': '5' } })).toEqual({ statusCode: 503, retryAfter: '5' });
  });

  it('writes JSON lines, or pino-pretty lines when the format is pretty', () => {
    expect(loggerOptions({ logLevel: 'warn', logFormat: 'json' })).toEqual({ level: 'warn', redact: expect.any(Object) });
    expect(loggerOptions({ logLevel: 'info', logFormat: 'pretty' }).transport).toMatchObject({ target: 'pino-pretty' });
  });

  it("closes an outage's request (503) with a warning without a made-up stack, and other failures as before", () => {
    expect([200, 404, 500, 503].map((statusCode) => requestLogLevel({}, { statusCode }))).toEqual(['info', 'warn', 'error', 'warn']);
    expect(requestLogLevel({}, { statusCode: 200 }, new Error('x'))).toBe('error');
    const fields = { res: { statusCode: 0 }, err: new Error('failed with status code'), responseTime: 12 };
    expect(requestErrorFields({}, { statusCode: 503 }, fields.err, fields)).toEqual({ res: fields.res, responseTime: 12 });
    expect(requestErrorFields({}, { statusCode: 500 }, fields.err, fields)).toBe(fields);
  });
});
