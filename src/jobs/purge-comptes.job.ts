import { Inject, Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AppConfig, appConfig } from '../config';
import { JobsService, PURGE_COMPTES } from './jobs.service';

/** Every night at 03:00 Paris time, on one instance: accounts never activated in time are deleted. */
@Injectable()
export class PurgeComptesJob {
  constructor(
    private readonly jobs: JobsService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  @Cron('0 0 3 * * *', { name: PURGE_COMPTES, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    if (this.app.jobsEnabled) await this.jobs.trigger(PURGE_COMPTES);
  }
}
