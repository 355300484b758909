import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/roles';
import { Clock, parisDate } from '../common/clock/clock';
import { assertVersion } from '../common/concurrency/versioned';
import { BusinessRule, Conflict, FieldError, PreconditionFailed, ValidationFailed } from '../common/errors/domain-errors';
import { Page, toPage } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { isUniqueViolation } from '../database/unique-violation';
import { checkCampagneDates } from './campagne-rules';
import { CampagneService } from './campagne.service';
import { CampagneDto, CampagneInput } from './dto/campagne.dto';
import { Campagne } from './entities/campagne.entity';
import { PerimetreOffre } from './perimetre-offre';

type Columns = Pick<Campagne, 'code' | 'libelle' | 'dateDebut' | 'dateFin' | 'dateActivationPrevue' | 'campagneAArchiverId' | 'dateFinCandidat' | 'creationComptesHorsCas'>;

/**
 * Staff set-up of campaigns (scolarité centrale, admin; gestionnaires may read them). The very first campaign is put in service at once; the
 * next ones wait for their planned day (the archiving job) or POST …/activation.
 */
@Injectable()
export class GestionCampagnesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campagnes: CampagneService,
    private readonly clock: Clock,
  ) {}

  // Reading is open to gestionnaires (dates they work with; nothing of any centre): changes are not.
  async list(query: PageQueryDto): Promise<Page<CampagneDto>> {
    const limit = query.limit ?? 20;
    const [rows, total] = await this.dataSource.getRepository(Campagne).findAndCount({
      order: { dateDebut: 'DESC', id: 'DESC' },
      skip: ((query.page ?? 1) - 1) * limit,
      take: limit,
    });
    return toPage(rows.map(campagneDto), total, query);
  }

  async get(id: number): Promise<CampagneDto> {
    return campagneDto(await this.campagnes.trouver(this.dataSource.manager, id));
  }

  async create(principal: Principal, input: CampagneInput): Promise<CampagneDto> {
    PerimetreOffre.assertCampagnes(principal);
    const now = this.clock.now();
    return this.write(input.code, async (em) => {
      const repo = em.getRepository(Campagne);
      const premiere = (await repo.count()) === 0;
      const enService = await repo.findOneBy({ enService: true });
      assertValid([...checkCampagneDates(input, parisDate(now)), ...checkArchivage(input.campagneAArchiverId ?? null, enService, null)]);
      const row = { ...columns(input), ...(premiere ? { dateActivationPrevue: null } : {}), enService: premiere, activeeAt: premiere ? now : null, archiveeAt: null, version: 1 };
      const id = (await repo.insert({ ...row })).identifiers[0].id;
      return campagneDto({ ...row, id: Number(id) });
    });
  }

  async update(principal: Principal, id: number, input: CampagneInput, ifMatch: number | undefined): Promise<CampagneDto> {
    PerimetreOffre.assertCampagnes(principal);
    const current = await this.campagnes.trouver(this.dataSource.manager, id);
    assertVersion(current.version, ifMatch);
    if (current.archiveeAt) throw new BusinessRule('CAMPAGNE_ARCHIVEE', `La campagne ${current.libelle} est archivée : elle ne peut plus être modifiée.`);
    const changes = columns(input);
    return this.write(input.code, async (em) => {
      const errors = checkCampagneDates(input, parisDate(this.clock.now()), current.dateActivationPrevue);
      if (changes.campagneAArchiverId !== current.campagneAArchiverId) {
        if (current.activeeAt) errors.push({ field: 'campagneAArchiverId', message: 'ne peut plus changer : la campagne a déjà été mise en service' });
        else errors.push(...checkArchivage(changes.campagneAArchiverId, await em.getRepository(Campagne).findOneBy({ enService: true }), id));
      }
      assertValid(errors);
      const done = await em.getRepository(Campagne).update({ id, version: current.version }, { ...changes, version: () => 'version + 1' });
      if (!done.affected) throw new PreconditionFailed();
      return campagneDto({ ...current, ...changes, version: current.version + 1 });
    });
  }

  private async write<T>(code: string, change: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(change);
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('CODE_DEJA_UTILISE', `Le code « ${code} » est déjà celui d'une autre campagne : choisissez-en un autre.`);
      throw error;
    }
  }
}

/** The campaign to archive is the one in service when the next is set up (never the campaign itself). */
function checkArchivage(id: number | null, enService: Campagne | null, self: number | null): FieldError[] {
  if (id === null) return [];
  if (!enService) return [{ field: 'campagneAArchiverId', message: "ne peut désigner aucune campagne : aucune n'est en service" }];
  if (id !== enService.id || id === self) return [{ field: 'campagneAArchiverId', message: `doit désigner la campagne en service (« ${enService.code} », id ${enService.id})` }];
  return [];
}

function assertValid(errors: FieldError[]): void {
  if (errors.length > 0) throw new ValidationFailed(errors);
}

function columns(input: CampagneInput): Columns {
  return {
    code: input.code,
    libelle: input.libelle,
    dateDebut: input.dateDebut,
    dateFin: input.dateFin,
    dateActivationPrevue: input.dateActivationPrevue ?? null,
    campagneAArchiverId: input.campagneAArchiverId ?? null,
    dateFinCandidat: input.dateFinCandidat ?? null,
    creationComptesHorsCas: input.creationComptesHorsCas ?? true,
  };
}

export function campagneDto(c: Campagne): CampagneDto {
  return {
    id: c.id,
    code: c.code,
    libelle: c.libelle,
    dateDebut: c.dateDebut,
    dateFin: c.dateFin,
    dateActivationPrevue: c.dateActivationPrevue,
    campagneAArchiverId: c.campagneAArchiverId,
    dateFinCandidat: c.dateFinCandidat ?? null,
    creationComptesHorsCas: c.creationComptesHorsCas ?? true,
    enService: c.enService,
    activeeAt: c.activeeAt?.toISOString() ?? null,
    archiveeAt: c.archiveeAt?.toISOString() ?? null,
    version: c.version,
  };
}
