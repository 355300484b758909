import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * Locks the rows matching `where` for the rest of the transaction, so that checks made after it (a count, a statut)
 * still hold at commit. The lock is a write (the rows' `lockCount` incremented), not a SELECT … FOR UPDATE: on one
 * server both lock the rows until commit, but on a Galera cluster a locking read locks only on its own node, where a
 * write is certified across nodes: of two transactions locking the same row on two nodes, the second to commit fails
 * with a deadlock error and is run again (lock-conflict-retry.ts), then sees what the first committed.
 * Call it before any other read of the transaction: on MariaDB the repeatable-read snapshot is taken by the first
 * plain read, and one taken before the lock would hide what the previous holder committed. SQLite needs nothing:
 * its connection gate (gateSqlite) runs one transaction at a time.
 */
export async function lockRows<E extends ObjectLiteral & { id: number; lockCount?: number }>(
  em: EntityManager,
  entity: EntityTarget<E>,
  where: FindOptionsWhere<E>,
): Promise<void> {
  if (em.connection.options.type === 'better-sqlite3') return;
  await em.getRepository(entity).update(where, { lockCount: () => 'lock_count + 1' } as never);
}
