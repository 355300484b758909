import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import { CommuneCodePostal } from './commune-code-postal.entity';
import { Departement } from './departement.entity';

@Entity('commune')
@Index('commune_libelle_recherche_idx', ['libelleRecherche'])
@Index('commune_departement_code_idx', ['departementCode'])
export class Commune {
  /** Code INSEE */
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  libelle: string;

  @Column({ type: 'varchar', length: 3 })
  departementCode: string;

  @ManyToOne(() => Departement, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'departement_code', foreignKeyConstraintName: 'commune_departement_fk' })
  departement?: Departement;

  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Column({ type: 'varchar', length: 100 })
  libelleRecherche: string;

  @OneToMany(() => CommuneCodePostal, (cp) => cp.commune)
  codesPostaux?: CommuneCodePostal[];
}
