import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CentreCandidature } from './centre-candidature.entity';

/** The jury processing the candidatures of its formations; its address is the one paper files are posted to. */
@Entity('commission')
@Index('commission_code_uq', ['code'], { unique: true })
@Index('commission_centre_id_idx', ['centreId'])
export class Commission {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  centreId: number;

  @ManyToOne(() => CentreCandidature, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'commission_centre_fk' })
  centre?: CentreCandidature;

  @Column({ type: 'varchar', length: 30 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  libelle: string;

  @Column({ type: 'varchar', length: 38 })
  adresseLigne1: string;

  @Column({ type: 'varchar', length: 38, nullable: true })
  adresseLigne2: string | null;

  @Column({ type: 'varchar', length: 38, nullable: true })
  adresseLigne3: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  codePostal: string | null;

  /** In France: INSEE code of the commune */
  @Column({ type: 'varchar', length: 5, nullable: true })
  commune: string | null;

  /** Abroad: the city as written (with CEDEX or district when needed) */
  @Column({ type: 'varchar', length: 100, nullable: true })
  ville: string | null;

  @Column({ type: 'varchar', length: 2 })
  pays: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  telephone: string | null;

  /** Who signs the letters */
  @Column({ type: 'varchar', length: 255, nullable: true })
  signataire: string | null;

  /** Shown to candidates in their file (comment_retour of the reference) */
  @Column({ type: 'text', nullable: true })
  commentaireCandidat: string | null;

  /** The commission wants alert mails (transmissions, confirmations, withdrawals) */
  @Column({ type: 'boolean', default: true })
  alerte: boolean;

  /** Candidates may download their admission or refusal letter */
  @Column({ type: 'boolean', default: true })
  lettresTelechargeables: boolean;

  /** The letter is attached to the decision mail */
  @Column({ type: 'boolean', default: false })
  lettreJointeAuMail: boolean;

  @Column({ type: 'integer' })
  version: number;
}
