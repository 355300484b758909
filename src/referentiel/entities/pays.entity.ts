import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('pays')
@Index('pays_libelle_recherche_idx', ['libelleRecherche'])
export class Pays {
  /** ISO 3166-1 alpha-2 */
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code: string;

  @Column({ type: 'varchar', length: 3 })
  codeIso3: string;

  @Column({ type: 'varchar', length: 100 })
  libelle: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  nationalite: string | null;

  /** Upper case without accents nor punctuation, for accent-insensitive search on every engine. */
  @Column({ type: 'varchar', length: 100 })
  libelleRecherche: string;
}
