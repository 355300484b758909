import { SchedulerRegistry } from '@nestjs/schedule';
import { LessThan } from 'typeorm';
import { ScratchDatabase, createScratchDatabase } from '../scripts/lib/scratch-database';
import { Clock } from '../src/common/clock/clock';
import { Role } from '../src/common/auth/roles';
import { JobsService, PURGE_CAMPAGNES_ARCHIVEES, PURGE_COMPTES, ARCHIVAGE_CAMPAGNES, PURGE_HISTORIQUE_JOBS, SCHEDULES } from '../src/jobs/jobs.service';
import { PlanificationJobs } from '../src/jobs/planification-jobs.service';
import { api } from './support/api';
import { staffConnecte } from './support/parcours';
import { TestClock } from './support/test-clock';
import { JobLease } from '../src/jobs/entities/job-lease.entity';
import { JobRun, StatutJobRun } from '../src/jobs/entities/job-run.entity';
import { JobRunner } from '../src/jobs/job-runner.service';
import { TestApp, startTestApp } from './support/test-app';

describe('Job runner', () => {
  let t: TestApp;
  let first: JobRunner;
  let second: JobRunner;

  beforeAll(async () => {
    t = await startTestApp();
    first = t.app.get(JobRunner);
    // A second instance on the same database: its own runner, its own holder id.
    second = new JobRunner(t.dataSource, t.app.get(Clock));
  });
  afterAll(() => t.close());

  const slowJob = (counts: Record<string, number>) => () => new Promise<Record<string, number>>((resolve) => setTimeout(() => resolve(counts), 200));

  it('runs a job fired on two instances at the same moment exactly once, and records the run', async () => {
    const [a, b] = await Promise.all([first.run('purge-test', slowJob({ supprimes: 3 })), second.run('purge-test', slowJob({ supprimes: 3 }))]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    const runs = await t.dataSource.getRepository(JobRun).find({ where: { name: 'purge-test' } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: StatutJobRun.SUCCES, counts: '{"supprimes":3}', error: null });
    expect(runs[0].endedAt).not.toBeNull();
  });

  it('releases the lease after the run, so the next tick runs again', async () => {
    expect(await second.run('purge-test', async () => ({ supprimes: 0 }))).not.toBeNull();
    expect(await t.dataSource.getRepository(JobRun).count({ where: { name: 'purge-test' } })).toBe(2);
  });

  it('records a failure with its message and still releases the lease', async () => {
    const run = await first.run('job-en-echec', async () => {
      throw new Error('SMTP injoignable');
    });
    expect(run).toMatchObject({ status: StatutJobRun.ECHEC, error: 'SMTP injoignable' });
    expect(await second.run('job-en-echec', async () => ({}))).not.toBeNull();
  });

  it('takes over the lease of a crashed holder once it has expired', async () => {
    const leases = t.dataSource.getRepository(JobLease);
    await leases.save({ name: 'job-orphelin', holder: 'instance-morte', leaseUntil: new Date(t.clock.now().getTime() + 60_000) });
    expect(await first.run('job-orphelin', async () => ({}))).toBeNull();
    t.clock.advance({ minutes: 2 });
    expect(await first.run('job-orphelin', async () => ({}))).not.toBeNull();
  });

  it('starts no cron on an instance whose jobs are off (JOBS_ENABLED=false: commands, this test app), so none fires or warns', () => {
    const crons = [...t.app.get(SchedulerRegistry).getCronJobs().values()];
    expect(crons.length).toBeGreaterThan(0);
    expect(crons.filter((cron) => cron.isActive)).toEqual([]);
    expect(t.app.get(SchedulerRegistry).getIntervals()).toEqual([]);
  });

  it('renews the lease of a run that outlasts it, and tells the work when another instance took it over', async () => {
    t.clock.flow();
    const leases = t.dataSource.getRepository(JobLease);
    let aborted = false;
    // A 2-second lease (whole seconds on MariaDB) for 4 seconds of work: only its renewal keeps it.
    const long = first.run(
      'job-long',
      (signal) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => (aborted = true));
          setTimeout(() => resolve({ faits: 1 }), 4000);
        }),
      2,
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await second.run('job-long', async () => ({}))).toBeNull();
    expect(aborted).toBe(false);
    // Taken over (as if the holder had frozen past its lease): the work is told, and the run still ends recorded.
    await leases.update({ name: 'job-long' }, { holder: 'autre-instance', leaseUntil: new Date(t.clock.now().getTime() + 60_000) });
    expect(await long).toMatchObject({ status: StatutJobRun.SUCCES, counts: '{"faits":1}' });
    expect(aborted).toBe(true);
    // The release leaves the other instance's lease alone.
    expect(await leases.findOneByOrFail({ name: 'job-long' })).toMatchObject({ holder: 'autre-instance' });
  });
});

/**
 * Issue 17, item 6: the registry is the only source of job names; administrators pause a job or override its
 * schedule (stored, followed by every instance); each job's runs are listed page by page; runs older than 30 days
 * are purged in batches by a nightly job.
 */
describe('Jobs: registry, settings on every instance, run history', () => {
  let database: ScratchDatabase;
  let a: TestApp;
  /** A second instance on the same database */
  let b: TestApp;
  let tokens: Record<'admin' | 'scol', string>;

  beforeAll(async () => {
    database = await createScratchDatabase(undefined, { sqliteFile: true });
    const clock = new TestClock();
    clock.set('2026-11-20T10:00:00Z');
    // Jobs enabled on both, as in production; the test drives ticks and schedule re-reads itself.
    a = await startTestApp({ JOBS_ENABLED: 'true' }, { database, clock });
    b = await startTestApp({ JOBS_ENABLED: 'true' }, { database, clock });
    tokens = await staffConnecte(a, { admin: ['jobs.admin', [Role.ADMIN]], scol: ['jobs.scol', [Role.SCOL_CENTRALE]] });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await database.drop();
  });

  const admin = () => api(a, tokens.admin);

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'inconnu'])('answers 404 for « %s », which is no job of the registry', async (name) => {
    const run = await admin().post(`admin/jobs/${name}/run`).expect(404);
    expect(run.body.code).toBe('JOB_INCONNU');
    await admin().get(`admin/jobs/${name}/runs`).expect(404);
    await admin().put(`admin/jobs/${name}`, { actif: false }).expect(404);
    await expect(a.app.get(JobsService).tick(name)).rejects.toThrow(/Aucun job/);
  });

  it('lists every job of the registry with its settings', async () => {
    const jobs = (await admin().get('admin/jobs').expect(200)).body as { name: string; actif: boolean; schedule: string; scheduleParDefaut: string }[];
    expect(jobs.map((j) => j.name)).toEqual(expect.arrayContaining([PURGE_COMPTES, PURGE_HISTORIQUE_JOBS, PURGE_CAMPAGNES_ARCHIVEES]));
    expect(jobs.find((j) => j.name === PURGE_COMPTES)).toMatchObject({ actif: true, schedule: SCHEDULES[PURGE_COMPTES], scheduleParDefaut: SCHEDULES[PURGE_COMPTES] });
  });

  it('lets administrators only change a job', async () => {
    await api(a, tokens.scol).put(`admin/jobs/${PURGE_COMPTES}`, { actif: false }).expect(403);
    await api(a, tokens.scol).get(`admin/jobs/${PURGE_COMPTES}/runs`).expect(403);
    await api(a).put(`admin/jobs/${PURGE_COMPTES}`, { actif: false }).expect(401);
  });

  it('pauses a job on every instance, and resumes it; a paused job still runs at an administrator’s request', async () => {
    const paused = await admin().put(`admin/jobs/${PURGE_COMPTES}`, { actif: false }).expect(200);
    expect(paused.body).toMatchObject({ name: PURGE_COMPTES, actif: false, schedule: SCHEDULES[PURGE_COMPTES] });
    expect(await b.app.get(JobsService).tick(PURGE_COMPTES)).toBeNull();
    a.clock.advance({ seconds: 1 });
    expect(await a.app.get(JobsService).tick(PURGE_COMPTES)).toBeNull();
    await admin().post(`admin/jobs/${PURGE_COMPTES}/run`).expect(200);

    await admin().put(`admin/jobs/${PURGE_COMPTES}`, { actif: true }).expect(200);
    a.clock.advance({ seconds: 1 });
    expect(await b.app.get(JobsService).tick(PURGE_COMPTES)).toMatchObject({ status: StatutJobRun.SUCCES });
  });

  it('overrides a schedule: every instance re-times its cron, with no restart; null goes back to the default', async () => {
    const cron = (t: TestApp) => String(t.app.get(SchedulerRegistry).getCronJob(PURGE_COMPTES).cronTime.source);
    const res = await admin().put(`admin/jobs/${PURGE_COMPTES}`, { schedule: '0 0 4 * * *' }).expect(200);
    // A schedule alone leaves the job enabled as it was.
    expect(res.body).toMatchObject({ actif: true, schedule: '0 0 4 * * *', scheduleParDefaut: SCHEDULES[PURGE_COMPTES] });
    // What b's own 15-second re-read does (it may already have done it).
    await b.app.get(PlanificationJobs).synchroniser();
    expect(cron(b)).toBe('0 0 4 * * *');
    expect(await b.app.get(PlanificationJobs).synchroniser()).toEqual([]);

    const bad = await admin().put(`admin/jobs/${PURGE_COMPTES}`, { schedule: 'tous les jours' }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'schedule', message: expect.stringContaining('cron') }]);

    await admin().put(`admin/jobs/${PURGE_COMPTES}`, { schedule: null }).expect(200);
    await b.app.get(PlanificationJobs).synchroniser();
    expect(cron(b)).toBe(SCHEDULES[PURGE_COMPTES]);
  });

  // A job no real cron fires during a test run (00:05, Paris time).
  it('lists a job’s runs page by page, latest first', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      a.clock.advance({ seconds: 1 });
      ids.push((await admin().post(`admin/jobs/${ARCHIVAGE_CAMPAGNES}/run`).expect(200)).body.id);
    }
    const first = (await admin().get(`admin/jobs/${ARCHIVAGE_CAMPAGNES}/runs?limit=2`).expect(200)).body;
    expect(first).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect(first.items.map((r: { id: number }) => r.id)).toEqual([ids[2], ids[1]]);
    const second = (await admin().get(`admin/jobs/${ARCHIVAGE_CAMPAGNES}/runs?page=2&limit=2`).expect(200)).body;
    expect(second.items.map((r: { id: number }) => r.id)).toEqual([ids[0]]);
    expect(second.items[0]).toMatchObject({ name: ARCHIVAGE_CAMPAGNES, status: 'SUCCES' });
    await admin().get(`admin/jobs/${ARCHIVAGE_CAMPAGNES}/runs?limit=500`).expect(400);
  });

  it('purges, every night, the runs older than 30 days, in batches, and keeps the others', async () => {
    const runs = a.dataSource.getRepository(JobRun);
    const now = a.clock.now().getTime();
    const run = (days: number) => ({ name: 'envoi-mails', holder: 'test', startedAt: new Date(now - days * 86_400_000), endedAt: null, status: StatutJobRun.SUCCES, counts: null, error: null });
    await runs.save([run(45), run(31), run(30.5), run(29), run(1)]);
    const before = await runs.count();
    const res = await admin().post(`admin/jobs/${PURGE_HISTORIQUE_JOBS}/run`).expect(200);
    expect(res.body).toMatchObject({ status: 'SUCCES', counts: { supprimes: 3 } });
    expect(await runs.count()).toBe(before - 3 + 1);
    expect(await runs.countBy({ startedAt: LessThan(new Date(now - 30 * 86_400_000)) })).toBe(0);
    expect(await runs.countBy({ holder: 'test' })).toBe(2);
  });
});
