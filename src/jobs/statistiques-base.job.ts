import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobsService, SCHEDULES, STATISTIQUES_BASE } from './jobs.service';

/** Every night at 04:45 Paris time, on one instance: the optimizer's statistics of the filtered columns are refreshed. */
@Injectable()
export class StatistiquesBaseJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[STATISTIQUES_BASE], { name: STATISTIQUES_BASE, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(STATISTIQUES_BASE);
  }
}
