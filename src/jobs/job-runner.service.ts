import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { renewalIntervalMs, startHeartbeat } from '../common/concurrency/heartbeat';
import { JobLease } from './entities/job-lease.entity';
import { JobRun, StatutJobRun } from './entities/job-run.entity';

export type JobCounts = Record<string, number>;
/** A job's work; `signal` aborts when this instance lost the lease (work that can stop early should). */
export type JobWork = (signal: AbortSignal) => Promise<JobCounts>;

/**
 * Runs a job on one instance at a time and records the run. The lease is a row taken by an atomic
 * `UPDATE … WHERE lease_until < now AND last_slot < slot`: of N instances firing the same cron tick, exactly one
 * gets it and the others skip, even those firing after the first has already finished. While the work runs, its
 * holder renews the lease (six times over its length), so a run longer than the lease keeps it; a crashed holder's
 * lease simply expires. A holder that finds its lease taken (it could not renew in time) tells the work through the
 * AbortSignal it is given.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);
  /** This instance, as written in leases and runs. */
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `work` if this instance gets the lease (and, for a scheduled tick, if nobody ran this `slot` yet); returns
   * the recorded run, or null when another instance holds the lease or already ran the slot.
   */
  async run(name: string, work: JobWork, leaseSeconds = 300, slot?: Date): Promise<JobRun | null> {
    if (!(await this.acquire(name, leaseSeconds, slot))) return null;
    const runs = this.dataSource.getRepository(JobRun);
    const run = await runs.save(
      runs.create({ name, holder: this.holder, startedAt: this.clock.now(), endedAt: null, status: StatutJobRun.EN_COURS, counts: null, error: null }),
    );
    const lost = new AbortController();
    const heartbeat = startHeartbeat(
      renewalIntervalMs(leaseSeconds),
      async () => {
        if (lost.signal.aborted || (await this.renew(name, leaseSeconds))) return;
        this.logger.warn(`Bail du job ${name} perdu pendant son exécution : il s'arrête dès que possible`);
        lost.abort();
      },
      (error) => this.logger.warn({ err: error, job: name }, `Bail du job ${name} non renouvelé`),
    );
    try {
      const counts = await work(lost.signal);
      Object.assign(run, { status: StatutJobRun.SUCCES, counts: JSON.stringify(counts) });
    } catch (error) {
      this.logger.error({ err: error, job: name }, `Échec du job ${name}`);
      Object.assign(run, { status: StatutJobRun.ECHEC, error: String(error instanceof Error ? error.message : error).slice(0, 2000) });
    } finally {
      await heartbeat.stop();
      run.endedAt = this.clock.now();
      await runs.save(run);
      await this.release(name);
    }
    return run;
  }

  private async acquire(name: string, leaseSeconds: number, slot?: Date): Promise<boolean> {
    const now = this.clock.now();
    const leases = this.dataSource.getRepository(JobLease);
    // The row exists once per job; creating it races harmlessly (the loser's insert is ignored).
    await leases.createQueryBuilder().insert().values({ name, holder: null, leaseUntil: new Date(0), lastSlot: new Date(0) }).orIgnore().execute();
    const taken = await leases.update(
      { name, leaseUntil: LessThan(now), ...(slot ? { lastSlot: LessThan(slot) } : {}) },
      { holder: this.holder, leaseUntil: new Date(now.getTime() + leaseSeconds * 1000), ...(slot ? { lastSlot: slot } : {}) },
    );
    return taken.affected === 1;
  }

  /** Extends the lease this instance holds; false when it no longer holds it. */
  private async renew(name: string, leaseSeconds: number): Promise<boolean> {
    const until = new Date(this.clock.now().getTime() + leaseSeconds * 1000);
    return (await this.dataSource.getRepository(JobLease).update({ name, holder: this.holder }, { leaseUntil: until })).affected === 1;
  }

  private async release(name: string): Promise<void> {
    await this.dataSource.getRepository(JobLease).update({ name, holder: this.holder }, { holder: null, leaseUntil: new Date(0) });
  }
}
