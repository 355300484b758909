import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ARCHIVAGE_CAMPAGNES, JobsService, SCHEDULES } from './jobs.service';

/** Every night at 00:05 Paris time, on one instance: campaigns planned for the day are put in service, the old one archived. */
@Injectable()
export class ArchivageCampagnesJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[ARCHIVAGE_CAMPAGNES], { name: ARCHIVAGE_CAMPAGNES, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(ARCHIVAGE_CAMPAGNES);
  }
}
