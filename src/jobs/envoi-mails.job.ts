import { Inject, Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { AppConfig, appConfig } from '../config';
import { OutboxService } from '../mail/outbox.service';
import { JobRunner } from './job-runner.service';

export const ENVOI_MAILS = 'envoi-mails';

/** Delivers the mail outbox every 10 seconds, on one instance at a time. */
@Injectable()
export class EnvoiMailsJob {
  constructor(
    private readonly runner: JobRunner,
    private readonly outbox: OutboxService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_10_SECONDS, { name: ENVOI_MAILS, timeZone: 'Europe/Paris', waitForCompletion: true })
  async tick(): Promise<void> {
    // Nothing due: no lease, no run recorded (six ticks a minute would bury the history).
    if (!this.app.jobsEnabled || !(await this.outbox.hasDue())) return;
    await this.runner.run(ENVOI_MAILS, async () => ({ ...(await this.outbox.deliverDue()) }), 120);
  }
}
