import { setTimeout as sleep } from 'node:timers/promises';
import { NumeroDossier } from '../src/auth/entities/numero-dossier.entity';
import { inUnitOfWork } from '../src/database/sqlite-gate';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Concurrent units of work (requests, job runs) never see or undo each other's writes. On MariaDB each transaction
 * has its connection; on SQLite one connection serves everything, and the gate (src/database/sqlite-gate.ts) is what
 * keeps a rollback from undoing another request's committed work.
 */
describe('Concurrent transactions', () => {
  let t: TestApp;
  const numeros = () => t.dataSource.getRepository(NumeroDossier);
  const row = (numero: string) => ({ numero, issuedAt: new Date() });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("a transaction rolling back while another commits leaves the other's rows in place", async () => {
    const failing = inUnitOfWork(() =>
      t.dataSource.transaction(async (em) => {
        await em.getRepository(NumeroDossier).insert(row('GATE0001'));
        await sleep(100);
        throw new Error('rollback voulu');
      }),
    );
    await sleep(10);
    const committed = inUnitOfWork(() => t.dataSource.transaction((em) => em.getRepository(NumeroDossier).insert(row('GATE0002'))));
    const single = inUnitOfWork(() => numeros().insert(row('GATE0003')));
    await expect(failing).rejects.toThrow('rollback voulu');
    await committed;
    await single;
    expect((await numeros().findBy([{ numero: 'GATE0001' }, { numero: 'GATE0002' }, { numero: 'GATE0003' }])).map((n) => n.numero).sort()).toEqual(['GATE0002', 'GATE0003']);
  });

  it("no one reads the rows of a transaction that then rolls back", async () => {
    let seen = -1;
    const writer = inUnitOfWork(() =>
      t.dataSource.transaction(async (em) => {
        await em.getRepository(NumeroDossier).insert(row('GATE0004'));
        await sleep(100);
        throw new Error('rollback voulu');
      }),
    );
    await sleep(10);
    await inUnitOfWork(async () => {
      seen = await numeros().countBy({ numero: 'GATE0004' });
    });
    await expect(writer).rejects.toThrow('rollback voulu');
    expect(seen).toBe(0);
  });
});
