import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Candidature } from '../candidature/entities/candidature.entity';

/** What a row asks the SI Scol to do. */
export enum NatureOpi {
  /** The candidate confirmed: create the OPI so they can enrol online */
  ADMISSION = 'ADMISSION',
  /** The candidate withdrew after their admission reached the SI Scol: undo it */
  DESISTEMENT = 'DESISTEMENT',
}

/**
 * The OPI queue (reference table `opi`): one row per confirmed candidature, pending while `transmisAt` is null. The
 * `envoi-opi` job pushes pending rows through the OPI port and stamps them; a withdrawal after the push sets the row
 * back to pending as a DESISTEMENT. While a push is under way `lot` holds the job's claim (see OpiService).
 */
@Entity('opi')
@Index('opi_transmis_at_idx', ['transmisAt'])
@Index('opi_cree_at_idx', ['creeAt'])
export class Opi {
  @PrimaryColumn({ type: 'integer' })
  candidatureId: number;

  @ManyToOne(() => Candidature, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'candidature_id', foreignKeyConstraintName: 'opi_candidature_fk' })
  candidature?: Candidature;

  /** OPI_PREFIXE + numéro de dossier, as given to the candidate on confirmation */
  @Column({ type: 'varchar', length: 12 })
  codeOpi: string;

  @Column({ type: 'varchar', length: 12 })
  nature: NatureOpi;

  /** When the current nature was queued */
  @Column({ type: 'datetime' })
  creeAt: Date;

  /** When the SI Scol received it; null: pending */
  @Column({ type: 'datetime', nullable: true })
  transmisAt: Date | null;

  /** The batch the push went in (file name of the `file` adapter); the job's claim while a push is under way */
  @Column({ type: 'varchar', length: 100, nullable: true })
  lot: string | null;
}
