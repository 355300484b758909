import request from 'supertest';
import { JobsService, PURGE_COMPTEURS } from '../src/jobs/jobs.service';
import { MailOutbox } from '../src/mail/entities/mail-outbox.entity';
import { CANDIDAT_PASSWORD, createCampagne, createCandidat } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

describe('Throttling (login and account forms), counted in the database', () => {
  let t: TestApp;
  let numero = '';

  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '30', THROTTLE_ACCOUNT_PER_15_MIN: '5', TRUST_PROXY: 'true' });
    numero = (await createCandidat(t, await createCampagne(t))).numeroDossier;
  });
  afterAll(() => t.close());

  const login = (loginName: string, password: string, ip = '198.51.100.1') =>
    request(t.http).post('/api/auth/login').set('X-Forwarded-For', ip).send({ login: loginName, password });
  const forgot = (email: string, ip: string) => request(t.http).post('/api/comptes/identifiants-oublies').set('X-Forwarded-For', ip).send({ email });

  it('locks an account out after 5 attempts in 15 minutes, even with the right password, from any address', async () => {
    for (let i = 0; i < 5; i++) await login(numero, 'pas le bon mot de passe', `198.51.100.${10 + i}`).expect(401);
    const locked = await login(numero.toLowerCase(), CANDIDAT_PASSWORD, '198.51.100.99').expect(429);
    expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(locked.body).toMatchObject({ status: 429, code: 'TROP_DE_TENTATIVES' });
    expect(locked.body.detail).toMatch(/réessayez dans 15 minutes/);
    expect(Number(locked.headers['retry-after'])).toBe(900);

    t.clock.advance({ minutes: 10 });
    expect(Number((await login(numero, CANDIDAT_PASSWORD).expect(429)).headers['retry-after'])).toBe(300);
    t.clock.advance({ minutes: 5 });
    await login(numero, CANDIDAT_PASSWORD).expect(200);
  });

  it('limits one address to 30 attempts a minute on a group of routes, and a 429 does nothing', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 30; i++) await forgot(`inconnu${i}@example.org`, ip).expect(202);
    const outbox = await t.dataSource.getRepository(MailOutbox).count();
    const refused = await forgot('quelquun@example.org', ip).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await t.dataSource.getRepository(MailOutbox).count()).toBe(outbox);
    // Other addresses and the other groups of routes are not held up.
    await forgot('quelquun@example.org', '203.0.113.8').expect(202);
    await login(numero, CANDIDAT_PASSWORD, ip).expect(200);
    t.clock.advance({ minutes: 1 });
    await forgot('quelquun@example.org', ip).expect(202);
  });

  it('counts concurrent attempts exactly: 20 at once on one e-mail, 5 get through', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => forgot('rafale@example.org', `192.0.2.${i + 1}`)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 202)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('forgets the counters of ended windows in the hourly job', async () => {
    t.clock.advance({ minutes: 16 });
    const run = await t.app.get(JobsService).trigger(PURGE_COMPTEURS);
    expect(run?.status).toBe('SUCCES');
    expect(JSON.parse(run?.counts ?? '{}').supprimes).toBeGreaterThan(30);
    const left: { n: number | string }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM throttle_counter');
    expect(Number(left[0].n)).toBe(0);
  });
});
