import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessRule } from '../common/errors/domain-errors';
import { Campagne } from './entities/campagne.entity';

/** Campaigns; the offer set-up (dates rules, archiving) comes with the offer issue. */
@Injectable()
export class CampagneService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The campaign in service; accounts and candidatures always belong to it. */
  async enService(em: EntityManager = this.dataSource.manager): Promise<Campagne> {
    const campagne = await em.getRepository(Campagne).findOneBy({ enService: true });
    if (!campagne) {
      throw new BusinessRule('AUCUNE_CAMPAGNE_EN_SERVICE', "Aucune campagne de candidature n'est ouverte pour le moment.");
    }
    return campagne;
  }

  /** Creates a campaign; `enService` takes the service from any other. */
  async create(campagne: Omit<Campagne, 'id'>): Promise<Campagne> {
    return this.dataSource.transaction(async (em) => {
      if (campagne.enService) await em.getRepository(Campagne).update({ enService: true }, { enService: false });
      return em.getRepository(Campagne).save(campagne);
    });
  }
}
