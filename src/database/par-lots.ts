import { setImmediate as tourSuivant } from 'node:timers/promises';
import { FindOptionsWhere, In, ObjectLiteral, Repository } from 'typeorm';

/** Rows a job deletes per statement: a few milliseconds of work, whatever the table's size. */
export const TAILLE_LOT = 500;

/**
 * Deletes the rows matching `where`, `taille` at a time: each batch is one short DELETE (its own transaction) of
 * rows first read by primary key through the index `where` matches, and the event loop is given back between
 * batches. One DELETE of 100,000 rows held the table's locks on MariaDB, and on SQLite (better-sqlite3 is
 * synchronous) the event loop itself, for seconds: every request in flight waited for the whole purge. The DELETE
 * repeats `where`, so a row that stopped matching since it was read (an account activated meanwhile) stays.
 */
export async function supprimerParLots<E extends ObjectLiteral>(
  repository: Repository<E>,
  where: FindOptionsWhere<E>,
  taille = TAILLE_LOT,
): Promise<{ supprimes: number; lots: number }> {
  const [cle, ...autres] = repository.metadata.primaryColumns.map((c) => c.propertyName);
  if (!cle || autres.length > 0) throw new Error(`supprimerParLots : ${repository.metadata.name} n'a pas de clé primaire simple`);
  let supprimes = 0;
  let lots = 0;
  for (;;) {
    const lignes = await repository.find({ select: { [cle]: true } as never, where, take: taille });
    if (lignes.length === 0) break;
    const resultat = await repository.delete({ ...where, [cle]: In(lignes.map((l) => l[cle] as unknown)) } as FindOptionsWhere<E>);
    supprimes += resultat.affected ?? 0;
    lots++;
    if (lignes.length < taille) break;
    await tourSuivant();
  }
  return { supprimes, lots };
}
