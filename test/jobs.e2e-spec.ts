import { Clock } from '../src/common/clock/clock';
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
