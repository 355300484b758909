import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createAdapter, setupApp } from '../../src/app';
import { AppModule } from '../../src/app.module';
import { Clock } from '../../src/common/clock/clock';
import { ScratchDatabase, createScratchDatabase } from '../../scripts/lib/scratch-database';
import { TestClock } from './test-clock';

export interface TestApp {
  app: NestFastifyApplication;
  /** For supertest: request(t.http).get('/health') */
  http: NestFastifyApplication['getHttpServer'] extends () => infer S ? S : never;
  clock: TestClock;
  dataSource: DataSource;
  database: ScratchDatabase;
  close(): Promise<void>;
}

/**
 * The real application (Fastify, every module, global pipe, filter and guard) on a fresh database built by the
 * migrations, with a clock the test controls. One per test file: `beforeAll(() => t = await startTestApp())`.
 */
export async function startTestApp(env: Record<string, string> = {}, shared: { database?: ScratchDatabase; clock?: TestClock } = {}): Promise<TestApp> {
  // A second instance on the database of a first one (multi-instance tests) leaves dropping it to the first.
  const owned = !shared.database;
  const database = shared.database ?? (await createScratchDatabase());
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: database.url, DATABASE_MIGRATIONS_RUN: 'true' }, env);
  const clock = shared.clock ?? new TestClock();
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).overrideProvider(Clock).useValue(clock).compile();
    const app = setupApp(moduleRef.createNestApplication<NestFastifyApplication>(createAdapter(), { bufferLogs: true }));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      http: app.getHttpServer(),
      clock,
      dataSource: app.get(DataSource),
      database,
      close: async () => {
        await app.close();
        if (owned) await database.drop();
      },
    };
  } catch (error) {
    if (owned) await database.drop();
    throw error;
  } finally {
    process.env = saved;
  }
}
