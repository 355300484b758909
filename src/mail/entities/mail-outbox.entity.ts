import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum StatutMail {
  /** Waiting for its first try or for the next one after a failure */
  EN_ATTENTE = 'EN_ATTENTE',
  ENVOYE = 'ENVOYE',
  /** Given up after the last try */
  ECHEC = 'ECHEC',
}

/**
 * A mail to send, written in the same transaction as the change it reports, so that a committed change always has
 * its mail and a rolled-back one never does. The sender job delivers due rows and retries with backoff.
 */
@Entity('mail_outbox')
@Index('mail_outbox_statut_prochain_essai_idx', ['statut', 'prochainEssaiAt'])
@Index('mail_outbox_claim_token_idx', ['claimToken'])
@Index('mail_outbox_destinataire_idx', ['destinataire'])
export class MailOutbox {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Reference mail code (CPT_MIN_CREATE…), for support and statistics */
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  destinataire: string;

  @Column({ type: 'varchar', length: 500 })
  sujet: string;

  // `text` (64 KiB on MariaDB), not `longtext`: TypeORM's better-sqlite3 driver refuses `longtext` in entities.
  @Column({ type: 'text' })
  texte: string;

  @Column({ type: 'text' })
  html: string;

  /** Fixed when the row is written: a retry after an uncertain failure carries the same Message-ID. */
  @Column({ type: 'varchar', length: 255 })
  messageId: string;

  @Column({ type: 'simple-enum', enum: StatutMail, default: StatutMail.EN_ATTENTE })
  statut: StatutMail;

  @Column({ type: 'integer', default: 0 })
  essais: number;

  @Column({ type: 'datetime' })
  prochainEssaiAt: Date;

  /** Set by the sender that claimed the row; another sender may take it once `claimedUntil` has passed. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @Column({ type: 'datetime', nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  derniereErreur: string | null;

  /** An attachment by reference (no bytes here): the resolver registered for this type renders it at send time. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  pieceJointeType: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  pieceJointeRef: string | null;

  @Column({ type: 'datetime', nullable: true })
  envoyeAt: Date | null;

  @Column({ type: 'datetime', default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
