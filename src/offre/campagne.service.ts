import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { Clock, parisDate } from '../common/clock/clock';
import { BusinessRule, NotFound } from '../common/errors/domain-errors';
import { raisonFermeture } from './campagne-rules';
import { Campagne } from './entities/campagne.entity';

type NouvelleCampagne = Pick<Campagne, 'code' | 'libelle' | 'dateDebut' | 'dateFin' | 'enService'> &
  Partial<Pick<Campagne, 'dateActivationPrevue' | 'campagneAArchiverId' | 'activeeAt' | 'archiveeAt'>>;

/**
 * Campaigns: the one in service, whether it is open today, and its changes of state (put in service, archived).
 * Staff set-up is GestionCampagnesService; the switch with its archiving of candidatures, ArchivageCampagnesService.
 */
@Injectable()
export class CampagneService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The campaign in service; accounts and candidatures always belong to it. */
  async enService(em: EntityManager = this.dataSource.manager): Promise<Campagne> {
    const campagne = await em.getRepository(Campagne).findOneBy({ enService: true });
    if (!campagne) {
      throw new BusinessRule('AUCUNE_CAMPAGNE_EN_SERVICE', "Aucune campagne de candidature n'est ouverte pour le moment.");
    }
    return campagne;
  }

  /**
   * The campaign in service when today (Europe/Paris) is within its window, both ends included: what creating an
   * account or a candidature needs. Outside it, a 422 CAMPAGNE_FERMEE saying since or until when.
   */
  async ouverte(em: EntityManager = this.dataSource.manager): Promise<Campagne> {
    const campagne = await this.enService(em);
    const raison = raisonFermeture(campagne, parisDate(this.clock.now()));
    if (raison) throw new BusinessRule('CAMPAGNE_FERMEE', raison);
    return campagne;
  }

  async trouver(em: EntityManager, id: number): Promise<Campagne> {
    const campagne = await em.getRepository(Campagne).findOneBy({ id });
    if (!campagne) throw new NotFound('CAMPAGNE_INTROUVABLE', "Cette campagne n'existe pas (ou plus).");
    return campagne;
  }

  /** Campaigns never put in service whose planned switch day has come, earliest first. */
  prevues(today: string): Promise<Campagne[]> {
    return this.dataSource.getRepository(Campagne).find({
      where: { enService: false, activeeAt: IsNull(), archiveeAt: IsNull(), dateActivationPrevue: LessThanOrEqual(today) },
      order: { dateActivationPrevue: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Puts a campaign in service, taking the service from any other. The conditional UPDATE is the claim: false (and
   * nothing changed) when it is already in service or archived, so two instances doing it at once do it once.
   */
  async mettreEnService(em: EntityManager, id: number, now: Date): Promise<boolean> {
    const repo = em.getRepository(Campagne);
    const claimed = await repo.update({ id, enService: false, archiveeAt: IsNull() }, { enService: true, activeeAt: now, version: () => 'version + 1' });
    if (!claimed.affected) return false;
    await repo.update({ enService: true, id: Not(id) }, { enService: false, version: () => 'version + 1' });
    return true;
  }

  /** Archives a campaign (out of service for good); false when it already was. */
  async archiver(em: EntityManager, id: number, now: Date): Promise<boolean> {
    const done = await em.getRepository(Campagne).update({ id, archiveeAt: IsNull() }, { enService: false, archiveeAt: now, version: () => 'version + 1' });
    return done.affected === 1;
  }

  /** Creates a campaign (tests, demo data); `enService` takes the service from any other. */
  async create(campagne: NouvelleCampagne): Promise<Campagne> {
    return this.dataSource.transaction(async (em) => {
      if (campagne.enService) await em.getRepository(Campagne).update({ enService: true }, { enService: false });
      const row = { dateActivationPrevue: null, campagneAArchiverId: null, activeeAt: campagne.enService ? this.clock.now() : null, archiveeAt: null, ...campagne, version: 1 };
      return em.getRepository(Campagne).save(row);
    });
  }
}
