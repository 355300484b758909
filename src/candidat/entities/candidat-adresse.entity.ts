import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';

/** The candidate's postal address: in France (postal code and commune of the reference data) or abroad. */
@Entity('candidat_adresse')
export class CandidatAdresse {
  @PrimaryColumn({ type: 'integer' })
  compteCandidatId: number;

  @OneToOne(() => CompteCandidat, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'compte_candidat_id', foreignKeyConstraintName: 'candidat_adresse_compte_candidat_fk' })
  compteCandidat?: CompteCandidat;

  @Column({ type: 'varchar', length: 2 })
  pays: string;

  @Column({ type: 'varchar', length: 100 })
  ligne1: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  ligne2: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  ligne3: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  codePostal: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  commune: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  cedex: string | null;

  /** Abroad */
  @Column({ type: 'varchar', length: 100, nullable: true })
  villeEtrangere: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
