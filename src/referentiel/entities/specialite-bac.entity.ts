import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Enseignement de spécialité of the general bac (reform of 2021). */
@Entity('specialite_bac')
export class SpecialiteBac {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  code: string;

  @Column({ type: 'varchar', length: 150 })
  libelle: string;

  @Column({ type: 'integer', nullable: true })
  anneeDebut: number | null;

  @Column({ type: 'integer', nullable: true })
  anneeFin: number | null;

  @Column({ type: 'varchar', length: 150 })
  libelleRecherche: string;
}
