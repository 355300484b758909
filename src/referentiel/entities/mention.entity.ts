import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Mention of a bac or of a year of higher education. */
@Entity('mention')
export class Mention {
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  libelle: string;

  @Column({ type: 'integer' })
  ordre: number;

  @Column({ type: 'varchar', length: 100 })
  libelleRecherche: string;
}
