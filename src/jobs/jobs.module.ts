import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { MailModule } from '../mail/mail.module';
import { EnvoiMailsJob } from './envoi-mails.job';
import { JobRunner } from './job-runner.service';

@Module({
  imports: [ScheduleModule.forRoot(), MailModule],
  providers: [JobRunner, EnvoiMailsJob],
  exports: [JobRunner],
})
export class JobsModule {}
