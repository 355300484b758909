import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conflict, NotFound } from '../common/errors/domain-errors';
import { ComptesService } from '../auth/comptes.service';
import { OutboxService } from '../mail/outbox.service';
import { JobDto, JobRunDto } from './dto/job.dto';
import { JobRun } from './entities/job-run.entity';
import { JobCounts, JobRunner } from './job-runner.service';

export const ENVOI_MAILS = 'envoi-mails';
export const PURGE_COMPTES = 'purge-comptes';

interface JobDefinition {
  description: string;
  schedule: string;
  leaseSeconds: number;
  work: () => Promise<JobCounts>;
}

/** The catalogue of jobs: what each does, when it runs, and running one now (scheduler or admin). */
@Injectable()
export class JobsService {
  private readonly definitions: Record<string, JobDefinition>;

  constructor(
    private readonly runner: JobRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
    outbox: OutboxService,
    comptes: ComptesService,
  ) {
    this.definitions = {
      [ENVOI_MAILS]: {
        description: "Envoie les mails en attente de l'outbox, avec nouvel essai différé en cas d'échec SMTP",
        schedule: '*/10 * * * * *',
        leaseSeconds: 120,
        work: async () => ({ ...(await outbox.deliverDue()) }),
      },
      [PURGE_COMPTES]: {
        description: "Supprime les comptes candidats non activés avant leur date limite (leur numéro de dossier n'est jamais réattribué)",
        schedule: '0 0 3 * * *',
        leaseSeconds: 900,
        work: () => comptes.purgeNonActives(),
      },
    };
  }

  async list(): Promise<JobDto[]> {
    const runs = this.dataSource.getRepository(JobRun);
    return Promise.all(
      Object.entries(this.definitions).map(async ([name, d]) => {
        const last = await runs.findOne({ where: { name }, order: { startedAt: 'DESC', id: 'DESC' } });
        return { name, description: d.description, schedule: d.schedule, lastRun: last ? toRunDto(last) : null };
      }),
    );
  }

  /** Runs a job now; null when another instance holds its lease. */
  async trigger(name: string): Promise<JobRun | null> {
    const definition = this.definitions[name];
    if (!definition) throw new NotFound('JOB_INCONNU', `Aucun job ne s'appelle « ${name} ».`);
    return this.runner.run(name, definition.work, definition.leaseSeconds);
  }

  /** Runs a job at an administrator's request: a 409 when it is already running somewhere. */
  async runNow(name: string): Promise<JobRunDto> {
    const run = await this.trigger(name);
    if (!run) throw new Conflict('JOB_DEJA_EN_COURS', `Le job « ${name} » est déjà en cours sur une instance : réessayez après sa fin.`);
    return toRunDto(run);
  }
}

function toRunDto(run: JobRun): JobRunDto {
  return {
    id: run.id,
    name: run.name,
    holder: run.holder,
    startedAt: run.startedAt.toISOString(),
    endedAt: run.endedAt?.toISOString() ?? null,
    status: run.status,
    counts: run.counts ? (JSON.parse(run.counts) as Record<string, number>) : null,
    error: run.error,
  };
}
