import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Commission } from './commission.entity';

/** Default type de traitement of a formation's new candidatures (reference codes). */
export enum TypeTraitement {
  /** Accès contrôlé: the commission decides */
  AC = 'AC',
  /** Accès de droit: staff validate, then the favourable decision follows */
  AD = 'AD',
  /** En attente: decided later */
  AT = 'AT',
}

/**
 * A programme candidates apply to. Dates are calendar dates YYYY-MM-DD in Europe/Paris, inclusive; their order is
 * checked on save (FormationRules). The confirmation deadline is a date or a number of days, never both.
 */
@Entity('formation')
@Index('formation_code_uq', ['code'], { unique: true })
@Index('formation_commission_id_idx', ['commissionId'])
export class Formation {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  commissionId: number;

  @ManyToOne(() => Commission, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'commission_id', foreignKeyConstraintName: 'formation_commission_fk' })
  commission?: Commission;

  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 500 })
  libelle: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  motsCles: string | null;

  /** Code of the reference data's types de diplôme */
  @Column({ type: 'varchar', length: 10 })
  typeDiplome: string;

  @Column({ type: 'simple-enum', enum: TypeTraitement })
  typeTraitement: TypeTraitement;

  /** Dematerialised (pieces uploaded online) or paper (file printed and posted) */
  @Column({ type: 'boolean' })
  demat: boolean;

  @Column({ type: 'varchar', length: 10 })
  dateDebutCandidature: string;

  @Column({ type: 'varchar', length: 10 })
  dateFinCandidature: string;

  /** Last day to return the file (paper) or its pieces */
  @Column({ type: 'varchar', length: 10 })
  dateRetour: string;

  /** Pré-analyse */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dateAnalyse: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  dateJury: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  datePublication: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  dateConfirmation: string | null;

  /** Days after the favourable decision is validated */
  @Column({ type: 'integer', nullable: true })
  delaiConfirmation: number | null;

  /** Automatic management of the liste complémentaire: each withdrawal promotes the best ranked */
  @Column({ type: 'boolean', default: false })
  listeComplementaire: boolean;

  /** Confirmation deadline after a promotion from the liste complémentaire: a date… */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dateConfirmationListeComplementaire: string | null;

  /** …or a number of days after the promotion */
  @Column({ type: 'integer', nullable: true })
  delaiConfirmationListeComplementaire: number | null;

  /** Days before the return date to remind the candidates who have not transmitted (once each); null: no reminder */
  @Column({ type: 'integer', nullable: true })
  relanceRetourJours: number | null;

  /** Statistics only */
  @Column({ type: 'integer', nullable: true })
  capacite: number | null;

  @Column({ type: 'text', nullable: true })
  informationsComplementaires: string | null;

  @Column({ type: 'boolean', default: true })
  actif: boolean;

  @Column({ type: 'integer' })
  version: number;

  /** Incremented by lockRows (src/database/row-lock.ts), whose lock is this write; never read */
  @Column({ type: 'integer', default: 0, select: false })
  lockCount?: number;
}
