import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';

/** An internship the candidate did (candidat_stage). */
@Entity('stage')
@Index('stage_compte_candidat_id_idx', ['compteCandidatId'])
export class Stage {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  compteCandidatId: number;

  @ManyToOne(() => CompteCandidat, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'compte_candidat_id', foreignKeyConstraintName: 'stage_compte_candidat_fk' })
  compteCandidat?: CompteCandidat;

  @Column({ type: 'integer' })
  annee: number;

  /** Free text: "8 semaines" */
  @Column({ type: 'varchar', length: 20 })
  duree: string;

  @Column({ type: 'integer', nullable: true })
  heuresParSemaine: number | null;

  /** Employer or host organisation */
  @Column({ type: 'varchar', length: 100 })
  organisme: string;

  @Column({ type: 'varchar', length: 500 })
  descriptif: string;

  /** Optimistic concurrency: 1 on insert, +1 on each change */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
