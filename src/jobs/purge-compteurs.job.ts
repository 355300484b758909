import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobsService, PURGE_COMPTEURS, SCHEDULES } from './jobs.service';

/** Every hour, on one instance: throttling counters whose window has ended are deleted. */
@Injectable()
export class PurgeCompteursJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[PURGE_COMPTEURS], { name: PURGE_COMPTEURS, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(PURGE_COMPTEURS);
  }
}
