import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ENVOI_OPI, JobsService, SCHEDULES } from './jobs.service';

/** Every evening at 22:30 Paris time, on one instance: pending OPI are pushed to the SI Scol (reference BATCH_ASYNC_OPI). */
@Injectable()
export class EnvoiOpiJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[ENVOI_OPI], { name: ENVOI_OPI, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(ENVOI_OPI);
  }
}
