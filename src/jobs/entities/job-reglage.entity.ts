import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An administrator's settings of one job, honoured by every instance's scheduler; no row: enabled, default schedule. */
@Entity('job_reglage')
export class JobReglage {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  /** false: the scheduler skips it (an administrator may still run it by hand) */
  @Column({ type: 'boolean', default: true })
  actif: boolean;

  /** Cron expression (Europe/Paris) replacing the default one; null: the default */
  @Column({ type: 'varchar', length: 100, nullable: true })
  schedule: string | null;

  @Column({ type: 'datetime', default: () => 'CURRENT_TIMESTAMP' })
  updatedAt: Date;
}
