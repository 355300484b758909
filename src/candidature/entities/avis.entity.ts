import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Candidature } from './candidature.entity';
import { TypeDecision } from './type-decision.entity';

/** Families of avis (reference type_avis). */
export enum TypeAvis {
  /** Favorable */
  FA = 'FA',
  /** Défavorable: with a motif */
  DE = 'DE',
  /** Liste complémentaire: with a rank */
  LC = 'LC',
  /** Liste d'attente */
  LA = 'LA',
  /** Présélection: with a date, a time and a place */
  PR = 'PR',
}

/**
 * The history of a candidature's avis (reference type_decision_candidature): the current avis is the latest row.
 * Rows are written unvalidated (staff only see them), then validated; a validated avis is visible to the candidate
 * from `publieAt` (its validation, or the formation's publication date when later). Only the latest row, while
 * unvalidated, may be deleted; every other row stays.
 */
@Entity('avis')
@Index('avis_candidature_id_idx', ['candidatureId'])
@Index('avis_valide_publie_idx', ['valide', 'publieAt'])
@Index('avis_type_decision_id_idx', ['typeDecisionId'])
export class Avis {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  candidatureId: number;

  @ManyToOne(() => Candidature, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'candidature_id', foreignKeyConstraintName: 'avis_candidature_fk' })
  candidature?: Candidature;

  @Column({ type: 'simple-enum', enum: TypeAvis })
  type: TypeAvis;

  /** The type de décision staff chose, of the family `type`; null: the family's model (type-decision.entity.ts) */
  @Column({ type: 'integer', nullable: true })
  typeDecisionId: number | null;

  @ManyToOne(() => TypeDecision, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'type_decision_id', foreignKeyConstraintName: 'avis_type_decision_fk' })
  typeDecision?: TypeDecision | null;

  /** Défavorable: code of the managed list of motifs (motif_avis) */
  @Column({ type: 'varchar', length: 20, nullable: true })
  motif: string | null;

  /** Liste complémentaire: the rank typed by the commission */
  @Column({ type: 'integer', nullable: true })
  rang: number | null;

  /** Présélection: YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10, nullable: true })
  preselectionDate: string | null;

  /** Présélection: HH:MM */
  @Column({ type: 'varchar', length: 5, nullable: true })
  preselectionHeure: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  preselectionLieu: string | null;

  /** The day the commission met and gave this avis, YYYY-MM-DD as staff typed it (never later than the day it was entered) */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dateReunion: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  commentaire: string | null;

  /** The comment is shown to the candidate */
  @Column({ type: 'boolean', default: false })
  commentaireVisible: boolean;

  @Column({ type: 'boolean', default: false })
  valide: boolean;

  @Column({ type: 'datetime', nullable: true })
  valideAt: Date | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  validePar: string | null;

  /** When the candidate sees it and gets its mail; null while unvalidated or waiting for the publication date */
  @Column({ type: 'datetime', nullable: true })
  publieAt: Date | null;

  /** Staff login, or `autoListComp` for a promotion from the liste complémentaire */
  @Column({ type: 'varchar', length: 50 })
  creePar: string;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
