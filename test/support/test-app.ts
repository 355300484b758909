import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { createAdapter, setupApp } from '../../src/app';
import { AppModule } from '../../src/app.module';
import { Clock } from '../../src/common/clock/clock';
import { DatabaseConfig, databaseConfig } from '../../src/config';
import { dataSourceOptions } from '../../src/database/data-source-options';
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

/** The token of @nestjs/typeorm's options provider, which the package does not export. */
const TYPEORM_MODULE_OPTIONS = 'TypeOrmModuleOptions';

/**
 * The real application (Fastify, every module, global pipe, filter and guard) on a fresh database built by the
 * migrations, with a clock the test controls. One per test file: `beforeAll(() => t = await startTestApp())`.
 * The database is a copy of the run's template (test/support/template-database.ts: migrated, reference data loaded;
 * the app still runs its migrations and reference import at start-up, which find nothing to do), or an empty one
 * with `empty: true` for tests of what start-up does to an empty database.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  shared: { database?: ScratchDatabase; clock?: TestClock; empty?: boolean } = {},
): Promise<TestApp> {
  // A second instance on the database of a first one (multi-instance tests) leaves dropping it to the first.
  const owned = !shared.database;
  const database = shared.database ?? (await createScratchDatabase(undefined, { empty: shared.empty }));
  const saved = { ...process.env };
  // The account forms' answer floor (COMPTE_REPONSE_MIN_MS) is off here, on in test/enumeration.e2e-spec.ts that checks it.
  Object.assign(process.env, { DATABASE_URL: database.url, DATABASE_MIGRATIONS_RUN: 'true', COMPTE_REPONSE_MIN_MS: '0' }, env);
  const clock = shared.clock ?? new TestClock();
  try {
    let builder = Test.createTestingModule({ imports: [AppModule] }).overrideProvider(Clock).useValue(clock);
    const image = database.sqliteImage;
    if (image) {
      // The template's image opened in memory (better-sqlite3 deserializes a Buffer): TypeORM's driver option is
      // the class it instantiates, so this one answers the image instead of opening `:memory:`. The rest of the
      // options are the app's own (src/database/database.module.ts); a test database does not need start-up retries.
      const driver = function MemoryImage() {
        return new Database(image);
      };
      builder = builder.overrideProvider(TYPEORM_MODULE_OPTIONS).useFactory({
        factory: (config: DatabaseConfig) => ({ ...dataSourceOptions(config), driver, retryAttempts: 0 }),
        inject: [databaseConfig.KEY],
      });
    }
    const moduleRef = await builder.compile();
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
