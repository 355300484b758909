import request from 'supertest';
import { bearer } from './support/api';
import { CANDIDAT_PASSWORD, createCampagne, createCandidat } from './support/factories';
import { MariadbProcess } from './support/mariadb-process';
import { login } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The database goes away under a running instance: killed, then frozen. Every request answers a 503 problem with
 * Retry-After within seconds, and the instance recovers by itself once the database is back. The MariaDB server is
 * this file's own (test/support/mariadb-process.ts), whatever TEST_DB says: killing the shared one would fail every
 * other spec. jest.config.js runs this file in the MariaDB run only.
 */
const QUERY_TIMEOUT_S = 2;

describe('Pannes de la base de données (MariaDB)', () => {
  let server: MariadbProcess | undefined;
  let t: TestApp | undefined;
  let numero: string;
  let token: string;

  beforeAll(async () => {
    // A machine without mariadbd fails here, in CI as anywhere: the MariaDB run needs MariaDB.
    server = await MariadbProcess.create();
    await server.start();
    const database = await server.createDatabase('cand_pannes');
    t = await startTestApp(
      { DATABASE_QUERY_TIMEOUT_SECONDS: String(QUERY_TIMEOUT_S), DATABASE_POOL_SIZE: '4' },
      { database: { engine: 'mariadb', ...database, drop: async () => undefined } },
    );
    const compte = await createCandidat(t, await createCampagne(t));
    numero = compte.numeroDossier;
    token = await login(t, numero, CANDIDAT_PASSWORD);
  }, 90_000);

  afterAll(async () => {
    // The server first: a frozen one would hold the app's close on its connections.
    await server?.destroy();
    await t?.close();
  });

  /** An anonymous read, a candidate's read and a login, side by side: each answer with the time it took. */
  const requests = () => {
    // The public offer is served from a snapshot that asks the database again after OFFRE_POLL_MS (2 s): as much
    // time as that has passed between two rounds in real life.
    t!.clock.advance({ seconds: 3 });
    const timed = async (route: string, send: () => request.Test) => {
      const started = Date.now();
      const res = await send();
      return { route, res, ms: Date.now() - started };
    };
    return Promise.all([
      timed('GET /api/offre', () => request(t!.http).get('/api/offre')),
      timed('GET /api/candidat/candidatures', () => request(t!.http).get('/api/candidat/candidatures').set(bearer(token))),
      timed('POST /api/auth/login', () => request(t!.http).post('/api/auth/login').send({ login: numero, password: CANDIDAT_PASSWORD })),
    ]);
  };

  const expectUnavailable = async (withinMs: number) => {
    for (const { route, res, ms } of await requests()) {
      expect({ route, status: res.status, code: res.body.code }).toEqual({ route, status: 503, code: 'BASE_DE_DONNEES_INDISPONIBLE' });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toMatch(/^[1-9][0-9]*$/);
      expect(res.body.detail).toMatch(/base de données/);
      expect(ms).toBeLessThan(withinMs);
    }
  };

  const expectAvailable = async () => {
    for (const { route, res } of await requests()) expect({ route, status: res.status }).toEqual({ route, status: 200 });
  };

  it('answers normally while the database is up', async () => {
    await expectAvailable();
  });

  it('killed: 503 with Retry-After within 5 s, then 200 again once it is restarted, without restarting the app', async () => {
    await server!.kill();
    try {
      await expectUnavailable(5_000);
      // Still down: a second round is as quick (nothing waits on a dead server).
      await expectUnavailable(5_000);
    } finally {
      await server!.start();
    }
    await expectAvailable();
  }, 60_000);

  it('frozen: 503 within the query timeout, then 200 again once it is thawed', async () => {
    await server!.freeze();
    try {
      await expectUnavailable(QUERY_TIMEOUT_S * 1000 + 1_500);
      // The connections given up on were not handed back to the pool: a second round does not queue behind them.
      await expectUnavailable(QUERY_TIMEOUT_S * 1000 + 1_500);
    } finally {
      server!.thaw();
    }
    await expectAvailable();
  }, 60_000);
});
