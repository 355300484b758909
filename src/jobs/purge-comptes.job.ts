import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobsService, PURGE_COMPTES, SCHEDULES } from './jobs.service';

/** Every night at 03:00 Paris time, on one instance: accounts never activated in time are deleted. */
@Injectable()
export class PurgeComptesJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[PURGE_COMPTES], { name: PURGE_COMPTES, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(PURGE_COMPTES);
  }
}
