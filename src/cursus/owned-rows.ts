import { DataSource, FindOptionsOrder, FindOptionsWhere, QueryDeepPartialEntity, Repository } from 'typeorm';
import { Clock, parisDate } from '../common/clock/clock';
import { assertVersion } from '../common/concurrency/versioned';
import { BusinessRule, FieldError, NotFound, PreconditionFailed, ValidationFailed } from '../common/errors/domain-errors';
import { CodeCheck, ReferentielService } from '../referentiel/referentiel.service';
import { PREMIERE_ANNEE } from './dto/cursus.dto';

/** More is not a cursus but abuse: the reference system's screens show a handful of rows. */
export const MAX_ROWS = 50;

/** What every row of a candidate's list has; the rest are the columns the candidate types. */
export interface OwnedRow {
  id: number;
  compteCandidatId: number;
  annee: number;
  version: number;
  updatedAt: Date;
}

type Typed<E> = Omit<E, keyof OwnedRow | 'compteCandidat'>;

/** How one kind of row is checked, stored and shown. */
export interface RowKind<E extends OwnedRow, I extends { annee: number }, D> {
  entity: new () => E;
  /** Answer to an id that is not one of the candidate's rows */
  notFound: { code: string; detail: string };
  /** "stages", in the sentence refusing a row beyond MAX_ROWS */
  plural: string;
  /** The kind's own rules, and the codes to check against the reference data */
  check(input: I): { errors: FieldError[]; codes: CodeCheck[] };
  columns(input: I): Typed<E>;
  toDto(row: E): D;
}

export interface RowDeps {
  dataSource: DataSource;
  clock: Clock;
  referentiel: ReferentielService;
}

/**
 * A list of rows a candidate owns (cursus externe, stages, expériences pro): every query is scoped to the
 * candidate, so another candidate's id is answered as not found; each row carries a version, and a change or a
 * deletion applies only `WHERE version = <If-Match>`, so a concurrent edit is never silently overwritten.
 */
export class OwnedRows<E extends OwnedRow, I extends { annee: number }, D> {
  constructor(
    private readonly deps: RowDeps,
    private readonly kind: RowKind<E, I, D>,
  ) {}

  /** By year, then in the order they were added. */
  async list(compteCandidatId: number): Promise<D[]> {
    const rows = await this.repository().find({
      where: { compteCandidatId } as FindOptionsWhere<E>,
      order: { annee: 'ASC', id: 'ASC' } as FindOptionsOrder<E>,
    });
    return rows.map((row) => this.kind.toDto(row));
  }

  async get(compteCandidatId: number, id: number): Promise<D> {
    return this.kind.toDto(await this.owned(compteCandidatId, id));
  }

  async add(compteCandidatId: number, input: I): Promise<D> {
    await this.assertValid(input);
    // A guard, not an invariant: two additions at the same instant may both pass it, which does no harm.
    if ((await this.repository().countBy({ compteCandidatId } as FindOptionsWhere<E>)) >= MAX_ROWS) {
      throw new BusinessRule('TROP_D_ELEMENTS', `Votre dossier compte déjà ${MAX_ROWS} ${this.kind.plural} : c'est le maximum. Supprimez-en avant d'en ajouter.`);
    }
    const row = { ...this.kind.columns(input), compteCandidatId, version: 1, updatedAt: this.deps.clock.now() };
    const result = await this.repository().insert(row as QueryDeepPartialEntity<E>);
    return this.kind.toDto({ ...row, id: Number(result.identifiers[0].id) } as E);
  }

  async update(compteCandidatId: number, id: number, input: I, ifMatch: number | undefined): Promise<D> {
    const current = await this.owned(compteCandidatId, id);
    assertVersion(current.version, ifMatch);
    await this.assertValid(input);
    const changes = { ...this.kind.columns(input), updatedAt: this.deps.clock.now() };
    const result = await this.repository().update({ id, compteCandidatId, version: current.version } as FindOptionsWhere<E>, {
      ...changes,
      version: () => 'version + 1',
    } as QueryDeepPartialEntity<E>);
    // Changed or deleted since it was read: the other change won.
    if (!result.affected) throw new PreconditionFailed();
    return this.kind.toDto({ ...current, ...changes, version: current.version + 1 });
  }

  async remove(compteCandidatId: number, id: number, ifMatch: number | undefined): Promise<void> {
    const current = await this.owned(compteCandidatId, id);
    assertVersion(current.version, ifMatch);
    const result = await this.repository().delete({ id, compteCandidatId, version: current.version } as FindOptionsWhere<E>);
    if (!result.affected) throw new PreconditionFailed();
  }

  private repository(): Repository<E> {
    return this.deps.dataSource.getRepository(this.kind.entity);
  }

  private async owned(compteCandidatId: number, id: number): Promise<E> {
    const row = await this.repository().findOneBy({ id, compteCandidatId } as FindOptionsWhere<E>);
    if (!row) throw new NotFound(this.kind.notFound.code, this.kind.notFound.detail);
    return row;
  }

  private async assertValid(input: I): Promise<void> {
    const derniere = Number(parisDate(this.deps.clock.now()).slice(0, 4)) + 1;
    const { errors, codes } = this.kind.check(input);
    if (input.annee > derniere) errors.unshift({ field: 'annee', message: `doit être une année entre ${PREMIERE_ANNEE} et ${derniere}` });
    const all = [...errors, ...(await this.deps.referentiel.verify(codes))];
    if (all.length > 0) throw new ValidationFailed(all);
  }

}
