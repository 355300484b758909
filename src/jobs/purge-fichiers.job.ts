import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobsService, PURGE_FICHIERS, SCHEDULES } from './jobs.service';

/** Every night at 03:30 Paris time, on one instance: stored files no pièce refers to any more, a day old, are deleted. */
@Injectable()
export class PurgeFichiersJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[PURGE_FICHIERS], { name: PURGE_FICHIERS, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(PURGE_FICHIERS);
  }
}
