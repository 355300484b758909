import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An admission season: accounts, files and candidatures belong to one. One is in service at a time. */
@Entity('campagne')
@Index('campagne_code_uq', ['code'], { unique: true })
export class Campagne {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** @example "2027" */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 150 })
  libelle: string;

  /** First day, YYYY-MM-DD in Europe/Paris */
  @Column({ type: 'varchar', length: 10 })
  dateDebut: string;

  /** Last day, inclusive */
  @Column({ type: 'varchar', length: 10 })
  dateFin: string;

  @Column({ type: 'boolean', default: false })
  enService: boolean;
}
