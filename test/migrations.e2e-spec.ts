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
    database = await createScratchDatabase(undefined, { empty: true });
    dataSource = new DataSource({ ...dataSourceOptions(parseDatabaseConfig({ DATABASE_URL: database.url })), migrationsRun: false });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  // The application's tables, read from this database's catalogue only: TypeORM's getTables() walks every schema
  // of the server, and fails when another test process drops its scratch database meanwhile.
  const tables = async () => {
    const rows: { name: string }[] =
      dataSource.options.type === 'better-sqlite3'
        ? await dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        : await dataSource.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()');
    return rows.map((r) => r.name).sort();
  };

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
