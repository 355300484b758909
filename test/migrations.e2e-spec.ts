import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../src/config/database.config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../migrations';
import { ScratchDatabase, createScratchDatabase } from '../scripts/lib/scratch-database';

/** Every migration goes up, all the way down, and up again on the engine under test (TEST_DB). */
describe('migrations', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createScratchDatabase();
    dataSource = new DataSource({ ...dataSourceOptions(parseDatabaseConfig({ DATABASE_URL: database.url })), migrationsRun: false });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  // The application's tables: MariaDB lists every schema's, SQLite adds its own sqlite_sequence.
  const tables = async () =>
    (await dataSource.createQueryRunner().getTables())
      .filter((t) => t.database === undefined || t.database === dataSource.driver.database)
      .map((t) => t.name.split('.').pop() as string)
      .filter((name) => !name.startsWith('sqlite_'))
      .sort();

  it('up, down, up', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied).toHaveLength(MIGRATIONS.length);
    const afterUp = await tables();
    expect(afterUp).toEqual(expect.arrayContaining(['commune', 'commune_code_postal', 'departement', 'pays', 'serie_bac']));

    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    expect((await tables()).filter((name) => name !== 'migrations')).toEqual([]);

    expect(await dataSource.runMigrations()).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(afterUp);
  });

  it('leaves nothing for the entities to change (no schema drift)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
