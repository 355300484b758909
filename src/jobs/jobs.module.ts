import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { MailModule } from '../mail/mail.module';
import { EnvoiMailsJob } from './envoi-mails.job';
import { JobRunner } from './job-runner.service';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Module({
  imports: [ScheduleModule.forRoot(), MailModule],
  controllers: [JobsController],
  providers: [JobRunner, JobsService, EnvoiMailsJob],
  exports: [JobRunner, JobsService],
})
export class JobsModule {}
