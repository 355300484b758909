import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Type of diploma a candidate declares for a year of external studies (cursus externe). */
@Entity('type_diplome')
export class TypeDiplome {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  libelle: string;

  @Column({ type: 'integer' })
  ordre: number;

  @Column({ type: 'varchar', length: 100 })
  libelleRecherche: string;
}
