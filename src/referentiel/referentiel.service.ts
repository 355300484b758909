import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Page, toPage } from '../common/pagination/page';
import { normalizeForSearch } from '../common/text/normalize';
import {
  AnneeQueryDto,
  CommuneQueryDto,
  EtablissementQueryDto,
  SearchQueryDto,
} from './dto/referentiel-query.dto';
import {
  CommuneDto,
  DepartementDto,
  EtablissementDto,
  MentionDto,
  PaysDto,
  SerieBacDto,
  SpecialiteBacDto,
  TypeDiplomeDto,
} from './dto/referentiel.dto';
import {
  Commune,
  CommuneCodePostal,
  Departement,
  Etablissement,
  Mention,
  Pays,
  SerieBac,
  SpecialiteBac,
  TypeDiplome,
} from './entities';

type Filter<E extends ObjectLiteral> = (qb: SelectQueryBuilder<E>) => void;

/** Read side of the reference data: search without regard to case or accents, filters, pagination. */
@Injectable()
export class ReferentielService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listPays(query: SearchQueryDto): Promise<Page<PaysDto>> {
    return this.search(Pays, query, { orderBy: ['libelle'] }, ({ code, codeIso3, libelle, nationalite }) => ({
      code,
      codeIso3,
      libelle,
      nationalite,
    }));
  }

  async listDepartements(query: SearchQueryDto): Promise<Page<DepartementDto>> {
    return this.search(Departement, query, { orderBy: ['code'] }, ({ code, libelle, codeRegion }) => ({
      code,
      libelle,
      codeRegion,
    }));
  }

  async listCommunes(query: CommuneQueryDto): Promise<Page<CommuneDto>> {
    const page = await this.search(
      Commune,
      query,
      {
        // Among equal matches the most populated commune comes first: "orl" gives Orléans before Orly.
        orderBy: ['population DESC', 'libelle'],
        filter: (qb) => {
          if (query.departement) qb.andWhere('e.departementCode = :departement', { departement: query.departement });
          if (query.codePostal) {
            qb.andWhere(
              `e.code IN (SELECT cp.commune_code FROM commune_code_postal cp WHERE cp.code_postal LIKE :codePostal)`,
              { codePostal: `${query.codePostal}%` },
            );
          }
        },
      },
      (c) => ({ code: c.code, libelle: c.libelle, departement: c.departementCode, codesPostaux: [] as string[] }),
    );
    if (page.items.length > 0) {
      const codes = await this.dataSource.getRepository(CommuneCodePostal).find({
        where: page.items.map((c) => ({ communeCode: c.code })),
        order: { codePostal: 'ASC' },
      });
      const byCommune = new Map(page.items.map((c) => [c.code, c]));
      for (const cp of codes) byCommune.get(cp.communeCode)?.codesPostaux.push(cp.codePostal);
    }
    return page;
  }

  async listSeriesBac(query: AnneeQueryDto): Promise<Page<SerieBacDto>> {
    return this.search(
      SerieBac,
      query,
      { orderBy: ['ordre'], filter: (qb) => this.validIn(qb, query.annee) },
      ({ code, libelle, categorie, anneeDebut, anneeFin, avecSpecialites }) => ({
        code,
        libelle,
        categorie,
        anneeDebut,
        anneeFin,
        avecSpecialites: Boolean(avecSpecialites),
      }),
    );
  }

  async listSpecialitesBac(query: AnneeQueryDto): Promise<Page<SpecialiteBacDto>> {
    return this.search(
      SpecialiteBac,
      query,
      { orderBy: ['libelle'], filter: (qb) => this.validIn(qb, query.annee) },
      ({ code, libelle, anneeDebut, anneeFin }) => ({ code, libelle, anneeDebut, anneeFin }),
    );
  }

  async listMentions(query: SearchQueryDto): Promise<Page<MentionDto>> {
    return this.search(Mention, query, { orderBy: ['ordre'] }, ({ code, libelle }) => ({ code, libelle }));
  }

  async listTypesDiplome(query: SearchQueryDto): Promise<Page<TypeDiplomeDto>> {
    return this.search(TypeDiplome, query, { orderBy: ['ordre'] }, ({ code, libelle }) => ({ code, libelle }));
  }

  async listEtablissements(query: EtablissementQueryDto): Promise<Page<EtablissementDto>> {
    return this.search(
      Etablissement,
      query,
      {
        orderBy: ['libelle'],
        filter: (qb) => {
          if (query.departement) qb.andWhere('e.departementCode = :departement', { departement: query.departement });
          if (query.commune) qb.andWhere('e.communeCode = :commune', { commune: query.commune });
          if (query.type) qb.andWhere('e.type = :type', { type: query.type });
        },
      },
      (e) => ({ code: e.code, libelle: e.libelle, type: e.type, commune: e.communeCode, departement: e.departementCode }),
    );
  }

  /** Rows valid in a session year: first year at or before it, last year at or after it (bounds inclusive). */
  private validIn<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, annee: number | undefined): void {
    if (annee === undefined) return;
    qb.andWhere(new Brackets((w) => w.where('e.anneeDebut IS NULL').orWhere('e.anneeDebut <= :annee', { annee })));
    qb.andWhere(new Brackets((w) => w.where('e.anneeFin IS NULL').orWhere('e.anneeFin >= :annee', { annee })));
  }

  /**
   * One search for every list: `q` is folded like the stored search column or matched on the code. The exact code
   * comes first, then labels that start with the text, then labels that merely contain it.
   */
  private async search<E extends ObjectLiteral & { code: string; libelleRecherche: string }, D>(
    entity: EntityTarget<E>,
    query: SearchQueryDto,
    options: { orderBy: string[]; filter?: Filter<E> },
    toDto: (e: E) => D,
  ): Promise<Page<D>> {
    const qb = this.dataSource.getRepository(entity).createQueryBuilder('e');
    options.filter?.(qb);
    const q = query.q ? normalizeForSearch(query.q) : '';
    if (q) {
      qb.andWhere(new Brackets((w) => w.where('e.libelleRecherche LIKE :contains').orWhere('UPPER(e.code) = :code')), {
        contains: `%${q}%`,
        code: q.replace(/ /g, ''),
      });
      qb.addSelect('CASE WHEN UPPER(e.code) = :code THEN 0 WHEN e.libelleRecherche LIKE :prefix THEN 1 ELSE 2 END', 'rang');
      qb.setParameter('prefix', `${q}%`);
      qb.orderBy('rang', 'ASC');
    }
    for (const order of options.orderBy) {
      const [column, direction] = order.split(' ');
      qb.addOrderBy(`e.${column}`, (direction as 'ASC' | 'DESC') ?? 'ASC');
    }
    qb.addOrderBy('e.code', 'ASC');
    const take = query.limit ?? 20;
    qb.offset(((query.page ?? 1) - 1) * take).limit(take);
    const [rows, total] = await qb.getManyAndCount();
    return toPage(rows.map(toDto), total, query);
  }
}
