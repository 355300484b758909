import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('departement')
@Index('departement_libelle_recherche_idx', ['libelleRecherche'])
export class Departement {
  /** Code officiel géographique: 01…95, 2A, 2B, 971…989 */
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  libelle: string;

  @Column({ type: 'varchar', length: 3 })
  codeRegion: string;

  @Column({ type: 'varchar', length: 100 })
  libelleRecherche: string;
}
