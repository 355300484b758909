import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Langue } from '../../common/i18n/langue';
import { Campagne } from '../../offre/entities/campagne.entity';

/** A candidate's account for one campaign; the numéro de dossier is the login. */
@Entity('compte_candidat')
@Index('compte_candidat_numero_dossier_uq', ['numeroDossier'], { unique: true })
@Index('compte_candidat_campagne_email_uq', ['campagneId', 'emailNormalise'], { unique: true })
@Index('compte_candidat_activation_token_hash_idx', ['activationTokenHash'])
@Index('compte_candidat_activation_deadline_idx', ['active', 'activationDeadline'])
@Index('compte_candidat_reset_token_hash_idx', ['resetTokenHash'])
@Index('compte_candidat_campagne_cas_login_uq', ['campagneId', 'casLogin'], { unique: true })
@Index('compte_candidat_email_token_hash_idx', ['emailTokenHash'])
// The staff search of accounts: a campaign's, newest first.
@Index('compte_candidat_campagne_id_idx', ['campagneId', 'id'])
export class CompteCandidat {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  campagneId: number;

  @ManyToOne(() => Campagne, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'campagne_id', foreignKeyConstraintName: 'compte_candidat_campagne_fk' })
  campagne?: Campagne;

  /** Issued in capitals; typed values are folded to them (cleNumeroDossier); utf8mb4_bin on MariaDB */
  @Column({ type: 'varchar', length: 8 })
  numeroDossier: string;

  /** As typed */
  @Column({ type: 'varchar', length: 255 })
  email: string;

  /** The address's key (cleIdentifiant): every spelling of it finds the account, and the unique index holds for all (utf8mb4_bin on MariaDB) */
  @Column({ type: 'varchar', length: 255 })
  emailNormalise: string;

  @Column({ type: 'varchar', length: 100 })
  nom: string;

  @Column({ type: 'varchar', length: 100 })
  prenom: string;

  /** argon2id; null for an account opened through CAS (no password until one is set through a reset link) */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'boolean', default: false })
  active: boolean;

  @Column({ type: 'varchar', length: 64, nullable: true })
  activationTokenHash: string | null;

  /** Not activated by then, the account is purged */
  @Column({ type: 'datetime' })
  activationDeadline: Date;

  @Column({ type: 'datetime', nullable: true })
  activatedAt: Date | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  /** Password-reset link: single use, 2 hours */
  @Column({ type: 'varchar', length: 64, nullable: true })
  resetTokenHash: string | null;

  @Column({ type: 'datetime', nullable: true })
  resetExpiresAt: Date | null;

  /** New address waiting for the link sent to it; until then the account cannot log in */
  @Column({ type: 'varchar', length: 255, nullable: true })
  emailNouveau: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  emailTokenHash: string | null;

  @Column({ type: 'datetime', nullable: true })
  emailTokenExpiresAt: Date | null;

  /** Language of the candidate's mails and letters: chosen when the account is created, changed with the identity */
  @Column({ type: 'simple-enum', enum: Langue, default: Langue.FR })
  langue: Langue;

  /** CAS login (lower case) of an account opened or linked through CAS; unique in the campaign */
  @Column({ type: 'varchar', length: 100, nullable: true })
  casLogin: string | null;

  /** Incremented by lockRows (src/database/row-lock.ts), whose lock is this write; never read */
  @Column({ type: 'integer', default: 0, select: false })
  lockCount?: number;
}
