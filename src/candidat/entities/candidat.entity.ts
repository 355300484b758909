import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';

export enum Civilite {
  M = 'M',
  MME = 'MME',
}

/** Informations personnelles of a candidate's file (one per account, so one per campaign). */
@Entity('candidat')
@Index('candidat_campagne_ine_uq', ['campagneId', 'ine'], { unique: true })
@Index('candidat_nom_recherche_idx', ['nomRecherche'])
export class Candidat {
  @PrimaryColumn({ type: 'integer' })
  compteCandidatId: number;

  @OneToOne(() => CompteCandidat, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'compte_candidat_id', foreignKeyConstraintName: 'candidat_compte_candidat_fk' })
  compteCandidat?: CompteCandidat;

  /** The account's campaign, here for the unique INE per campaign */
  @Column({ type: 'integer' })
  campagneId: number;

  @Column({ type: 'simple-enum', enum: Civilite })
  civilite: Civilite;

  /** As typed */
  @Column({ type: 'varchar', length: 100 })
  nomNaissance: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  nomUsage: string | null;

  @Column({ type: 'varchar', length: 100 })
  prenom: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  autresPrenoms: string | null;

  /** Names folded (upper case, no accents) for comparisons and staff searches */
  @Column({ type: 'varchar', length: 300 })
  nomRecherche: string;

  @Column({ type: 'date' })
  dateNaissance: string;

  @Column({ type: 'varchar', length: 2 })
  paysNaissance: string;

  @Column({ type: 'varchar', length: 3, nullable: true })
  departementNaissance: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  communeNaissance: string | null;

  /** Abroad */
  @Column({ type: 'varchar', length: 100, nullable: true })
  villeNaissance: string | null;

  @Column({ type: 'varchar', length: 2 })
  nationalite: string;

  /** INE and its key, 11 characters, upper case */
  @Column({ type: 'varchar', length: 11, nullable: true })
  ine: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  telephone: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  telephonePortable: string | null;

  /** Filled from the student records: the identity is locked for the candidate */
  @Column({ type: 'boolean', default: false })
  importe: boolean;

  /** Set by the first candidature: the identity can no longer change (phones and language can) */
  @Column({ type: 'boolean', default: false })
  identiteVerrouillee: boolean;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
