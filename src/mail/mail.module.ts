import { Module } from '@nestjs/common';
import { MailTransport } from './mail.transport';
import { ModelesMailController } from './modeles/modeles-mail.controller';
import { ModelesMailService } from './modeles/modeles-mail.service';
import { OutboxService } from './outbox.service';
import { PiecesJointes } from './pieces-jointes';

@Module({ controllers: [ModelesMailController], providers: [MailTransport, OutboxService, PiecesJointes, ModelesMailService], exports: [OutboxService, PiecesJointes] })
export class MailModule {}
