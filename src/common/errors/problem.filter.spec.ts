import { ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { BusinessRule, ValidationFailed } from './domain-errors';
import { ProblemFilter } from './problem.filter';

function hostFor() {
  const reply = {
    sent: false,
    statusCode: 0,
    headers: {} as Record<string, string>,
    body: undefined as unknown,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    header(name: string, value: string) {
      this.headers[name] = value;
      return this;
    },
    send(body: unknown) {
      this.body = body;
      return this;
    },
  };
  const request = { id: 'req-test', method: 'GET', url: '/api/x' };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  return { host, reply };
}

describe('ProblemFilter', () => {
  const filter = new ProblemFilter();

  it('answers an unexpected error with a 500 that reveals nothing internal', () => {
    const { host, reply } = hostFor();
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    filter.catch(new Error('ER_ACCESS_DENIED for user root at 10.0.0.3'), host);
    expect(reply.statusCode).toBe(500);
    expect(reply.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(reply.body).toMatchObject({ status: 500, code: 'ERREUR_INTERNE', requestId: 'req-test', instance: 'GET /api/x' });
    expect(JSON.stringify(reply.body)).not.toMatch(/ER_ACCESS|root|10\.0\.0\.3/);
  });

  it('keeps the code, detail and field errors of a domain error', () => {
    const { host, reply } = hostFor();
    filter.catch(new BusinessRule('CANDIDATURE_HORS_PERIODE', 'La période de dépôt des vœux est close.'), host);
    expect(reply.statusCode).toBe(422);
    expect(reply.body).toMatchObject({ code: 'CANDIDATURE_HORS_PERIODE', detail: 'La période de dépôt des vœux est close.' });

    const v = hostFor();
    filter.catch(new ValidationFailed([{ field: 'annee', message: 'doit être un nombre entier' }]), v.host);
    expect(v.reply.body).toMatchObject({
      status: 400,
      detail: 'Le champ « annee » est invalide : doit être un nombre entier.',
      errors: [{ field: 'annee', message: 'doit être un nombre entier' }],
    });
  });

  it('translates framework HTTP errors into French problems with stable codes', () => {
    const nf = hostFor();
    filter.catch(new NotFoundException('Cannot GET /api/x'), nf.host);
    expect(nf.reply.body).toMatchObject({ status: 404, code: 'ROUTE_INTROUVABLE' });
    expect(JSON.stringify(nf.reply.body)).not.toContain('Cannot GET');

    const json = hostFor();
    filter.catch(Object.assign(new Error('Unexpected end'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), json.host);
    expect(json.reply.body).toMatchObject({ status: 400, code: 'REQUETE_INVALIDE', detail: "Le corps de la requête n'est pas un JSON valide." });

    const bad = hostFor();
    filter.catch(new BadRequestException(), bad.host);
    expect(bad.reply.body).toMatchObject({ status: 400, code: 'REQUETE_INVALIDE' });
  });

  it('answers a database outage with a 503 to retry, logged in one line without a stack', () => {
    const warn = jest.spyOn(filter['logger'], 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    error.mockClear();
    const outages = [
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('Query inactivity timeout'), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' })),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED', fatal: true }),
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
    ];
    for (const outage of outages) {
      const { host, reply } = hostFor();
      filter.catch(outage, host);
      expect(reply.statusCode).toBe(503);
      expect(reply.headers['retry-after']).toBe('5');
      expect(reply.body).toMatchObject({ status: 503, code: 'BASE_DE_DONNEES_INDISPONIBLE', requestId: 'req-test' });
    }
    expect(error).not.toHaveBeenCalled();
    expect(warn.mock.calls.map(([fields]) => fields)).toEqual([
      { requestId: 'req-test', cause: 'PROTOCOL_SEQUENCE_TIMEOUT' },
      { requestId: 'req-test', cause: 'ECONNREFUSED' },
      { requestId: 'req-test', cause: 'SQLITE_BUSY' },
    ]);
    warn.mockRestore();
    error.mockRestore();
  });

  it('keeps a 500 for a failed statement that is a bug, not an outage', () => {
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    const { host, reply } = hostFor();
    filter.catch(new QueryFailedError('INSERT', [], Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY', errno: 1062 })), host);
    expect(reply.statusCode).toBe(500);
    expect(reply.headers['retry-after']).toBeUndefined();
  });

  it('forbids caching an error', () => {
    const { host, reply } = hostFor();
    filter.catch(new NotFoundException(), host);
    expect(reply.headers['cache-control']).toBe('no-store');
  });
});
