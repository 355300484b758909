import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Commune } from './commune.entity';

export enum TypeEtablissement {
  LYCEE = 'LYCEE',
  SUPERIEUR = 'SUPERIEUR',
}

export enum StatutEtablissement {
  PUBLIC = 'PUBLIC',
  PRIVE = 'PRIVE',
}

@Entity('etablissement')
@Index('etablissement_libelle_recherche_idx', ['libelleRecherche'])
@Index('etablissement_commune_code_idx', ['communeCode'])
@Index('etablissement_departement_code_idx', ['departementCode'])
@Index('etablissement_maj_le_idx', ['majLe'])
export class Etablissement {
  /** UAI (unité administrative immatriculée): 7 digits and a letter */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code: string;

  @Column({ type: 'varchar', length: 150 })
  libelle: string;

  @Column({ type: 'simple-enum', enum: TypeEtablissement })
  type: TypeEtablissement;

  @Column({ type: 'varchar', length: 5 })
  communeCode: string;

  @ManyToOne(() => Commune, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'commune_code', foreignKeyConstraintName: 'etablissement_commune_fk' })
  commune?: Commune;

  @Column({ type: 'varchar', length: 3 })
  departementCode: string;

  @Column({ type: 'varchar', length: 150 })
  libelleRecherche: string;

  /** Public or private sector, when the directory gives it */
  @Column({ type: 'simple-enum', enum: StatutEtablissement, nullable: true })
  statut: StatutEtablissement | null;

  /**
   * False once the directory says it closed (or an import with --desactiver-absents no longer lists it): hidden from
   * the search, still valid in a file that names it (a bac of 2015 from a lycée closed since).
   */
  @Column({ type: 'boolean', default: true })
  actif: boolean;

  /** When an import last created or changed the row (null for the built-in rows) */
  @Column({ type: 'datetime', nullable: true })
  majLe: Date | null;
}
