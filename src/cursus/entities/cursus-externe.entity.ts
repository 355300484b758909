import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';

/** What became of a year of higher education (reference codes `O`, `N`, `E`). */
export enum ResultatCursus {
  OBTENU = 'OBTENU',
  NON_OBTENU = 'NON_OBTENU',
  EN_COURS = 'EN_COURS',
}

/**
 * One year of higher education outside the university (candidat_cursus_post_bac). Codes are checked against the
 * reference data when typed, not tied to it by foreign keys: a later release of the reference data must not
 * refuse or rewrite what a candidate declared.
 */
@Entity('cursus_externe')
// One row per academic year; the index also serves the foreign key and the candidate's list.
@Index('cursus_externe_compte_candidat_annee_idx', ['compteCandidatId', 'annee'])
export class CursusExterne {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  compteCandidatId: number;

  @ManyToOne(() => CompteCandidat, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'compte_candidat_id', foreignKeyConstraintName: 'cursus_externe_compte_candidat_fk' })
  compteCandidat?: CompteCandidat;

  /** First calendar year of the academic year (2024 for 2024-2025) */
  @Column({ type: 'integer' })
  annee: number;

  @Column({ type: 'varchar', length: 2 })
  pays: string;

  @Column({ type: 'varchar', length: 3, nullable: true })
  departement: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  commune: string | null;

  /** UAI, when the establishment is in the reference data */
  @Column({ type: 'varchar', length: 10, nullable: true })
  etablissement: string | null;

  /** The establishment as typed, when it is not in the reference data */
  @Column({ type: 'varchar', length: 200, nullable: true })
  libelleEtablissement: string | null;

  @Column({ type: 'varchar', length: 10 })
  typeDiplome: string;

  /** Title of the formation */
  @Column({ type: 'varchar', length: 255 })
  libelle: string;

  @Column({ type: 'simple-enum', enum: ResultatCursus })
  resultat: ResultatCursus;

  @Column({ type: 'varchar', length: 10, nullable: true })
  mention: string | null;

  /** Optimistic concurrency: 1 on insert, +1 on each change */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
