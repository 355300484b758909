import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Langue } from '../../../common/i18n/langue';

/**
 * A mail text changed by staff, for one mail code and one language: it replaces the shipped text (in code,
 * src/mail/templates) until it is deleted. Read when each mail is written to the outbox, so a change reaches the next
 * mail on every instance.
 */
@Entity('modele_mail')
@Index('modele_mail_code_langue_uq', ['code', 'langue'], { unique: true })
export class ModeleMail {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Reference mail code (CPT_MIN_CREATE…) */
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'simple-enum', enum: Langue })
  langue: Langue;

  @Column({ type: 'varchar', length: 500 })
  sujet: string;

  // `text` (64 KiB on MariaDB), like the outbox's body it is rendered into.
  @Column({ type: 'text' })
  corps: string;

  /** Login of the member of staff who saved it */
  @Column({ type: 'varchar', length: 100 })
  updatedBy: string;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
