import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { DESISTEMENT_AUTO, JobsService, RELANCE_CONFIRMATION, RELANCE_RETOUR, SCHEDULES } from './jobs.service';

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

/** Every morning at 08:15 Paris time, on one instance: the reminder before the return date to those who have not transmitted. */
@Injectable()
export class RelanceRetourJob {
  constructor(private readonly jobs: JobsService) {}

  @Cron(SCHEDULES[RELANCE_RETOUR], { name: RELANCE_RETOUR, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    await this.jobs.tick(RELANCE_RETOUR);
  }
}
