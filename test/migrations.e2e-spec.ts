import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../src/config/database.config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../migrations';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { Utilisateur } from '../src/auth/entities/utilisateur.entity';
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

/** Identifiants1765200000000 recomputes the identifier keys of existing rows with cleIdentifiant. */
describe('migration Identifiants: existing keys', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createScratchDatabase(undefined, { empty: true });
    dataSource = new DataSource({ ...dataSourceOptions(parseDatabaseConfig({ DATABASE_URL: database.url })), migrationsRun: false });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('folds every key; on a collision the row already holding the key keeps it and the other keeps its former key', async () => {
    // Back to just before Identifiants (the migrations after it first), as a database that had not run it yet.
    const depuisIdentifiants = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'Identifiants1765200000000');
    const annulerJusquAIdentifiants = async () => {
      for (let i = 0; i < depuisIdentifiants; i++) await dataSource.undoLastMigration();
    };
    expect(depuisIdentifiants).toBeGreaterThan(0);
    expect(depuisIdentifiants).toBeLessThanOrEqual(MIGRATIONS.length);
    await annulerJusquAIdentifiants();
    // Rows as the schema of that time has them: the entities of today would write columns added since (lock_count,
    // the campaign's switches, the staff account's version).
    await dataSource.query(`INSERT INTO campagne (code, libelle, date_debut, date_fin) VALUES ('MIG', 'Migration', '2026-01-01', '2026-12-31')`);
    const campagne = (await dataSource.query(`SELECT id FROM campagne WHERE code = 'MIG'`))[0] as { id: number };
    const maintenant = new Date().toISOString().replace('T', ' ').slice(0, 19);
    const compte = (numero_dossier: string, email: string) => ({
      campagne_id: campagne.id,
      numero_dossier,
      email,
      email_normalise: email.toLowerCase(),
      nom: 'Nom',
      prenom: 'Prénom',
      password_hash: null,
      activation_deadline: maintenant,
      created_at: maintenant,
    });
    const comptes = dataSource.getRepository(CompteCandidat);
    const lignes = [compte('MIG00001', 'Zoé@Example.org'), compte('MIG00002', 'ırıs@example.org'), compte('MIG00003', 'Iris@example.org')];
    const colonnes = Object.keys(lignes[0]);
    for (const ligne of lignes) {
      await dataSource.query(`INSERT INTO compte_candidat (${colonnes.join(', ')}) VALUES (${colonnes.map(() => '?').join(', ')})`, Object.values(ligne));
    }
    const parNumero = async (numeroDossier: string) => (await dataSource.query(`SELECT id FROM compte_candidat WHERE numero_dossier = ?`, [numeroDossier]))[0] as { id: number };
    const [zoe, ırıs, iris] = [await parNumero('MIG00001'), await parNumero('MIG00002'), await parNumero('MIG00003')];
    await dataSource.query(`INSERT INTO utilisateur (login, email, nom, prenom) VALUES ('josé', 'jose@univ.test', 'N', 'P')`);
    const staff = (await dataSource.query(`SELECT id FROM utilisateur WHERE email = 'jose@univ.test'`))[0] as { id: number };

    await dataSource.runMigrations();
    const cles = async () => Object.fromEntries((await comptes.findBy({ campagneId: campagne.id })).map((c) => [c.id, [c.email, c.emailNormalise]]));
    expect(await cles()).toEqual({
      [zoe.id]: ['Zoé@Example.org', 'zoe@example.org'],
      [ırıs.id]: ['ırıs@example.org', 'ırıs@example.org'],
      [iris.id]: ['Iris@example.org', 'iris@example.org'],
    });
    expect((await dataSource.getRepository(Utilisateur).findOneByOrFail({ id: staff.id })).login).toBe('jose');

    await annulerJusquAIdentifiants();
    expect((await cles())[zoe.id]).toEqual(['Zoé@Example.org', 'zoé@example.org']);
    await dataSource.runMigrations();
  });
});
