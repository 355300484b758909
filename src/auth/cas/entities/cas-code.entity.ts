import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CompteCandidat } from '../../entities/compte-candidat.entity';
import { Utilisateur } from '../../entities/utilisateur.entity';

/**
 * A one-time code the CAS callback hands to the front-end in its redirect, instead of a session token that would
 * stay in the browser's history and in logs. Only its SHA-256 is stored; it is exchanged once, within 60 seconds.
 */
@Entity('cas_code')
@Index('cas_code_code_hash_uq', ['codeHash'], { unique: true })
@Index('cas_code_utilisateur_id_idx', ['utilisateurId'])
@Index('cas_code_compte_candidat_id_idx', ['compteCandidatId'])
@Index('cas_code_expires_at_idx', ['expiresAt'])
export class CasCode {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  /** Set for a member of staff */
  @Column({ type: 'integer', nullable: true })
  utilisateurId: number | null;

  @ManyToOne(() => Utilisateur, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'utilisateur_id', foreignKeyConstraintName: 'cas_code_utilisateur_fk' })
  utilisateur?: Utilisateur;

  /** Set for a candidate */
  @Column({ type: 'integer', nullable: true })
  compteCandidatId: number | null;

  @ManyToOne(() => CompteCandidat, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'compte_candidat_id', foreignKeyConstraintName: 'cas_code_compte_candidat_fk' })
  compteCandidat?: CompteCandidat;

  @Column({ type: 'datetime' })
  expiresAt: Date;
}
