import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum StatutJobRun {
  EN_COURS = 'EN_COURS',
  SUCCES = 'SUCCES',
  ECHEC = 'ECHEC',
}

/** One run of a job: when, by which instance, how it ended and what it did. */
@Entity('job_run')
@Index('job_run_name_started_at_idx', ['name', 'startedAt'])
@Index('job_run_started_at_idx', ['startedAt'])
export class JobRun {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  holder: string;

  @Column({ type: 'datetime' })
  startedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'simple-enum', enum: StatutJobRun })
  status: StatutJobRun;

  /** What the run did, as JSON: `{"envoyes":50,"reportes":0}` */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  counts: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  error: string | null;
}
