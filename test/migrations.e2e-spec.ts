import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../src/config/database.config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../migrations';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { Utilisateur } from '../src/auth/entities/utilisateur.entity';
import { ScratchDatabase, createScratchDatabase } from '../scripts/lib/scratch-database';

/**
 * An empty scratch database of the engine under test (TEST_DB) for the describe block calling this, migrated all the
 * way when `migree`, dropped after it; `dataSource()` reads it once beforeAll has run.
 */
function baseDeTest(migree: boolean): () => DataSource {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createScratchDatabase(undefined, { empty: true });
    dataSource = new DataSource({ ...dataSourceOptions(parseDatabaseConfig({ DATABASE_URL: database.url })), migrationsRun: false });
    await dataSource.initialize();
    if (migree) await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });
  return () => dataSource;
}

/** Every migration goes up, all the way down, and up again on the engine under test (TEST_DB). */
describe('migrations', () => {
  const base = baseDeTest(false);

  // The application's tables, read from this database's catalogue only: TypeORM's getTables() walks every schema
  // of the server, and fails when another test process drops its scratch database meanwhile.
  const tables = async () => {
    const rows: { name: string }[] =
      base().options.type === 'better-sqlite3'
        ? await base().query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        : await base().query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()');
    return rows.map((r) => r.name).sort();
  };

  it('up, down, up', async () => {
    const applied = await base().runMigrations();
    expect(applied).toHaveLength(MIGRATIONS.length);
    const afterUp = await tables();
    expect(afterUp).toEqual(expect.arrayContaining(['commune', 'commune_code_postal', 'departement', 'pays', 'serie_bac']));

    for (let i = 0; i < MIGRATIONS.length; i++) await base().undoLastMigration();
    expect((await tables()).filter((name) => name !== 'migrations')).toEqual([]);

    expect(await base().runMigrations()).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(afterUp);
  });

  it('leaves nothing for the entities to change (no schema drift)', async () => {
    const pending = await base().driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});

/** Identifiants1765200000000 recomputes the identifier keys of existing rows with cleIdentifiant. */
describe('migration Identifiants: existing keys', () => {
  const base = baseDeTest(true);

  it('folds every key; on a collision the row already holding the key keeps it and the other keeps its former key', async () => {
    // Back to just before Identifiants (the migrations after it first), as a database that had not run it yet.
    const depuisIdentifiants = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'Identifiants1765200000000');
    const annulerJusquAIdentifiants = async () => {
      for (let i = 0; i < depuisIdentifiants; i++) await base().undoLastMigration();
    };
    expect(depuisIdentifiants).toBeGreaterThan(0);
    expect(depuisIdentifiants).toBeLessThanOrEqual(MIGRATIONS.length);
    await annulerJusquAIdentifiants();
    // Rows as the schema of that time has them: the entities of today would write columns added since (lock_count,
    // the campaign's switches, the staff account's version).
    await base().query(`INSERT INTO campagne (code, libelle, date_debut, date_fin) VALUES ('MIG', 'Migration', '2026-01-01', '2026-12-31')`);
    const campagne = (await base().query(`SELECT id FROM campagne WHERE code = 'MIG'`))[0] as { id: number };
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
    const comptes = base().getRepository(CompteCandidat);
    const lignes = [compte('MIG00001', 'Zoé@Example.org'), compte('MIG00002', 'ırıs@example.org'), compte('MIG00003', 'Iris@example.org')];
    const colonnes = Object.keys(lignes[0]);
    for (const ligne of lignes) {
      await base().query(`INSERT INTO compte_candidat (${colonnes.join(', ')}) VALUES (${colonnes.map(() => '?').join(', ')})`, Object.values(ligne));
    }
    const parNumero = async (numeroDossier: string) => (await base().query(`SELECT id FROM compte_candidat WHERE numero_dossier = ?`, [numeroDossier]))[0] as { id: number };
    const [zoe, ırıs, iris] = [await parNumero('MIG00001'), await parNumero('MIG00002'), await parNumero('MIG00003')];
    await base().query(`INSERT INTO utilisateur (login, email, nom, prenom) VALUES ('josé', 'jose@univ.test', 'N', 'P')`);
    const staff = (await base().query(`SELECT id FROM utilisateur WHERE email = 'jose@univ.test'`))[0] as { id: number };

    await base().runMigrations();
    const cles = async () => Object.fromEntries((await comptes.findBy({ campagneId: campagne.id })).map((c) => [c.id, [c.email, c.emailNormalise]]));
    expect(await cles()).toEqual({
      [zoe.id]: ['Zoé@Example.org', 'zoe@example.org'],
      [ırıs.id]: ['ırıs@example.org', 'ırıs@example.org'],
      [iris.id]: ['Iris@example.org', 'iris@example.org'],
    });
    expect((await base().getRepository(Utilisateur).findOneByOrFail({ id: staff.id })).login).toBe('jose');

    await annulerJusquAIdentifiants();
    expect((await cles())[zoe.id]).toEqual(['Zoé@Example.org', 'zoé@example.org']);
    await base().runMigrations();
  });
});

/** MotsRechercheComptes1765700000700 gives every existing account the words of the name typed when it was opened. */
describe('migration MotsRechercheComptes: the accounts’ names among their search words', () => {
  const base = baseDeTest(true);

  it('adds the folded account name to the words of an account opened before, keeping its numéro, and changes nothing on a second run', async () => {
    // Back to just before it (the migrations after it first), as a database that had not run it yet.
    const depuis = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'MotsRechercheComptes1765700000700');
    expect(depuis).toBeLessThanOrEqual(MIGRATIONS.length);
    const annuler = async () => {
      for (let i = 0; i < depuis; i++) await base().undoLastMigration();
    };
    await annuler();
    await base().query(`INSERT INTO campagne (code, libelle, date_debut, date_fin) VALUES ('MRC', 'Mots', '2026-01-01', '2026-12-31')`);
    const campagne = (await base().query(`SELECT id FROM campagne WHERE code = 'MRC'`))[0] as { id: number };
    const maintenant = new Date().toISOString().replace('T', ' ').slice(0, 19);
    await base().query(
      `INSERT INTO compte_candidat (campagne_id, numero_dossier, email, email_normalise, nom, prenom, activation_deadline, created_at) VALUES (?, 'MRC00001', 'a@example.org', 'a@example.org', 'Dupré-Léger', 'Anaïs', ?, ?)`,
      [campagne.id, maintenant, maintenant],
    );
    const id = ((await base().query(`SELECT id FROM compte_candidat WHERE numero_dossier = 'MRC00001'`))[0] as { id: number }).id;
    // As the code before this migration wrote them: the numéro alone (no identity yet).
    await base().query(`INSERT INTO mot_recherche (compte_candidat_id, mot) VALUES (?, 'MRC00001')`, [id]);
    const mots = async () => ((await base().query(`SELECT mot FROM mot_recherche WHERE compte_candidat_id = ?`, [id])) as { mot: string }[]).map((r) => r.mot).sort();

    await base().runMigrations();
    expect(await mots()).toEqual(['ANAIS', 'DUPRE', 'LEGER', 'MRC00001']);
    await annuler();
    await base().runMigrations();
    expect(await mots()).toEqual(['ANAIS', 'DUPRE', 'LEGER', 'MRC00001']);
  });
});
