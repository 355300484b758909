import { In } from 'typeorm';
import { ComptesService } from '../src/auth/comptes.service';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { inUnitOfWork } from '../src/database/sqlite-gate';
import { JobRun } from '../src/jobs/entities/job-run.entity';
import { JobsService, PURGE_COMPTES } from '../src/jobs/jobs.service';
import { createCampagne, createCandidat } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

/** The nightly purge of unactivated accounts works in batches, each its own short statement, never all at once. */
describe('Purge of unactivated accounts in batches', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'true' });
  });
  afterAll(() => t.close());

  /** 7 accounts past their activation deadline, 1 unactivated still in time, 2 active: answers the ids by kind. */
  async function comptes(): Promise<{ perimes: number[]; gardes: number[] }> {
    const campagne = await createCampagne(t);
    const repo = t.dataSource.getRepository(CompteCandidat);
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push((await createCandidat(t, campagne)).id);
    const passe = new Date(t.clock.now().getTime() - 60_000);
    const futur = new Date(t.clock.now().getTime() + 86_400_000);
    await repo.update({ id: In(ids.slice(0, 7)) }, { active: false, activationDeadline: passe });
    await repo.update({ id: ids[7] }, { active: false, activationDeadline: futur });
    return { perimes: ids.slice(0, 7), gardes: ids.slice(7) };
  }

  afterEach(() => t.dataSource.getRepository(CompteCandidat).clear().catch(() => t.dataSource.query('DELETE FROM compte_candidat')));

  it('purges every expired account of a purge larger than a batch, in several batches, and nothing else', async () => {
    const { perimes, gardes } = await comptes();

    expect(await t.app.get(ComptesService).purgeNonActives(3)).toEqual({ supprimes: 7, lots: 3 });

    const restants = await t.dataSource.getRepository(CompteCandidat).find({ select: { id: true }, order: { id: 'ASC' } });
    expect(restants.map((c) => c.id)).toEqual(gardes);
    expect(restants.some((c) => perimes.includes(c.id))).toBe(false);
  });

  it('lets other work reach the database between batches: a reader sees the purge half done', async () => {
    await comptes();
    const repo = t.dataSource.getRepository(CompteCandidat);
    let fini = false;
    const vus = new Set<number>();
    const purge = inUnitOfWork(() => t.app.get(ComptesService).purgeNonActives(1)).finally(() => (fini = true));
    // Another unit of work (requests), reading the table again and again while the purge runs.
    await inUnitOfWork(async () => {
      while (!fini) {
        vus.add(await repo.count());
        await new Promise((r) => setImmediate(r));
      }
    });

    expect(await purge).toEqual({ supprimes: 7, lots: 7 });
    // Not only "before" (10) and "after" (3): the reader got in between batches.
    expect([...vus].some((n) => n > 3 && n < 10)).toBe(true);
  });

  it('runs as the nightly job with its default batch, and records the batches in the run', async () => {
    await comptes();
    await t.app.get(JobsService).trigger(PURGE_COMPTES);

    const run = await t.dataSource.getRepository(JobRun).findOneOrFail({ where: { name: PURGE_COMPTES }, order: { id: 'DESC' } });
    expect(JSON.parse(run.counts ?? '{}')).toEqual({ supprimes: 7, lots: 1 });
    expect(await t.dataSource.getRepository(CompteCandidat).count()).toBe(3);
  });
});
