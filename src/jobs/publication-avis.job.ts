import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobsService, PUBLICATION_AVIS, SCHEDULES } from './jobs.service';

/** Every quarter of an hour, on one instance: validated avis whose publication date has come are shown and mailed. */
@Injectable()
export class PublicationAvisJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[PUBLICATION_AVIS], { name: PUBLICATION_AVIS, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(PUBLICATION_AVIS);
  }
}
