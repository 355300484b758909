import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CompteCandidat } from './compte-candidat.entity';
import { Utilisateur } from './utilisateur.entity';

/** An opaque bearer session: only the SHA-256 of the token is stored. */
@Entity('session')
@Index('session_token_hash_uq', ['tokenHash'], { unique: true })
@Index('session_utilisateur_id_idx', ['utilisateurId'])
@Index('session_compte_candidat_id_idx', ['compteCandidatId'])
export class Session {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** Set for a member of staff */
  @Column({ type: 'integer', nullable: true })
  utilisateurId: number | null;

  @ManyToOne(() => Utilisateur, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'utilisateur_id', foreignKeyConstraintName: 'session_utilisateur_fk' })
  utilisateur?: Utilisateur;

  /** Set for a candidate */
  @Column({ type: 'integer', nullable: true })
  compteCandidatId: number | null;

  @ManyToOne(() => CompteCandidat, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'compte_candidat_id', foreignKeyConstraintName: 'session_compte_candidat_fk' })
  compteCandidat?: CompteCandidat;

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
