import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CentreCandidature } from '../../offre/entities/centre-candidature.entity';
import { TypeTraitement } from '../../offre/entities/formation.entity';

/**
 * A pièce justificative candidates upload (piece_justif of the reference). Owned by the institution (centreId
 * null: scolarité centrale) or by a centre de candidature; common pièces apply to every formation of their owner,
 * the others to the formations attached to them (PieceFormation).
 */
@Entity('piece_justificative')
@Index('piece_justificative_code_uq', ['code'], { unique: true })
@Index('piece_justificative_centre_id_idx', ['centreId'])
export class PieceJustificative {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  libelle: string;

  /** Applies to every formation of its owner (the institution, or its centre) */
  @Column({ type: 'boolean' })
  commun: boolean;

  /** Only for a common pièce: one file per candidature, instead of one file shared by the candidate's candidatures */
  @Column({ type: 'boolean' })
  unicite: boolean;

  /** The candidate may declare themselves "non concerné" */
  @Column({ type: 'boolean' })
  conditionnel: boolean;

  @Column({ type: 'boolean', default: true })
  actif: boolean;

  /** Display order in the candidate's file */
  @Column({ type: 'integer' })
  ordre: number;

  /** null: scolarité centrale (the whole institution) */
  @Column({ type: 'integer', nullable: true })
  centreId: number | null;

  @ManyToOne(() => CentreCandidature, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'piece_justificative_centre_fk' })
  centre?: CentreCandidature | null;

  /** Only asked of candidatures of this type de traitement; null: of every candidature */
  @Column({ type: 'simple-enum', enum: TypeTraitement, nullable: true })
  typeTraitement: TypeTraitement | null;

  /** FileStorage key of the model document candidates may download */
  @Column({ type: 'varchar', length: 100, nullable: true })
  modeleCle: string | null;

  /** The model's name as uploaded, for the download */
  @Column({ type: 'varchar', length: 200, nullable: true })
  modeleNom: string | null;

  /** The model's sniffed type (application/pdf, image/jpeg, image/png) */
  @Column({ type: 'varchar', length: 30, nullable: true })
  modeleType: string | null;

  @Column({ type: 'integer' })
  version: number;
}
