import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsOrder } from 'typeorm';
import { FieldError } from '../common/errors/domain-errors';
import { Page } from '../common/pagination/page';
import { AnneeQueryDto, CommuneQueryDto, EtablissementQueryDto, SearchQueryDto } from './dto/referentiel-query.dto';
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
import { SearchIndex } from './search-index';

interface Period {
  anneeDebut: number | null;
  anneeFin: number | null;
}

type Catalog = Awaited<ReturnType<ReferentielService['loadCatalog']>>;

/**
 * Read side of the reference data. The tables only change when ReferentielImportService loads a new release, so
 * each instance answers from a snapshot of them, in the order each list is shown, with a word-start index: the
 * autocomplete of communes at campaign opening is a binary search instead of a full-table LIKE (bench/).
 */
@Injectable()
export class ReferentielService {
  private readonly logger = new Logger(ReferentielService.name);
  private catalog?: Promise<Catalog>;
  private refreshing = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Reads the tables into a new snapshot, which replaces the current one once complete. Called at start-up (after the
   * import), so that no request ever loads it: one doing so inside a transaction would wait for a second pool
   * connection while holding one, and a burst of such requests would take the whole pool and wait for ever.
   */
  async charger(): Promise<void> {
    const catalog = this.loadCatalog();
    await catalog;
    this.catalog = catalog;
  }

  /**
   * Établissements change when an administrator imports a directory, from another process (the command line) or
   * another instance: each instance compares a fingerprint of the table (rows, last import date) once a minute and
   * reloads its snapshot when it moved. One indexed aggregate a minute; the reload runs outside any request.
   */
  @Interval('referentiel-etablissements', 60_000)
  async refreshIfChanged(): Promise<boolean> {
    if (this.refreshing || !this.catalog) return false;
    this.refreshing = true;
    try {
      const [current, loaded] = await Promise.all([this.fingerprint(), this.catalog.then((c) => c.empreinteEtablissements)]);
      if (current === loaded) return false;
      await this.charger();
      this.logger.log('Établissements rechargés après un import.');
      return true;
    } catch (error) {
      this.logger.warn(`Rechargement des établissements impossible : ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      this.refreshing = false;
    }
  }

  private async fingerprint(): Promise<string> {
    const [row] = await this.dataSource
      .getRepository(Etablissement)
      .createQueryBuilder('e')
      .select('COUNT(*)', 'n')
      .addSelect('MAX(e.majLe)', 'maj')
      .getRawMany<{ n: number | string; maj: Date | string | null }>();
    const maj = row?.maj ? new Date(row.maj).getTime() : 0;
    return `${Number(row?.n ?? 0)}|${maj}`;
  }

  async listPays(query: SearchQueryDto): Promise<Page<PaysDto>> {
    return (await this.snapshot()).pays.page(query);
  }

  async listDepartements(query: SearchQueryDto): Promise<Page<DepartementDto>> {
    return (await this.snapshot()).departements.page(query);
  }

  async listCommunes(query: CommuneQueryDto): Promise<Page<CommuneDto>> {
    const { communes } = await this.snapshot();
    const { departement, codePostal } = query;
    return communes.page(query, (c) => !departement || c.departement === departement, codePostal ? communes.tagged(codePostal) : undefined);
  }

  async listSeriesBac(query: AnneeQueryDto): Promise<Page<SerieBacDto>> {
    return (await this.snapshot()).seriesBac.page(query, (s) => awardedIn(s, query.annee));
  }

  async listSpecialitesBac(query: AnneeQueryDto): Promise<Page<SpecialiteBacDto>> {
    return (await this.snapshot()).specialitesBac.page(query, (s) => awardedIn(s, query.annee));
  }

  async listMentions(query: SearchQueryDto): Promise<Page<MentionDto>> {
    return (await this.snapshot()).mentions.page(query);
  }

  async listTypesDiplome(query: SearchQueryDto): Promise<Page<TypeDiplomeDto>> {
    return (await this.snapshot()).typesDiplome.page(query);
  }

  async listEtablissements(query: EtablissementQueryDto): Promise<Page<EtablissementDto>> {
    const { departement, commune, type } = query;
    return (await this.snapshot()).etablissements.page(
      query,
      (e) => e.actif && (!departement || e.departement === departement) && (!commune || e.commune === commune) && (!type || e.type === type),
    );
  }

  /**
   * Checks codes typed in a form against the reference data, in one place for every form of the service: the
   * errors name each field with a French sentence (an empty list when all is right).
   */
  async verify(checks: CodeCheck[]): Promise<FieldError[]> {
    const catalog = await this.snapshot();
    const errors: FieldError[] = [];
    for (const check of checks) {
      const [list, label] = LISTS[check.kind];
      const row = (catalog[list] as SearchIndex<{ code: string }>).byCode(check.code) as
        | (Partial<Period> & { codesPostaux?: string[] })
        | undefined;
      if (!row) {
        errors.push({ field: check.field, message: `n'est pas un code de ${label} connu (voir /api/referentiels/${ROUTES[check.kind]})` });
      } else if (check.kind === 'commune' && check.codePostal && !(row.codesPostaux ?? []).includes(check.codePostal)) {
        errors.push({ field: check.field, message: `ne correspond pas au code postal ${check.codePostal}` });
      } else if (check.kind === 'commune' && check.departement && (row as { departement?: string }).departement !== check.departement) {
        errors.push({ field: check.field, message: `n'est pas une commune du département ${check.departement}` });
      } else if ((check.kind === 'serieBac' || check.kind === 'specialiteBac') && !awardedIn(row as Period, check.annee)) {
        errors.push({ field: check.field, message: `n'existait pas au bac ${check.annee}` });
      }
    }
    return errors;
  }

  /**
   * Labels of reference codes, for documents and summaries: `libelle('commune', '45234')` is « Orléans »; an unknown
   * or empty code gives back the code itself (or null), never an error.
   */
  async libelleur(): Promise<(kind: CodeCheck['kind'], code: string | null | undefined) => string | null> {
    const catalog = await this.snapshot();
    return (kind, code) => {
      if (!code) return null;
      const row = (catalog[LISTS[kind][0]] as SearchIndex<{ code: string; libelle: string }>).byCode(code);
      return row?.libelle ?? code;
    };
  }

  /** A série de bac by its code (its category, its spécialités, whether an INE is expected), or undefined. */
  async serieBac(code: string): Promise<SerieBacDto | undefined> {
    return (await this.snapshot()).seriesBac.byCode(code);
  }

  /** The snapshot `charger` made at start-up; read here only by code running before it (start-up hooks). */
  private snapshot(): Promise<Catalog> {
    this.catalog ??= this.loadCatalog().catch((error: unknown) => {
      this.catalog = undefined;
      throw error;
    });
    return this.catalog;
  }

  private async loadCatalog() {
    const rows = <E extends object>(entity: new () => E, order: FindOptionsOrder<E>) => this.dataSource.getRepository<E>(entity).find({ order });
    const index = <R extends { libelleRecherche: string }, D extends { code: string }>(list: R[], toDto: (row: R) => D, tags?: (dto: D) => string[]) =>
      new SearchIndex(
        list.map((row) => ({ dto: toDto(row), recherche: row.libelleRecherche })),
        tags,
      );
    const empreinteEtablissements = await this.fingerprint();
    const codesPostaux = new Map<string, string[]>();
    for (const cp of await rows(CommuneCodePostal, { codePostal: 'ASC' })) {
      codesPostaux.set(cp.communeCode, [...(codesPostaux.get(cp.communeCode) ?? []), cp.codePostal]);
    }
    const communes = await rows(Commune, { population: 'DESC', libelleRecherche: 'ASC', code: 'ASC' });
    const nomsCommunes = new Map(communes.map((c) => [c.code, c]));
    return {
      empreinteEtablissements,
      pays: index(await rows(Pays, { libelleRecherche: 'ASC' }), ({ code, codeIso3, libelle, nationalite }) => ({ code, codeIso3, libelle, nationalite })),
      departements: index(await rows(Departement, { code: 'ASC' }), ({ code, libelle, codeRegion }) => ({ code, libelle, codeRegion })),
      // The most populated first among equal matches: "orl" gives Orléans before Orly.
      communes: index(
        communes,
        (c) => ({
          code: c.code,
          libelle: c.libelle,
          departement: c.departementCode,
          codesPostaux: codesPostaux.get(c.code) ?? [],
        }),
        (c) => c.codesPostaux,
      ),
      seriesBac: index(await rows(SerieBac, { ordre: 'ASC' }), (s) => ({
        code: s.code,
        libelle: s.libelle,
        categorie: s.categorie,
        anneeDebut: s.anneeDebut,
        anneeFin: s.anneeFin,
        avecSpecialites: Boolean(s.avecSpecialites),
        ineAttendu: Boolean(s.ineAttendu),
      })),
      specialitesBac: index(await rows(SpecialiteBac, { libelleRecherche: 'ASC' }), ({ code, libelle, anneeDebut, anneeFin }) => ({
        code,
        libelle,
        anneeDebut,
        anneeFin,
      })),
      mentions: index(await rows(Mention, { ordre: 'ASC' }), ({ code, libelle }) => ({ code, libelle })),
      typesDiplome: index(await rows(TypeDiplome, { ordre: 'ASC' }), ({ code, libelle }) => ({ code, libelle })),
      // Searched by name, by commune name too (« caen » lists Caen's lycées) and by UAI.
      etablissements: new SearchIndex(
        (await rows(Etablissement, { libelleRecherche: 'ASC', code: 'ASC' })).map((e) => {
          const commune = nomsCommunes.get(e.communeCode);
          return {
            dto: {
              code: e.code,
              libelle: e.libelle,
              type: e.type,
              statut: e.statut ?? null,
              commune: e.communeCode,
              libelleCommune: commune?.libelle ?? e.communeCode,
              departement: e.departementCode,
              actif: Boolean(e.actif),
            },
            recherche: commune ? `${e.libelleRecherche} ${commune.libelleRecherche}` : e.libelleRecherche,
          };
        }),
      ),
    };
  }
}

/** A code typed in a form, to check against the reference data; `field` names it in the 400 answer. */
export type CodeCheck = { field: string; code: string } & (
  | { kind: 'pays' | 'departement' | 'mention' | 'typeDiplome' | 'etablissement' }
  /** With `codePostal` (or `departement`), the commune must be one of that postal code's (département's) */
  | { kind: 'commune'; codePostal?: string; departement?: string }
  /** Valid for the bac of that year */
  | { kind: 'serieBac' | 'specialiteBac'; annee: number }
);

const LISTS = {
  pays: ['pays', 'pays'],
  departement: ['departements', 'département'],
  commune: ['communes', 'commune'],
  mention: ['mentions', 'mention'],
  typeDiplome: ['typesDiplome', 'type de diplôme'],
  etablissement: ['etablissements', 'établissement'],
  serieBac: ['seriesBac', 'série de bac'],
  specialiteBac: ['specialitesBac', 'spécialité de bac'],
} as const;
const ROUTES: Record<CodeCheck['kind'], string> = {
  pays: 'pays',
  departement: 'departements',
  commune: 'communes',
  mention: 'mentions',
  typeDiplome: 'types-diplome',
  etablissement: 'etablissements',
  serieBac: 'series-bac',
  specialiteBac: 'specialites-bac',
};

/** Awarded in a session year: first year at or before it, last year at or after it (bounds inclusive). */
function awardedIn(period: Period, annee: number | undefined): boolean {
  return annee === undefined || ((period.anneeDebut === null || period.anneeDebut <= annee) && (period.anneeFin === null || period.anneeFin >= annee));
}
