import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who runs a job right now: one row per job, taken with an atomic UPDATE so one instance runs it at a time. */
@Entity('job_lease')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  holder: string | null;

  @Column({ type: 'datetime' })
  leaseUntil: Date;

  /** The scheduled occurrence (cron tick) last run: another instance firing the same tick skips it */
  @Column({ type: 'datetime', nullable: true })
  lastSlot: Date | null;
}
