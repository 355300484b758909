import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { bearer } from './support/api';
import { pdfDePages } from './support/fichiers';
import { createCampagne } from './support/factories';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The candidate's three most frequent reads (their account, the list of their candidatures, a récapitulatif) run a
 * small fixed number of statements, whatever the number of candidatures: never one per candidature (issue 15,
 * `npm run bench:lectures`). And the session's last-seen time is written at most once a minute, not on every request.
 */
describe('Candidate reads: statements per request', () => {
  let t: TestApp;
  let campagne: Campagne;
  let offre: Offre;
  let scol: string;

  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set('2026-11-20T10:00:00Z');
    campagne = await createCampagne(t);
    ({ scol } = await staffConnecte(t, { scol: ['scol.lectures', [Role.SCOL_CENTRALE]] }));
    offre = await creerOffre(t, scol);
  });

  afterAll(() => t?.close());

  /** The SQL statements the app runs while `envoi` is under way. */
  async function instructions(envoi: () => Promise<unknown>): Promise<string[]> {
    const logQuery = jest.spyOn(t.dataSource.logger, 'logQuery');
    try {
      await envoi();
      // The maintenance switch is read at most once per FRAICHEUR_MAINTENANCE_MS per instance, not per request: on a
      // loaded machine two requests of this test may lie further apart than that.
      return logQuery.mock.calls.map(([sql]) => sql).filter((sql) => !/FROM [`"]maintenance[`"]/.test(sql));
    } finally {
      logQuery.mockRestore();
    }
  }

  /** The SQL statements the app runs while answering `path` for this session (each one a 200). */
  const requetes = (token: string, path: string) => instructions(() => request(t.http).get(path).set(bearer(token)).expect(200));

  it('answers each read with the same few statements for 1 or 6 candidatures', async () => {
    const piece = async (body: object) => (await request(t.http).post('/api/offre/gestion/pieces').set(bearer(scol)).send(body).expect(201)).body.id as number;
    await piece({ code: 'LECT-CV', libelle: 'Curriculum vitae', commun: true, centreId: offre.centreId });
    const formations: number[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await offre.formation();
      await piece({ code: `LECT-N${i}`, libelle: 'Relevé de notes', commun: false, centreId: offre.centreId, formationIds: [id] });
      formations.push(id);
    }
    const { token } = await candidatComplet(t, campagne);
    const apply = async (formationId: number) => (await request(t.http).post('/api/candidat/candidatures').set(bearer(token)).send({ formationId }).expect(201)).body.id as number;
    const premiere = await apply(formations[0]);

    const lire = async () => ({
      me: await requetes(token, '/api/auth/me'),
      liste: await requetes(token, '/api/candidat/candidatures'),
      recapitulatif: await requetes(token, `/api/candidat/candidatures/${premiere}`),
    });
    const avecUne = await lire();
    for (const formationId of formations.slice(1)) await apply(formationId);
    expect((await request(t.http).get('/api/candidat/candidatures').set(bearer(token)).expect(200)).body).toHaveLength(6);
    const avecSix = await lire();

    // The session and its account in one statement, then the read's own: the account; the candidatures, their
    // avis; the candidature with its formation, commission, centre and account, its pièces asked for, its pièce
    // rows, its avis. No write.
    expect({ me: avecUne.me.length, liste: avecUne.liste.length, recapitulatif: avecUne.recapitulatif.length }).toEqual({ me: 2, liste: 3, recapitulatif: 5 });
    expect({ me: avecSix.me.length, liste: avecSix.liste.length, recapitulatif: avecSix.recapitulatif.length }).toEqual({ me: 2, liste: 3, recapitulatif: 5 });
    expect([...avecUne.me, ...avecSix.liste, ...avecSix.recapitulatif].filter((sql) => !/^\s*SELECT/i.test(sql))).toEqual([]);
  });

  it("writes the session's last-seen time at most once a minute", async () => {
    const { token } = await candidatComplet(t, campagne, 'Durand', 'Léa');
    const ecritures = async () => (await requetes(token, '/api/auth/me')).filter((sql) => /^\s*UPDATE/i.test(sql));
    t.clock.advance({ seconds: 30 });
    expect(await ecritures()).toEqual([]);
    t.clock.advance({ seconds: 31 });
    expect(await ecritures()).toEqual([expect.stringMatching(/UPDATE .session./i)]);
    expect(await ecritures()).toEqual([]);
  });

  /**
   * The deadline rush (issue 15): an apply and an upload run a fixed set of statements, none of them a second read of
   * what the request already holds: the formation once (no SELECT DISTINCT of ids first), the account once, no SELECT
   * after an INSERT to read back defaults, the search name written by the INSERT itself. Transaction control and the
   * row locks (MariaDB's `lock_count` writes) are counted apart: they differ between engines.
   */
  it('runs an apply and an upload in a fixed number of statements, reading nothing twice', async () => {
    const formationId = await offre.formation();
    const pieceId = (await request(t.http).post('/api/offre/gestion/pieces').set(bearer(scol)).send({ code: 'RUSH-P', libelle: 'Relevé', commun: false, centreId: offre.centreId, formationIds: [formationId] }).expect(201)).body.id as number;
    const { token } = await candidatComplet(t, campagne, 'Rush', 'Léo');
    const pdf = await pdfDePages('rush', 1);
    let id = 0;
    const apply = await instructions(async () => {
      id = (await request(t.http).post('/api/candidat/candidatures').set(bearer(token)).send({ formationId }).expect(201)).body.id as number;
    });
    const upload = await instructions(() =>
      request(t.http).put(`/api/candidat/candidatures/${id}/pieces/${pieceId}/fichier`).set(bearer(token)).attach('fichier', pdf, 'r.pdf').expect(200),
    );
    const propres = (l: string[]) => l.filter((q) => !/^\s*(BEGIN|START TRANSACTION|COMMIT)|lock_count/i.test(q));
    const tables = (l: string[], motif: RegExp) => l.filter((q) => motif.test(q)).length;
    expect(propres(apply)).toHaveLength(17);
    expect(tables(apply, /^\s*SELECT .* FROM [`"]compte_candidat[`"] [`"]CompteCandidat[`"]/s)).toBe(1);
    expect(tables(apply, /SELECT DISTINCT/)).toBe(0);
    expect(tables(apply, /nom_recherche[`"]? = \(SELECT/)).toBe(0);
    for (const l of [apply, upload]) {
      l.forEach((q, n) => {
        if (/^\s*INSERT/i.test(q)) expect(l[n + 1] ?? '').not.toMatch(/^\s*SELECT .* WHERE [`"]\w+[`"]\.[`"]id[`"] = /s);
      });
    }
    expect(propres(upload)).toHaveLength(15);
  });
});
