import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Commune } from './commune.entity';

export enum TypeEtablissement {
  LYCEE = 'LYCEE',
  SUPERIEUR = 'SUPERIEUR',
}

@Entity('etablissement')
@Index('etablissement_libelle_recherche_idx', ['libelleRecherche'])
@Index('etablissement_commune_code_idx', ['communeCode'])
@Index('etablissement_departement_code_idx', ['departementCode'])
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
}
