import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Utilisateur } from './utilisateur.entity';

/** An opaque bearer session: only the SHA-256 of the token is stored. */
@Entity('session')
@Index('session_token_hash_uq', ['tokenHash'], { unique: true })
@Index('session_utilisateur_id_idx', ['utilisateurId'])
export class Session {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'integer' })
  utilisateurId: number;

  @ManyToOne(() => Utilisateur, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'utilisateur_id', foreignKeyConstraintName: 'session_utilisateur_fk' })
  utilisateur?: Utilisateur;

  @Column({ type: 'datetime' })
  createdAt: Date;

  /** Last request seen; the session dies after 30 minutes without one */
  @Column({ type: 'datetime' })
  lastSeenAt: Date;

  /** Absolute end: 12 hours after login whatever the activity */
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
