import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Interval, SchedulerRegistry } from '@nestjs/schedule';
import { CronTime } from 'cron';
import { AppConfig, appConfig } from '../config';
import { JobsService, SCHEDULES } from './jobs.service';

/** How often each instance re-reads the administrators' schedules. */
export const RELECTURE_PLANIFICATION_MS = 15_000;

/**
 * Makes this instance's scheduler follow the schedules administrators set (job_reglage): read at start-up and every
 * 15 seconds, each cron whose expression differs is re-timed in place. Pauses need nothing here: each tick reads them.
 * An instance whose jobs are off (JOBS_ENABLED=false: the admin commands, most tests) stops every cron and interval at
 * start-up, so none fires, holds the process or warns of a missed tick.
 */
@Injectable()
export class PlanificationJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(PlanificationJobs.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly registry: SchedulerRegistry,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.app.jobsEnabled) return this.arreterTout();
    await this.synchroniser().catch((error: unknown) => this.logger.warn({ err: error }, 'Planification des jobs non relue au démarrage'));
  }

  @Interval(RELECTURE_PLANIFICATION_MS)
  async relire(): Promise<void> {
    await this.synchroniser().catch((error: unknown) => this.logger.warn({ err: error }, 'Planification des jobs non relue'));
  }

  private arreterTout(): void {
    for (const cron of this.registry.getCronJobs().values()) cron.stop();
    for (const name of this.registry.getIntervals()) this.registry.deleteInterval(name);
  }

  /** Re-times the crons whose schedule changed; answers the names re-timed. */
  async synchroniser(): Promise<string[]> {
    if (!this.app.jobsEnabled) return [];
    const reglages = await this.jobs.reglages();
    const changes: string[] = [];
    for (const [name, defaut] of Object.entries(SCHEDULES)) {
      if (!this.registry.doesExist('cron', name)) continue;
      const cron = this.registry.getCronJob(name);
      const voulu = reglages.get(name)?.schedule ?? defaut;
      if (String(cron.cronTime.source) === voulu) continue;
      cron.setTime(new CronTime(voulu, 'Europe/Paris'));
      changes.push(name);
      this.logger.log(`Job ${name} : planification « ${voulu} »`);
    }
    return changes;
  }
}
