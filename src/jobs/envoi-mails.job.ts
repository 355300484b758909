import { Inject, Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AppConfig, appConfig } from '../config';
import { OutboxService } from '../mail/outbox.service';
import { ENVOI_MAILS, JobsService, SCHEDULES } from './jobs.service';

/** Delivers the mail outbox every 10 seconds, on one instance at a time. */
@Injectable()
export class EnvoiMailsJob {
  constructor(
    private readonly jobs: JobsService,
    private readonly outbox: OutboxService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  @Cron(SCHEDULES[ENVOI_MAILS], { name: ENVOI_MAILS, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    // Nothing due: no lease, no run recorded (six ticks a minute would bury the history).
    if (!this.app.jobsEnabled || !(await this.outbox.hasDue())) return;
    await this.jobs.tick(ENVOI_MAILS);
  }
}
