import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';

/** A job the candidate held (candidat_cursus_pro). */
@Entity('experience_pro')
@Index('experience_pro_compte_candidat_id_idx', ['compteCandidatId'])
export class ExperiencePro {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  compteCandidatId: number;

  @ManyToOne(() => CompteCandidat, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'compte_candidat_id', foreignKeyConstraintName: 'experience_pro_compte_candidat_fk' })
  compteCandidat?: CompteCandidat;

  @Column({ type: 'integer' })
  annee: number;

  /** Free text: "CDD 8 mois" */
  @Column({ type: 'varchar', length: 20 })
  duree: string;

  /** Job title */
  @Column({ type: 'varchar', length: 100 })
  intitule: string;

  /** Employer */
  @Column({ type: 'varchar', length: 100 })
  organisme: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  descriptif: string | null;

  /** Optimistic concurrency: 1 on insert, +1 on each change */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
