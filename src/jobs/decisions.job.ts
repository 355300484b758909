import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { DESISTEMENT_AUTO, JobsService, RELANCE_CONFIRMATION, SCHEDULES } from './jobs.service';

/** Every night at 00:10 Paris time, on one instance: unanswered favourable decisions past their deadline are withdrawn. */
@Injectable()
export class DesistementAutoJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[DESISTEMENT_AUTO], { name: DESISTEMENT_AUTO, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(DESISTEMENT_AUTO);
  }
}

/** Every morning at 08:00 Paris time, on one instance: the reminder before the confirmation deadline. */
@Injectable()
export class RelanceConfirmationJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[RELANCE_CONFIRMATION], { name: RELANCE_CONFIRMATION, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(RELANCE_CONFIRMATION);
  }
}
