import { IsBoolean, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PageOf } from '../../common/pagination/page';
import { StatutJobRun } from '../entities/job-run.entity';

export class JobRunDto {
  /** @example 12 */
  id: number;
  /** @example "envoi-mails" */
  name: string;
  /** Instance that ran it @example "api-2:4711:1a2b3c4d" */
  holder: string;
  /** @example "2026-11-22T18:00:00.000Z" */
  startedAt: string;
  /** @example "2026-11-22T18:00:01.000Z" */
  endedAt: string | null;
  status: StatutJobRun;
  /** What the run did @example {"envoyes":50,"reportes":0,"abandonnes":0} */
  counts: Record<string, number> | null;
  /** @example null */
  error: string | null;
}

export class JobDto {
  /** @example "envoi-mails" */
  name: string;
  /** @example "Envoie les mails en attente de l'outbox" */
  description: string;
  /** Cron expression, Europe/Paris, as the scheduler follows it (an administrator's override, or the default) @example "*\/10 * * * * *" */
  schedule: string;
  /** The registry's schedule @example "*\/10 * * * * *" */
  scheduleParDefaut: string;
  /** false: paused by an administrator (the scheduler skips it; running it by hand still works) */
  actif: boolean;
  /** Latest recorded run */
  lastRun: JobRunDto | null;
}

export class JobRunPage extends PageOf(JobRunDto) {}

export class ReglerJobDto {
  /** false pauses the job on every instance, true resumes it; absent: unchanged */
  @IsOptional()
  @IsBoolean({ message: 'doit valoir true ou false' })
  actif?: boolean;

  /** Cron expression (Europe/Paris, seconds first) replacing the default; null: back to the default; absent: unchanged @example "0 30 3 * * *" */
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString({ message: 'doit être une expression cron ou null' })
  @MaxLength(100, { message: 'ne doit pas dépasser 100 caractères' })
  schedule?: string | null;
}
