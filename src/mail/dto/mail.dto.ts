import { ApiProperty } from '@nestjs/swagger';
import { StatutMail } from '../entities/mail-outbox.entity';

/** A mail the service wrote to someone (right of access): what, to whom, when, whether it left. */
export class MailEnvoyeDto {
  /** Mail code of the reference system @example "CPT_MIN_CREATE" */
  code: string;
  destinataire: string;
  sujet: string;
  @ApiProperty({ enum: StatutMail, enumName: 'StatutMail', description: 'Waiting (retried during an SMTP outage), sent, or given up' })
  statut: StatutMail;
  createdAt: string;
  envoyeAt: string | null;
}
