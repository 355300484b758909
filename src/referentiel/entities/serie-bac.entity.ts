import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum CategorieSerieBac {
  GENERAL = 'GENERAL',
  TECHNOLOGIQUE = 'TECHNOLOGIQUE',
  PROFESSIONNEL = 'PROFESSIONNEL',
  EQUIVALENCE = 'EQUIVALENCE',
  SANS_BAC = 'SANS_BAC',
}

@Entity('serie_bac')
export class SerieBac {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code: string;

  @Column({ type: 'varchar', length: 150 })
  libelle: string;

  @Column({ type: 'simple-enum', enum: CategorieSerieBac })
  categorie: CategorieSerieBac;

  /** First session year this série was awarded; null: no lower bound. */
  @Column({ type: 'integer', nullable: true })
  anneeDebut: number | null;

  /** Last session year; null: still awarded. */
  @Column({ type: 'integer', nullable: true })
  anneeFin: number | null;

  /** The post-2021 general bac records two spécialités of terminale. */
  @Column({ type: 'boolean', default: false })
  avecSpecialites: boolean;

  /** Candidates of this série were registered with an INE (BEA), so the INE can be required. */
  @Column({ type: 'boolean', default: true })
  ineAttendu: boolean;

  @Column({ type: 'integer' })
  ordre: number;

  @Column({ type: 'varchar', length: 150 })
  libelleRecherche: string;
}
