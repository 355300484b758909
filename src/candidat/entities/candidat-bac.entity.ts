import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';

/** The candidate's baccalauréat or equivalent ("sans bac" is a série of the reference data). */
@Entity('candidat_bac')
export class CandidatBac {
  @PrimaryColumn({ type: 'integer' })
  compteCandidatId: number;

  @OneToOne(() => CompteCandidat, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'compte_candidat_id', foreignKeyConstraintName: 'candidat_bac_compte_candidat_fk' })
  compteCandidat?: CompteCandidat;

  @Column({ type: 'varchar', length: 10 })
  serie: string;

  /** Null for "sans bac" */
  @Column({ type: 'integer', nullable: true })
  annee: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  mention: string | null;

  /** Spécialités of the post-2021 general bac, comma-separated codes */
  @Column({ type: 'varchar', length: 100, nullable: true })
  specialites: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  pays: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  departement: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  commune: string | null;

  /** UAI of the lycée */
  @Column({ type: 'varchar', length: 10, nullable: true })
  etablissement: string | null;

  /** Filled from the student records: locked for the candidate */
  @Column({ type: 'boolean', default: false })
  importe: boolean;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
