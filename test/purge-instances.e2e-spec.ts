import { LessThan } from 'typeorm';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { JobRun } from '../src/jobs/entities/job-run.entity';
import { JobsService, PURGE_COMPTES } from '../src/jobs/jobs.service';
import { ScratchDatabase, createScratchDatabase } from '../scripts/lib/scratch-database';
import { createCampagne, createCandidat } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';
import { TestClock } from './support/test-clock';

/** Two application instances on one database, their nightly cron firing at the same moment. */
describe('Purge of unactivated accounts on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await createScratchDatabase(undefined, { sqliteFile: true });
    const clock = new TestClock();
    // Jobs enabled on both, as in production; the crons themselves are driven by the test through tick().
    a = await startTestApp({ JOBS_ENABLED: 'true' }, { database, clock });
    b = await startTestApp({ JOBS_ENABLED: 'true' }, { database, clock });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    // Neither instance owns the database it shares.
    await database.drop();
  });

  it('runs the purge exactly once when both fire the same tick, and again on the next night', async () => {
    const campagne = await createCampagne(a);
    const comptes = a.dataSource.getRepository(CompteCandidat);
    for (let i = 0; i < 5; i++) {
      const compte = await createCandidat(a, campagne);
      if (i < 3) await comptes.update({ id: compte.id }, { active: false, activationDeadline: new Date(a.clock.now().getTime() - 60_000) });
    }

    const [ra, rb] = await Promise.all([a.app.get(JobsService).tick(PURGE_COMPTES), b.app.get(JobsService).tick(PURGE_COMPTES)]);
    expect([ra, rb].filter((r) => r !== null)).toHaveLength(1);
    // A late instance firing the same tick after the run has ended does not run it again.
    expect(await b.app.get(JobsService).tick(PURGE_COMPTES)).toBeNull();
    const runs = await a.dataSource.getRepository(JobRun).find({ where: { name: PURGE_COMPTES } });
    expect(runs).toHaveLength(1);
    expect(JSON.parse(runs[0].counts ?? '{}')).toEqual({ supprimes: 3, lots: 1 });
    expect(await comptes.count()).toBe(2);
    expect(await comptes.count({ where: { active: false, activationDeadline: LessThan(a.clock.now()) } })).toBe(0);

    a.clock.advance({ days: 1 });
    const next = await Promise.all([b.app.get(JobsService).tick(PURGE_COMPTES), a.app.get(JobsService).tick(PURGE_COMPTES)]);
    expect(next.filter((r) => r !== null)).toHaveLength(1);
    expect(await a.dataSource.getRepository(JobRun).count({ where: { name: PURGE_COMPTES } })).toBe(2);
  });
});
