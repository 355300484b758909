import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Principal } from '../common/auth/roles';
import { Clock, parisDate } from '../common/clock/clock';
import { BusinessRule } from '../common/errors/domain-errors';
import { CampagneService } from '../offre/campagne.service';
import { Formation } from '../offre/entities/formation.entity';
import { PerimetreOffre } from '../offre/perimetre-offre';
import { figerDates } from './dates-archivees';
import { Candidature } from './entities/candidature.entity';

export interface BilanActivation {
  campagnesActivees: number;
  campagnesArchivees: number;
  candidaturesArchivees: number;
  [key: string]: number;
}

const RIEN = (): BilanActivation => ({ campagnesActivees: 0, campagnesArchivees: 0, candidaturesArchivees: 0 });

/**
 * The campaign switch (reference BATCH_ARCHIVAGE): the new campaign is put in service and the one it names is
 * archived, its candidatures keeping a copy of their formation's dates (they are read-only since). One
 * transaction per switch; every step is a conditional UPDATE, so running it again, or on two instances at once,
 * changes nothing more.
 */
@Injectable()
export class ArchivageCampagnesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campagnes: CampagneService,
    private readonly clock: Clock,
  ) {}

  /** The job: each campaign whose planned day (Europe/Paris) has come, earliest first. */
  async activerCampagnesPrevues(): Promise<BilanActivation> {
    const total = RIEN();
    for (const campagne of await this.campagnes.prevues(parisDate(this.clock.now()))) {
      const bilan = await this.activer(campagne.id);
      for (const key of Object.keys(total)) total[key] += bilan[key];
    }
    return total;
  }

  /** Staff's "put in service now" (scolarité centrale, admin): what the job does on the planned day. */
  async activerPar(principal: Principal, campagneId: number): Promise<BilanActivation> {
    PerimetreOffre.assertCampagnes(principal);
    const campagne = await this.campagnes.trouver(this.dataSource.manager, campagneId);
    if (campagne.archiveeAt) throw new BusinessRule('CAMPAGNE_ARCHIVEE', `La campagne ${campagne.libelle} est archivée : elle ne peut plus être mise en service.`);
    return this.activer(campagneId);
  }

  /** Puts the campaign in service and archives the one it names; nothing when it is already in service or archived. */
  async activer(campagneId: number): Promise<BilanActivation> {
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      if (!(await this.campagnes.mettreEnService(em, campagneId, now))) return RIEN();
      const { campagneAArchiverId: ancienne } = await this.campagnes.trouver(em, campagneId);
      const bilan = { ...RIEN(), campagnesActivees: 1 };
      if (ancienne !== null && ancienne !== campagneId && (await this.campagnes.archiver(em, ancienne, now))) {
        bilan.campagnesArchivees = 1;
        bilan.candidaturesArchivees = await this.figerDatesDesCandidatures(em, ancienne);
      }
      return bilan;
    });
  }

  /**
   * Copies each formation's dates into the candidatures of the campaign: one UPDATE per formation, whose condition
   * (not archived yet) is the transition table's `archiver` rule, so a bulk of any size needs no row-by-row check.
   */
  private async figerDatesDesCandidatures(em: EntityManager, campagneId: number): Promise<number> {
    const candidatures = em.getRepository(Candidature);
    const rows = await candidatures
      .createQueryBuilder('c')
      .select('DISTINCT c.formationId', 'formationId')
      .where('c.campagneId = :campagneId AND c.datesArchivees IS NULL', { campagneId })
      .getRawMany<{ formationId: number | string }>();
    if (rows.length === 0) return 0;
    const formations = await em.getRepository(Formation).findBy({ id: In(rows.map((r) => Number(r.formationId))) });
    let archivees = 0;
    for (const formation of formations) {
      const done = await candidatures.update(
        { campagneId, formationId: formation.id, datesArchivees: IsNull() },
        { datesArchivees: figerDates(formation), version: () => 'version + 1' },
      );
      archivees += done.affected ?? 0;
    }
    return archivees;
  }
}
