import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
// A type import only: avis.entity.ts imports this file, and the enum's values are spelled here.
import type { TypeAvis } from './avis.entity';

/**
 * The institution's types de décision (reference type_decision): the labels its commissions give, each of one fixed
 * avis family (`famille`, which drives the fields and the liste complémentaire), with its own rules — final or not,
 * whether a favourable one waits for the candidate's confirmation, the mail it sends. One seeded model a family
 * (`modele`) is what an avis without a type means; its rules are today's and do not change.
 */
@Entity('type_decision')
@Index('type_decision_code_uq', ['code'], { unique: true })
export class TypeDecision {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  libelle: string;

  /** For candidates who chose English; null: the French one */
  @Column({ type: 'varchar', length: 100, nullable: true })
  libelleEn: string | null;

  @Column({ type: 'simple-enum', enum: ['FA', 'DE', 'LC', 'LA', 'PR'] })
  famille: TypeAvis;

  /** A final decision: an admission or refusal letter goes with it (FA, DE) */
  @Column({ type: 'boolean', default: false })
  definitif: boolean;

  /** Favourable family only: the candidate confirms (or withdraws) before a deadline */
  @Column({ type: 'boolean', default: false })
  confirmable: boolean;

  /** The mail sent when it is published (its family's: AVIS_FAVORABLE…); null: none */
  @Column({ type: 'varchar', length: 30, nullable: true })
  mail: string | null;

  /** Seeded: the family's default, its rules fixed */
  @Column({ type: 'boolean', default: false })
  modele: boolean;

  /** Offered for new avis; an inactive type stays on the avis that name it */
  @Column({ type: 'boolean', default: true })
  actif: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
