import { createCandidaturesClient } from '../client';
import { OutboxService } from '../src/mail/outbox.service';
import { createCampagne } from './support/factories';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The generated typed client (client/, from openapi.json) against the real API over HTTP: what a front-end team
 * gets. The compiler checks every path, body and answer used here; a contract that drifted from the code would
 * fail either the compilation of this file or its assertions.
 */
describe('The generated typed client', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let api: ReturnType<typeof createCandidaturesClient>;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url });
    await createCampagne(t);
    await t.app.listen(0, '127.0.0.1');
    api = createCandidaturesClient(await t.app.getUrl());
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('walks a candidate from account creation to a saved file section, problems included', async () => {
    const password = 'une phrase de passe pour le client';
    const email = 'client.type@example.org';
    const created = await api.POST('/api/comptes', {
      body: { nom: 'Typé', prenom: 'Client', email, emailConfirmation: email, password, passwordConfirmation: password },
    });
    expect(created.response.status).toBe(202);
    expect(created.data?.message).toMatch(/mail/);

    await t.app.get(OutboxService).deliverDue();
    const mail = await smtp.waitFor((m) => smtp.to(email).includes(m));
    const token = /activation\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1] as string;
    const activated = await api.POST('/api/comptes/activation', { body: { token } });
    const numero = activated.data?.numeroDossier as string;
    expect(numero).toMatch(/^[0-9A-Z]{8}$/);

    const session = await api.POST('/api/auth/login', { body: { login: numero, password } });
    api.authenticate(session.data?.token ?? null);
    const me = await api.GET('/api/auth/me');
    expect(me.data).toMatchObject({ kind: 'candidat', login: numero, scopes: { centres: [], commissions: [] } });

    // A problem comes back typed as the contract's ProblemDto, naming the field.
    const refused = await api.PUT('/api/candidat/adresse', { body: { pays: 'FR', ligne1: '1 rue Jeanne d’Arc', codePostal: '45000', commune: '75056' } });
    expect(refused.response.status).toBe(400);
    expect(refused.error?.errors?.[0]).toMatchObject({ field: 'commune' });

    const saved = await api.PUT('/api/candidat/adresse', { body: { pays: 'FR', ligne1: '1 rue Jeanne d’Arc', codePostal: '45000', commune: '45234' } });
    expect(saved.data?.version).toBe(1);
    const etag = saved.response.headers.get('etag') as string;
    const changed = await api.PUT('/api/candidat/adresse', {
      params: { header: { 'If-Match': etag } },
      body: { pays: 'FR', ligne1: '2 rue Jeanne d’Arc', codePostal: '45000', commune: '45234' },
    });
    expect(changed.data).toMatchObject({ ligne1: '2 rue Jeanne d’Arc', version: 2 });

    const dossier = await api.GET('/api/candidat/dossier');
    expect(dossier.data?.manquants.map((m) => m.section)).toEqual(['identite', 'bac']);
    await api.POST('/api/auth/logout');
    expect((await api.GET('/api/auth/me')).response.status).toBe(401);
  });
});
