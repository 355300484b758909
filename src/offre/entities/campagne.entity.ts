import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An admission season: accounts, files and candidatures belong to one. One is in service at a time; the next one is
 * planned (`dateActivationPrevue`) and, when put in service, archives the one it names (`campagneAArchiverId`).
 */
@Entity('campagne')
@Index('campagne_code_uq', ['code'], { unique: true })
@Index('campagne_campagne_a_archiver_id_idx', ['campagneAArchiverId'])
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

  /** Day the archiving job puts it in service (YYYY-MM-DD, Europe/Paris); null: by hand only */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dateActivationPrevue: string | null;

  /** The campaign archived when this one is put in service */
  // Named explicitly: the snake-case strategy would make "campagne_aarchiver_id" of the property.
  @Column({ name: 'campagne_a_archiver_id', type: 'integer', nullable: true })
  campagneAArchiverId: number | null;

  @ManyToOne(() => Campagne, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'campagne_a_archiver_id', foreignKeyConstraintName: 'campagne_campagne_a_archiver_fk' })
  campagneAArchiver?: Campagne | null;

  /** When it was put in service */
  @Column({ type: 'datetime', nullable: true })
  activeeAt: Date | null;

  /** When it was archived: its candidatures are read-only since */
  @Column({ type: 'datetime', nullable: true })
  archiveeAt: Date | null;

  /** Last day candidates may log in (YYYY-MM-DD, Europe/Paris, inclusive); null: no limit. Staff are not concerned */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dateFinCandidat: string | null;

  /** Whether accounts may be created with an e-mail and a password; false: only through the university's CAS */
  @Column({ type: 'boolean', default: true })
  creationComptesHorsCas: boolean;

  /** Optimistic concurrency for staff changes (If-Match) */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
