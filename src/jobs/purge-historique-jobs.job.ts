import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobsService, PURGE_HISTORIQUE_JOBS, SCHEDULES } from './jobs.service';

/** Every night at 23:00 Paris time, on one instance: job runs older than 30 days are deleted, in batches. */
@Injectable()
export class PurgeHistoriqueJobsJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[PURGE_HISTORIQUE_JOBS], { name: PURGE_HISTORIQUE_JOBS, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(PURGE_HISTORIQUE_JOBS);
  }
}
