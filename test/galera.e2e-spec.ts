import { EntityManager, LessThan } from 'typeorm';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { Role } from '../src/common/auth/roles';
import { Avis } from '../src/candidature/entities/avis.entity';
import { Candidature } from '../src/candidature/entities/candidature.entity';
import { lockRows } from '../src/database/row-lock';
import { JobRun, StatutJobRun } from '../src/jobs/entities/job-run.entity';
import { JobsService, PURGE_COMPTES } from '../src/jobs/jobs.service';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { Formation } from '../src/offre/entities/formation.entity';
import { api } from './support/api';
import { createCampagne, createCandidat } from './support/factories';
import { GaleraCluster } from './support/galera-cluster';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';
import { TestClock } from './support/test-clock';

const ENV = { JOBS_ENABLED: 'true', THROTTLE_IP_PER_MINUTE: '100000', THROTTLE_ACCOUNT_PER_15_MIN: '1000' };
const DATABASE = 'cand_galera';

/**
 * The database on a replicated engine: two API instances on two nodes of a three-node MariaDB Galera cluster of this
 * file's own (test/support/galera-cluster.ts). Galera has no cross-node row lock: SELECT … FOR UPDATE locks only on
 * its node, and two transactions writing the same row (or unique key) on two nodes both run, the second to commit
 * failing certification with a deadlock error (1213). The uniqueness of a candidature, the promotions from the liste
 * complémentaire and the job lease must still hold, through the unique index, the rows each change writes and the
 * retry of conflicting transactions and statements (src/database/lock-conflict-retry.ts). jest.config.js runs this
 * file in the MariaDB run only.
 */
describe('Galera: two instances on two nodes of a cluster', () => {
  let cluster: GaleraCluster | undefined;
  let a: TestApp | undefined;
  let b: TestApp | undefined;
  let instances: TestApp[];
  let campagne: Campagne;
  let staff: string;
  let offre: Offre;
  const started = Date.now();

  beforeAll(async () => {
    // A machine without galera-4 fails here, in CI as anywhere: .ci/run installs it.
    cluster = await GaleraCluster.start(3);
    const clusterReadyMs = Date.now() - started;
    const [n1, n2] = cluster.nodes;
    const database = await n1.createDatabase(DATABASE);
    const clock = new TestClock();
    const shared = { engine: 'mariadb' as const, fromTemplate: database.fromTemplate, drop: async () => undefined };
    a = await startTestApp(ENV, { database: { ...shared, url: database.url }, clock });
    b = await startTestApp(ENV, { database: { ...shared, url: n2.url(DATABASE) }, clock });
    instances = [a, b];
    campagne = await createCampagne(a);
    ({ staff } = await staffConnecte(a, { staff: ['scol.galera', [Role.SCOL_CENTRALE]] }));
    offre = await creerOffre(a, staff);
    process.stdout.write(`Galera: cluster ready in ${clusterReadyMs} ms, set-up done in ${Date.now() - started} ms\n`);
  }, 150_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await cluster?.destroy();
    process.stdout.write(`Galera: spec done in ${Date.now() - started} ms\n`);
  }, 30_000);

  /** The instance of the i-th of concurrent requests: every other one on each node. */
  const instance = (i: number) => instances[i % 2];

  /**
   * Reads on `t`'s node once it has applied every write the cluster committed before (`wsrep_sync_wait=1`). A node
   * applies the other nodes' commits asynchronously, so a plain read right after a request served by the other node
   * may miss its last write (README, "replicated engine"): the checks below read what the cluster holds.
   */
  const aJour = async <T>(t: TestApp, read: (em: EntityManager) => Promise<T>): Promise<T> => {
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query('SET SESSION wsrep_sync_wait = 1');
      return await read(runner.manager);
    } finally {
      await runner.query('SET SESSION wsrep_sync_wait = 0');
      await runner.release();
    }
  };

  it('every table of the schema is InnoDB with a primary key, and the nodes replicate it', async () => {
    const tables = await cluster!.nodes[2].query<{ name: string; engine: string; pk: number }>(
      `SELECT t.table_name AS name, t.engine AS engine,
              (SELECT COUNT(*) FROM information_schema.table_constraints c
                WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY') AS pk
         FROM information_schema.tables t WHERE t.table_schema = '${DATABASE}' AND t.table_type = 'BASE TABLE' ORDER BY t.table_name`,
    );
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.filter((t) => t.engine !== 'InnoDB' || Number(t.pk) !== 1)).toEqual([]);
  });

  it('20 concurrent applies of one candidate, split across the two nodes, give one candidature and 19 409 problems', async () => {
    const x = await candidatComplet(a!, campagne, 'Galera', 'Un');
    const formationId = await offre.formation();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => api(instance(i), x.token).post('candidat/candidatures', { formationId })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    for (const r of answers.filter((r) => r.status === 409)) expect(r.body.code).toBe('CANDIDATURE_EXISTANTE');
    for (const t of instances) expect(await aJour(t, (em) => em.getRepository(Candidature).countBy({ formationId }))).toBe(1);
  });

  it('a row lock holds across nodes: two transactions that lock a formation, count, then write when none, write once', async () => {
    // SELECT … FOR UPDATE would lock on each node only: both transactions would count 0 and both commit their row
    // (write skew). lockRows writes the locked row instead, so the second to commit fails certification, runs again
    // (the data source's retry) and counts the first's row.
    const formationId = await offre.formation();
    const name = `verrou-${formationId}`;
    let lecteurs = 2;
    let lus!: () => void;
    const tousLus = new Promise<void>((resolve) => (lus = resolve));
    const verifierPuisEcrire = (t: TestApp) => {
      let premierEssai = true;
      return t.dataSource.transaction(async (em) => {
        await lockRows(em, Formation, { id: formationId });
        const deja = await em.getRepository(JobRun).countBy({ name });
        // Both first attempts have counted before either writes: the race, made certain.
        if (premierEssai) {
          premierEssai = false;
          if (--lecteurs === 0) lus();
          await tousLus;
        }
        if (deja === 0) await em.getRepository(JobRun).insert({ name, holder: String(instances.indexOf(t)), startedAt: new Date(), status: StatutJobRun.SUCCES });
      });
    };
    await Promise.all(instances.map(verifierPuisEcrire));
    for (const t of instances) expect(await aJour(t, (em) => em.getRepository(JobRun).countBy({ name }))).toBe(1);
  });

  it('10 concurrent withdrawals, split across the two nodes, promote 10 distinct candidates of the liste complémentaire', async () => {
    const formationId = await offre.formation({ listeComplementaire: true, delaiConfirmationListeComplementaire: 8 });
    const candidats = (n: number, nom: string) =>
      Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const c = await candidatComplet(instance(i), campagne, `${nom}${i + 1}`, 'Galera');
          return { ...c, id: (await api(instance(i), c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id as number };
        }),
      );
    const admis = await candidats(10, 'Admis');
    const liste = await candidats(15, 'Attente');
    const gestion = api(a!, staff);
    await gestion.post('candidatures/avis', { candidatureIds: admis.map((c) => c.id), type: 'FA' }).expect(201);
    for (const [i, c] of liste.entries()) await gestion.post('candidatures/avis', { candidatureIds: [c.id], type: 'LC', rang: i + 1 }).expect(201);
    await gestion.post('candidatures/avis/validation', { candidatureIds: [...admis, ...liste].map((c) => c.id) }).expect(200);

    const answers = await Promise.all(admis.map((c, i) => api(instance(i), c.token).post(`candidat/candidatures/${c.id}/desistement`)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));

    for (const t of instances) {
      const [avis, restants] = await aJour(t, (em) =>
        Promise.all([em.getRepository(Avis).findBy({ creePar: 'autoListComp' }), em.getRepository(Candidature).find({ where: liste.slice(10).map((c) => ({ id: c.id })) })]),
      );
      const promus = avis.map((a) => a.candidatureId);
      expect(new Set(promus).size).toBe(promus.length);
      // The best ranked were promoted; the 5 others keep their place, ranked 1 to 5.
      expect(promus.sort((x, y) => x - y)).toEqual(liste.slice(0, 10).map((c) => c.id).sort((x, y) => x - y));
      const rang = new Map(restants.map((c) => [c.id, c.rangListeComplementaire]));
      expect(liste.slice(10).map((c) => rang.get(c.id))).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('one job tick fired on both instances at once runs once', async () => {
    const comptes = a!.dataSource.getRepository(CompteCandidat);
    for (let i = 0; i < 5; i++) {
      const compte = await createCandidat(a!, campagne);
      if (i < 3) await comptes.update({ id: compte.id }, { active: false, activationDeadline: new Date(a!.clock.now().getTime() - 60_000) });
    }
    const [ra, rb] = await Promise.all(instances.map((t) => t.app.get(JobsService).tick(PURGE_COMPTES)));
    expect([ra, rb].filter((r) => r !== null)).toHaveLength(1);
    for (const t of instances) {
      const [runs, restants] = await aJour(t, (em) =>
        Promise.all([
          em.getRepository(JobRun).findBy({ name: PURGE_COMPTES }),
          em.getRepository(CompteCandidat).count({ where: { active: false, activationDeadline: LessThan(a!.clock.now()) } }),
        ]),
      );
      expect(runs.map((r) => JSON.parse(r.counts ?? '{}'))).toEqual([{ supprimes: 3, lots: 1 }]);
      expect(restants).toBe(0);
    }
  });
});
