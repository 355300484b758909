import { Module } from '@nestjs/common';
import { MailTransport } from './mail.transport';
import { OutboxService } from './outbox.service';
import { PiecesJointes } from './pieces-jointes';

@Module({ providers: [MailTransport, OutboxService, PiecesJointes], exports: [OutboxService, PiecesJointes] })
export class MailModule {}
