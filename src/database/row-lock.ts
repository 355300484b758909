import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * Locks the rows matching `where` for the rest of the transaction (SELECT … FOR UPDATE), so that checks made after it
 * (a count, a statut) still hold at commit. Call it before any other read of the transaction: on MariaDB the
 * repeatable-read snapshot is taken by the first plain read, and one taken before the lock would hide what the
 * previous holder committed. SQLite needs nothing: its connection gate (gateSqlite) runs one transaction at a time.
 */
export async function lockRows<E extends ObjectLiteral & { id: number }>(em: EntityManager, entity: EntityTarget<E>, where: FindOptionsWhere<E>): Promise<void> {
  if (em.connection.options.type === 'better-sqlite3') return;
  await em.getRepository(entity).find({ select: { id: true } as never, where, lock: { mode: 'pessimistic_write' } });
}
