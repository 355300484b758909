import { rename } from 'node:fs/promises';
import request from 'supertest';
import { storageConfig } from '../src/config/storage.config';
import { TestApp, startTestApp } from './support/test-app';

describe('Health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health answers 200 with the clock time, outside the /api prefix', async () => {
    t.clock.set('2026-09-01T08:00:00Z');
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', time: '2026-09-01T08:00:00.000Z' });
    await request(t.http).get('/api/health').expect(404);
  });

  it('GET /health/ready checks the database, and shows the file storage', async () => {
    const res = await request(t.http).get('/health/ready').expect(200);
    expect(res.body.checks).toEqual({ database: { status: 'up', responseTime: expect.any(Number) }, stockage: { status: 'up', responseTime: expect.any(Number) } });
  });

  it('GET /health/ready shows a missing storage folder as down, and stays ready', async () => {
    const dossier = t.app.get(storageConfig.KEY).dir;
    await rename(dossier, `${dossier}-absent`);
    try {
      expect((await request(t.http).get('/health/ready').expect(200)).body.checks.stockage).toEqual({ status: 'down' });
    } finally {
      await rename(`${dossier}-absent`, dossier);
    }
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const echoed = await request(t.http).get('/health').set('X-Request-Id', 'lb-42.abc').expect(200);
    expect(echoed.headers['x-request-id']).toBe('lb-42.abc');
    const replaced = await request(t.http).get('/health').set('X-Request-Id', 'x'.repeat(300)).expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GET /health/ready answers 503 problem+json when the database is gone', async () => {
    await t.dataSource.destroy();
    const res = await request(t.http).get('/health/ready').expect(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 503, code: 'BASE_DE_DONNEES_INDISPONIBLE' });
    expect(res.headers['retry-after']).toBe('5');
    // Liveness does not depend on the database: the orchestrator must not restart a healthy process.
    await request(t.http).get('/health').expect(200);
    await t.dataSource.initialize();
  });
});
