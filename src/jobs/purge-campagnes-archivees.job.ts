import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobsService, PURGE_CAMPAGNES_ARCHIVEES, SCHEDULES } from './jobs.service';

/** Every night at 02:15 Paris time, on one instance: campaigns archived longer than RETENTION_JOURS are destroyed. */
@Injectable()
export class PurgeCampagnesArchiveesJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[PURGE_CAMPAGNES_ARCHIVEES], { name: PURGE_CAMPAGNES_ARCHIVEES, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(PURGE_CAMPAGNES_ARCHIVEES);
  }
}
