import { DataSource, EntityManager, ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { Alias } from 'typeorm/query-builder/Alias';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { RelationMetadata } from 'typeorm/metadata/RelationMetadata';

/**
 * A read whose SQL TypeORM builds once per data source instead of on every call. Building a query (aliasing every
 * column of every joined entity, replacing property names in the whole text) costs more CPU than running a
 * primary-key lookup; on the candidate's hot reads it was a quarter of the request. The query is written as usual
 * with a query builder and named parameters (`:id`, `:...ids`, whose length may vary); each call only binds them
 * and turns the rows into entities. For plain selects and joins only: no `take`/`skip` (TypeORM pages joined queries
 * with two statements), no relation ids or counts.
 *
 * Two shortcuts, measured on the candidate's reads (bench/README.md): when every selected join is to one entity
 * (a row is one main entity), the rows become entities by a plan made once (which column goes to which property of
 * which entity) rather than by TypeORM's transformer, which groups the rows by primary key and works out its aliases
 * and columns again on every call; and on MariaDB, outside a transaction, the statement goes to a pool connection
 * directly rather than through a query runner made for it (its subscribers' broadcasts, a promise wrapper of the
 * connection and a captured stack per statement). The pool connection is the one `boundMariadbWaits` bounds; the
 * statement is logged and its errors are TypeORM's QueryFailedError, as through a query runner.
 */
export function requetePreparee<T extends ObjectLiteral>(construire: (em: EntityManager) => SelectQueryBuilder<T>): (em: EntityManager, parametres: ObjectLiteral) => Promise<T[]> {
  const preparees = new WeakMap<DataSource, { qb: SelectQueryBuilder<T>; sql: string; plan: Plan | null }>();
  return async (em, parametres) => {
    let p = preparees.get(em.connection);
    if (!p) {
      const qb = construire(em);
      p = { qb, sql: qb.getQuery(), plan: planDe(qb, em.connection) };
      preparees.set(em.connection, p);
    }
    const driver = em.connection.driver;
    const [sql, valeurs] = driver.escapeQueryWithParameters(p.sql, parametres);
    const rows = em.queryRunner === undefined && estMariadb(em.connection) ? await surLePool(em.connection, sql, valeurs) : ((await em.query(sql, valeurs)) as ObjectLiteral[]);
    if (rows.length === 0) return [];
    if (p.plan) {
      const plan = p.plan;
      const entites: T[] = [];
      for (const row of rows) {
        const entite = hydrater(plan, row, em);
        if (entite !== undefined) entites.push(entite as T);
      }
      return entites;
    }
    return new RawSqlResultsToEntityTransformer(p.qb.expressionMap, driver, [], em.queryRunner).transform(rows, p.qb.expressionMap.mainAlias!) as T[];
  };
}

const estMariadb = (ds: DataSource) => ds.options.type === 'mariadb' || ds.options.type === 'mysql';

interface ConnexionPool {
  execute(sql: string, values: unknown[], cb: (error: Error | null, rows: unknown) => void): void;
  release(): void;
}

/**
 * One statement on a pool connection (bounded by boundMariadbWaits), given back at once; logged as TypeORM logs it.
 * As a server-side prepared statement: each connection prepares the text once (mysql2 keeps up to
 * `maxPreparedStatements` of them, data-source-options.ts), then sends only the statement's id and the values, and
 * reads the rows in the binary protocol through a parser mysql2 builds once per statement. On the candidate's reads
 * that took the API from 0.63–0.68 of the bare server to 0.87–0.89 (bench/README.md).
 */
async function surLePool(ds: DataSource, sql: string, valeurs: unknown[]): Promise<ObjectLiteral[]> {
  const driver = ds.driver as unknown as { obtainMasterConnection(): Promise<ConnexionPool> };
  const connexion = await driver.obtainMasterConnection();
  ds.logger.logQuery(sql, valeurs);
  try {
    return await new Promise<ObjectLiteral[]>((resolve, reject) => connexion.execute(sql, valeurs, (error, rows) => (error ? reject(error) : resolve(rows as ObjectLiteral[]))));
  } catch (error) {
    ds.logger.logQueryError(error as Error, sql, valeurs);
    throw new QueryFailedError(sql, valeurs, error as Error);
  } finally {
    connexion.release();
  }
}

/** Which raw column goes to which property of which entity, for an alias and the to-one joins under it. */
interface Plan {
  metadata: EntityMetadata;
  colonnes: [string, ColumnMetadata][];
  jointures: { relation: RelationMetadata; plan: Plan }[];
  /** Whether the entity may have no column but its relations (TypeORM's rule for keeping it) */
  clesVirtuelles: boolean;
}

/**
 * The plan of a query whose rows are one main entity each (selected joins to one entity only, no inheritance, no
 * relation ids or counts, no join mapped to a property), or null: TypeORM's transformer then does the work.
 */
function planDe(qb: SelectQueryBuilder<ObjectLiteral>, ds: DataSource): Plan | null {
  const map = qb.expressionMap;
  if (map.relationIdAttributes.length > 0 || map.options.includes('create-pojo')) return null;
  const selections = new Set(map.selects.map((s) => s.selection));
  const jointures = map.joinAttributes.filter((j) => j.isSelected);
  if (jointures.some((j) => !j.metadata || !j.relation || j.isMany || j.mapToProperty || j.relationPropertyPath !== j.relation.propertyPath)) return null;
  const simple = (m: EntityMetadata) => !m.discriminatorColumn && m.childEntityMetadatas.length === 0 && m.tableType !== 'view';
  const planAlias = (alias: Alias): Plan | null => {
    const metadata = alias.metadata;
    if (!simple(metadata)) return null;
    const colonnes = metadata.columns
      .filter((c) => !c.isVirtual && (selections.has(alias.name) || selections.has(`${alias.name}.${c.propertyPath}`)))
      .map((c): [string, ColumnMetadata] => [DriverUtils.buildAlias(ds.driver, undefined, alias.name, c.databaseName), c]);
    const enfants: Plan['jointures'] = [];
    for (const j of jointures.filter((j) => j.parentAlias === alias.name)) {
      if (!metadata.relations.includes(j.relation!)) continue;
      const enfant = planAlias(j.alias);
      if (!enfant) return null;
      enfants.push({ relation: j.relation!, plan: enfant });
    }
    return { metadata, colonnes, jointures: enfants, clesVirtuelles: metadata.primaryColumns.every((c) => c.isVirtual) };
  };
  return planAlias(map.mainAlias!);
}

/** One row to its entity and joined entities, as RawSqlResultsToEntityTransformer would (a join found empty is null). */
function hydrater(plan: Plan, row: ObjectLiteral, em: EntityManager): ObjectLiteral | undefined {
  const driver = em.connection.driver;
  const entite = plan.metadata.create(em.queryRunner, { fromDeserializer: true }) as ObjectLiteral;
  let colonnes = false;
  for (const [cle, colonne] of plan.colonnes) {
    const valeur: unknown = row[cle];
    if (valeur === undefined) continue;
    if (valeur !== null && !colonne.isVirtualProperty) colonnes = true;
    colonne.setEntityValue(entite, driver.prepareHydratedValue(valeur, colonne));
  }
  for (const { relation, plan: enfant } of plan.jointures) relation.setEntityValue(entite, hydrater(enfant, row, em) ?? null);
  if (colonnes || (plan.clesVirtuelles && plan.jointures.length > 0)) return entite;
  return undefined;
}
