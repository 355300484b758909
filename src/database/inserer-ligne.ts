import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts one row and answers its generated id, in one statement. A repository's `insert` follows each INSERT with a
 * SELECT reading back the columns the database fills (defaults, version, dates) into the entity: on the deadline
 * rush's paths (a candidature, a mail in the outbox) nobody reads them, and that statement is one round trip in ten.
 * The id comes from the driver's result: MariaDB's `insertId`, better-sqlite3's `lastInsertRowid`.
 */
export async function insererLigne<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, valeurs: QueryDeepPartialEntity<E>): Promise<number> {
  const { raw } = await em.createQueryBuilder().insert().into(entity).values(valeurs).updateEntity(false).execute();
  const id = Number(typeof raw === 'object' && raw !== null && 'insertId' in raw ? (raw as { insertId: number | bigint }).insertId : raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`INSERT sans identifiant généré (résultat du pilote : ${String(raw)})`);
  return id;
}
