import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, QueryRunner } from 'typeorm';

/**
 * The unit of work a query belongs to: one per HTTP request (Fastify `onRequest` hook) and one per job run. Code
 * running outside any unit (start-up, scripts) shares one anonymous unit.
 */
const unitOfWork = new AsyncLocalStorage<symbol>();
const ANONYMOUS = Symbol('anonymous');

/** Runs `work` as its own unit of work (see `gateSqlite`). */
export function inUnitOfWork<T>(work: () => T): T {
  return unitOfWork.run(Symbol('unit'), work);
}

/**
 * better-sqlite3 gives TypeORM one connection and one query runner for the whole process. Left alone, a second
 * request's transaction opened while a first is running becomes a SAVEPOINT inside it, its statements join the
 * first's, and one ROLLBACK undoes both: concurrent requests would lose each other's work. The gate hands the
 * connection to one unit of work at a time: a transaction holds it from BEGIN to COMMIT or ROLLBACK, a statement
 * outside a transaction holds it for that statement. SQLite has one writer anyway, so nothing is lost in speed;
 * MariaDB has a pool of connections and needs none of this.
 */
export function gateSqlite(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const runner = dataSource.driver.createQueryRunner('master') as QueryRunner & { transactionDepth: number; isTransactionActive: boolean };
  let holder: symbol | null = null;
  let waiting: (() => void)[] = [];
  const owner = () => unitOfWork.getStore() ?? ANONYMOUS;
  const acquire = async (me: symbol) => {
    while (holder !== null && holder !== me) await new Promise<void>((wake) => waiting.push(wake));
    holder = me;
  };
  const release = () => {
    if (runner.isTransactionActive) return;
    holder = null;
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };

  const query = runner.query.bind(runner);
  const startTransaction = runner.startTransaction.bind(runner);
  const commitTransaction = runner.commitTransaction.bind(runner);
  const rollbackTransaction = runner.rollbackTransaction.bind(runner);

  runner.query = (async (...args: Parameters<QueryRunner['query']>) => {
    const me = owner();
    if (holder === me) return query(...args);
    await acquire(me);
    try {
      return await query(...args);
    } finally {
      release();
    }
  }) as QueryRunner['query'];
  runner.startTransaction = async (...args) => {
    await acquire(owner());
    try {
      await startTransaction(...args);
    } catch (error) {
      // TypeORM marks the transaction active before its BEGIN: one that failed (SQLITE_BUSY…) must not keep the gate.
      if (runner.transactionDepth === 0) runner.isTransactionActive = false;
      release();
      throw error;
    }
  };
  runner.commitTransaction = async () => {
    try {
      await commitTransaction();
    } finally {
      release();
    }
  };
  runner.rollbackTransaction = async () => {
    try {
      await rollbackTransaction();
    } finally {
      release();
    }
  };
}
