import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { validateCronExpression } from 'cron';
import { DataSource, LessThan } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-errors';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { Page, toPage } from '../common/pagination/page';
import { supprimerParLots } from '../database/par-lots';
import { RetentionService } from '../retention/retention.service';
import { JobReglage } from './entities/job-reglage.entity';
import { AppConfig, appConfig } from '../config';
import { ComptesService } from '../auth/comptes.service';
import { ArchivageCampagnesService } from '../candidature/archivage-campagnes.service';
import { FichiersOrphelinsService } from '../candidature/fichiers-orphelins.service';
import { AvisService } from '../candidature/avis/avis.service';
import { ConfirmationService } from '../candidature/decision/confirmation.service';
import { RelanceRetourService } from '../candidature/relance-retour.service';
import { OutboxService } from '../mail/outbox.service';
import { OpiService } from '../opi/opi.service';
import { ThrottleService } from '../common/throttle/throttle.service';
import { JobDto, JobRunDto, ReglerJobDto } from './dto/job.dto';
import { withJobQueryTimeout } from '../database/bounded-waits';
import { inUnitOfWork } from '../database/sqlite-gate';
import { mettreAJourStatistiques } from '../database/statistiques-optimiseur';
import { JobRun } from './entities/job-run.entity';
import { JobRunner, JobWork } from './job-runner.service';

export const ENVOI_MAILS = 'envoi-mails';
export const PURGE_COMPTES = 'purge-comptes';
export const PURGE_COMPTEURS = 'purge-compteurs';
export const ARCHIVAGE_CAMPAGNES = 'archivage-campagnes';
export const PUBLICATION_AVIS = 'publication-avis';
export const DESISTEMENT_AUTO = 'desistement-automatique';
export const RELANCE_CONFIRMATION = 'relance-confirmation';
export const RELANCE_RETOUR = 'relance-retour';
export const ENVOI_OPI = 'envoi-opi';
export const PURGE_FICHIERS = 'purge-fichiers';
export const STATISTIQUES_BASE = 'statistiques-base';
export const PURGE_HISTORIQUE_JOBS = 'purge-historique-jobs';
export const PURGE_CAMPAGNES_ARCHIVEES = 'purge-campagnes-archivees';

/** Runs kept in each job's history (reference TECH_NB_JOUR_KEEP_HISTO_BATCH) */
export const JOURS_HISTORIQUE_JOBS = 30;

/** When each job runs (Europe/Paris), read by its @Cron and shown by GET /api/admin/jobs */
export const SCHEDULES = {
  [ENVOI_MAILS]: '*/10 * * * * *',
  [PURGE_COMPTES]: '0 0 3 * * *',
  [PURGE_COMPTEURS]: '0 17 * * * *',
  [ARCHIVAGE_CAMPAGNES]: '0 5 0 * * *',
  [PUBLICATION_AVIS]: '0 */15 * * * *',
  // The deadline is a whole day: withdraw once it is over.
  [DESISTEMENT_AUTO]: '0 10 0 * * *',
  [RELANCE_CONFIRMATION]: '0 0 8 * * *',
  [RELANCE_RETOUR]: '0 15 8 * * *',
  [ENVOI_OPI]: '0 30 22 * * *',
  [PURGE_FICHIERS]: '0 30 3 * * *',
  [STATISTIQUES_BASE]: '0 45 4 * * *',
  [PURGE_HISTORIQUE_JOBS]: '0 0 23 * * *',
  [PURGE_CAMPAGNES_ARCHIVEES]: '0 15 2 * * *',
} as const;

interface JobDefinition {
  description: string;
  schedule: string;
  leaseSeconds: number;
  work: JobWork;
}

/** The catalogue of jobs: what each does, when it runs, and running one now (scheduler or admin). */
@Injectable()
export class JobsService {
  /** A Map, not an object: a name such as `__proto__` or `constructor` finds nothing (404), never a prototype's member. */
  private readonly definitions: Map<string, JobDefinition>;

  constructor(
    private readonly runner: JobRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
    outbox: OutboxService,
    comptes: ComptesService,
    throttle: ThrottleService,
    archivage: ArchivageCampagnesService,
    fichiers: FichiersOrphelinsService,
    avis: AvisService,
    confirmations: ConfirmationService,
    relancesRetour: RelanceRetourService,
    opi: OpiService,
    retention: RetentionService,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {
    this.definitions = new Map(Object.entries<JobDefinition>({
      [ENVOI_MAILS]: {
        description: "Envoie les mails en attente de l'outbox, avec nouvel essai différé en cas d'échec SMTP",
        schedule: SCHEDULES[ENVOI_MAILS],
        // Renewed while the run lasts, like each mail's claim: as long as a claim, so a crashed sender holds neither longer.
        leaseSeconds: outbox.claimSeconds,
        work: async (signal) => ({ ...(await outbox.deliverDue(undefined, signal)) }),
      },
      [PURGE_COMPTES]: {
        description: "Supprime les comptes candidats non activés avant leur date limite (leur numéro de dossier n'est jamais réattribué)",
        schedule: SCHEDULES[PURGE_COMPTES],
        leaseSeconds: 900,
        work: () => comptes.purgeNonActives(),
      },
      [PURGE_COMPTEURS]: {
        description: 'Oublie les compteurs de tentatives (limitation des connexions et formulaires) dont la fenêtre est close',
        schedule: SCHEDULES[PURGE_COMPTEURS],
        leaseSeconds: 300,
        work: () => throttle.purgeEnded(),
      },
      [ARCHIVAGE_CAMPAGNES]: {
        description: "Met en service les campagnes arrivées à leur date d'activation prévue et archive la campagne qu'elles remplacent (les dates des formations sont copiées dans ses candidatures)",
        schedule: SCHEDULES[ARCHIVAGE_CAMPAGNES],
        leaseSeconds: 1800,
        work: () => archivage.activerCampagnesPrevues(),
      },
      [PUBLICATION_AVIS]: {
        description: "Publie et envoie les avis validés dont la date de publication de la formation est arrivée (jamais avant)",
        schedule: SCHEDULES[PUBLICATION_AVIS],
        leaseSeconds: 600,
        work: () => avis.publierEchus(),
      },
      [DESISTEMENT_AUTO]: {
        description: "Désiste les candidats qui n'ont pas confirmé un avis favorable avant la date limite, et admet pour chacun le premier de la liste complémentaire",
        schedule: SCHEDULES[DESISTEMENT_AUTO],
        leaseSeconds: 1800,
        work: () => confirmations.desisterEchus(),
      },
      [RELANCE_CONFIRMATION]: {
        description: 'Rappelle une fois, quelques jours avant la date limite, aux candidats admis de confirmer ou de se désister',
        schedule: SCHEDULES[RELANCE_CONFIRMATION],
        leaseSeconds: 1800,
        work: () => confirmations.relancer(),
      },
      [RELANCE_RETOUR]: {
        description: "Rappelle une fois, quelques jours avant la date limite de retour (réglage relanceRetourJours de la formation), aux candidats qui n'ont pas transmis leur candidature",
        schedule: SCHEDULES[RELANCE_RETOUR],
        leaseSeconds: 1800,
        work: () => relancesRetour.relancer(),
      },
      [ENVOI_OPI]: {
        description: "Transmet au SI Scolarité les OPI en attente (admissions confirmées, désistements après transmission), par lots de OPI_NB_BATCH_MAX ; en cas d'échec elles restent en attente pour le passage suivant",
        schedule: SCHEDULES[ENVOI_OPI],
        leaseSeconds: 1800,
        work: () => opi.envoyerEnAttente(),
      },
      [PURGE_FICHIERS]: {
        description: "Supprime les fichiers stockés depuis plus d'un jour auxquels aucune pièce ne renvoie (laissés par un processus interrompu entre l'enregistrement du fichier et celui de la pièce), et les fichiers partiels d'envois interrompus",
        schedule: SCHEDULES[PURGE_FICHIERS],
        leaseSeconds: 1800,
        work: () => fichiers.purger(),
      },
      [STATISTIQUES_BASE]: {
        description: "Met à jour les statistiques de l'optimiseur de la base (histogrammes des colonnes que filtre la liste des candidatures), pour que chaque liste lise l'index de son filtre",
        schedule: SCHEDULES[STATISTIQUES_BASE],
        leaseSeconds: 1800,
        work: () => mettreAJourStatistiques(this.dataSource),
      },
      [PURGE_HISTORIQUE_JOBS]: {
        description: `Supprime, par lots, l'historique des exécutions de jobs de plus de ${JOURS_HISTORIQUE_JOBS} jours`,
        schedule: SCHEDULES[PURGE_HISTORIQUE_JOBS],
        leaseSeconds: 900,
        work: () => this.purgerHistorique(),
      },
      [PURGE_CAMPAGNES_ARCHIVEES]: {
        description: `Détruit, par lots, les données des campagnes archivées depuis plus de RETENTION_JOURS jours (${retention.jours} ici) : candidatures, pièces et leurs fichiers, avis, comptes candidats et leurs mails ; la campagne et son offre restent`,
        schedule: SCHEDULES[PURGE_CAMPAGNES_ARCHIVEES],
        leaseSeconds: 1800,
        work: (signal) => retention.detruireCampagnesEchues(signal),
      },
    }));
  }

  /** The registered job names, in the registry's order. */
  get names(): string[] {
    return [...this.definitions.keys()];
  }

  async list(): Promise<JobDto[]> {
    const reglages = await this.reglages();
    return Promise.all(this.names.map((name) => this.toJobDto(name, reglages.get(name))));
  }

  async get(name: string): Promise<JobDto> {
    this.definition(name);
    return this.toJobDto(name, (await this.dataSource.getRepository(JobReglage).findOneBy({ name })) ?? undefined);
  }

  /** Pauses or resumes a job, or overrides its schedule (null: back to the default); every instance follows within seconds. */
  async regler(name: string, dto: ReglerJobDto): Promise<JobDto> {
    this.definition(name);
    if (typeof dto.schedule === 'string' && (dto.schedule.trim() === '' || !validateCronExpression(dto.schedule).valid)) {
      throw new ValidationFailed([{ field: 'schedule', message: 'doit être une expression cron valide (6 champs avec les secondes, ou 5), par exemple « 0 30 3 * * * »' }]);
    }
    const repo = this.dataSource.getRepository(JobReglage);
    const actuel = await repo.findOneBy({ name });
    await repo.save({
      name,
      actif: dto.actif ?? actuel?.actif ?? true,
      schedule: dto.schedule === undefined ? (actuel?.schedule ?? null) : dto.schedule,
      updatedAt: this.clock.now(),
    });
    return this.get(name);
  }

  /** A job's runs, latest first. */
  async runs(name: string, query: PageQueryDto): Promise<Page<JobRunDto>> {
    this.definition(name);
    const limit = query.limit ?? 20;
    const [rows, total] = await this.dataSource.getRepository(JobRun).findAndCount({
      where: { name },
      order: { startedAt: 'DESC', id: 'DESC' },
      skip: ((query.page ?? 1) - 1) * limit,
      take: limit,
    });
    return toPage(rows.map(toRunDto), total, query);
  }

  /** Each job's settings as stored (jobs without a row: enabled, default schedule). */
  async reglages(): Promise<Map<string, JobReglage>> {
    return new Map((await this.dataSource.getRepository(JobReglage).find()).map((r) => [r.name, r]));
  }

  /** Runs a job now; null when another instance holds its lease (or already ran this scheduled `slot`). */
  async trigger(name: string, slot?: Date): Promise<JobRun | null> {
    const definition = this.definition(name);
    // A job's statements (a night's purge, archiving a campaign) may take longer than a request's.
    return withJobQueryTimeout(() => this.runner.run(name, definition.work, definition.leaseSeconds, slot));
  }

  /**
   * What a cron tick does on every instance: nothing where jobs are disabled; elsewhere the tick (the current
   * second, cron's resolution) is run by exactly one instance.
   */
  async tick(name: string): Promise<JobRun | null> {
    if (!this.app.jobsEnabled) return null;
    // Paused by an administrator: read at each tick, so a pause reaches every instance at its next tick.
    const reglage = await this.dataSource.getRepository(JobReglage).findOneBy({ name });
    if (reglage && !reglage.actif) return null;
    const now = this.clock.now().getTime();
    // A tick is its own unit of work, as a request is (see gateSqlite).
    return inUnitOfWork(() => this.trigger(name, new Date(now - (now % 1000))));
  }

  /** Deletes runs older than the history keeps, in batches (the mail job alone records thousands a day). */
  private async purgerHistorique(): Promise<{ supprimes: number }> {
    const avant = new Date(this.clock.now().getTime() - JOURS_HISTORIQUE_JOBS * 86_400_000);
    const { supprimes } = await supprimerParLots(this.dataSource.getRepository(JobRun), { startedAt: LessThan(avant) });
    return { supprimes };
  }

  private definition(name: string): JobDefinition {
    const definition = this.definitions.get(name);
    if (!definition) throw new NotFound('JOB_INCONNU', `Aucun job ne s'appelle « ${name} ».`);
    return definition;
  }

  private async toJobDto(name: string, reglage: JobReglage | undefined): Promise<JobDto> {
    const d = this.definition(name);
    const last = await this.dataSource.getRepository(JobRun).findOne({ where: { name }, order: { startedAt: 'DESC', id: 'DESC' } });
    return {
      name,
      description: d.description,
      schedule: reglage?.schedule ?? d.schedule,
      scheduleParDefaut: d.schedule,
      actif: reglage ? Boolean(reglage.actif) : true,
      lastRun: last ? toRunDto(last) : null,
    };
  }

  /** Runs a job at an administrator's request (even a paused one): a 409 when it is already running somewhere. */
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
