import { Module } from '@nestjs/common';
import { MailTransport } from './mail.transport';
import { OutboxService } from './outbox.service';

@Module({ providers: [MailTransport, OutboxService], exports: [OutboxService] })
export class MailModule {}
