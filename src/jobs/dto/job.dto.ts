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
  /** Cron expression, Europe/Paris @example "*\/10 * * * * *" */
  schedule: string;
  /** Latest recorded run */
  lastRun: JobRunDto | null;
}
