import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { api, bearer } from './support/api';
import { createCampagne } from './support/factories';
import { pdfDePages } from './support/fichiers';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

const ENV = { THROTTLE_IP_PER_MINUTE: '100000' };
/**
 * A request that would wait for a connection the pool never gives back fails in this time instead of hanging: long
 * enough for the last of 64 applies queued behind SQLite's one connection on a loaded two-core machine.
 */
const DELAI = 30_000;

/**
 * Under load, no request waits for ever: a transaction never needs a second pool connection (a fresh instance with a
 * pool of 2 serves 8 simultaneous applies, its reference data never read before), and concurrent uploads of
 * candidates whose candidatures are neighbours never deadlock on the gaps of the pièces' unique index.
 */
describe('Under load: no freeze, no deadlock', () => {
  let t: TestApp;
  let campagne: Campagne;
  let offre: Offre;
  let scol: string;

  beforeAll(async () => {
    t = await startTestApp(ENV);
    campagne = await createCampagne(t);
    ({ scol } = await staffConnecte(t, { scol: ['scol.charge', [Role.SCOL_CENTRALE]] }));
    offre = await creerOffre(t, scol);
  });
  afterAll(() => t.close());

  /** Candidates with complete files, made eight at a time. */
  const candidats = async (n: number) => {
    const list: Awaited<ReturnType<typeof candidatComplet>>[] = [];
    for (let i = 0; i < n; i += 8) {
      list.push(...(await Promise.all(Array.from({ length: Math.min(8, n - i) }, (_, k) => candidatComplet(t, campagne, 'Charge', `Candidat${i + k}`)))));
    }
    return list;
  };
  const candidater = (app: TestApp, token: string, formationId: number) =>
    request(app.http).post('/api/candidat/candidatures').set(bearer(token)).send({ formationId }).timeout(DELAI);

  it('a freshly started instance serves 64 simultaneous applies by 64 candidates, with no warm-up', async () => {
    const formationId = await offre.formation();
    const tous = await candidats(64);
    // MariaDB: a second instance on the same database, started now with the default pool (10 connections), its
    // reference data never read. SQLite has one connection in any case (src/database/sqlite-gate.ts), and a second
    // instance would not share the in-memory database.
    const fresh = t.database.sqliteImage ? t : await startTestApp(ENV, { database: t.database, clock: t.clock });
    try {
      const answers = await Promise.all(tous.map((c) => candidater(fresh, c.token, formationId)));
      expect(answers.map((a) => a.status)).toEqual(tous.map(() => 201));
    } finally {
      if (fresh !== t) await fresh.close();
    }
  }, 120_000);

  it('the same on a pool of 2: eight simultaneous applies, four times the pool, with no warm-up', async () => {
    const formationId = await offre.formation();
    const tous = await candidats(8);
    const fresh = t.database.sqliteImage ? t : await startTestApp({ ...ENV, DATABASE_POOL_SIZE: '2' }, { database: t.database, clock: t.clock });
    try {
      const answers = await Promise.all(tous.map((c) => candidater(fresh, c.token, formationId)));
      expect(answers.map((a) => a.status)).toEqual(tous.map(() => 201));
    } finally {
      if (fresh !== t) await fresh.close();
    }
  }, 60_000);

  it('30 candidates with neighbouring candidatures upload a pièce at the same time: every upload succeeds', async () => {
    const formationId = await offre.formation();
    const piece = (await api(t, scol).post('offre/gestion/pieces', { code: 'CHARGE-CV', libelle: 'CV', commun: false, centreId: offre.centreId, formationIds: [formationId] }).expect(201)).body
      .id as number;
    const tous = await candidats(30);
    // One after the other, so that their ids are adjacent in the unique index (candidature, pièce).
    const ids: number[] = [];
    for (const c of tous) ids.push((await candidater(t, c.token, formationId).expect(201)).body.id as number);
    const pdf = await pdfDePages('CV', 1);
    const answers = await Promise.all(
      tous.map((c, i) =>
        request(t.http).put(`/api/candidat/candidatures/${ids[i]}/pieces/${piece}/fichier`).set(bearer(c.token)).attach('fichier', pdf, 'cv.pdf').timeout(DELAI),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(tous.map(() => 200));
  }, 120_000);
});
