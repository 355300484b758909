import Database from 'better-sqlite3';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { lierEntiersSqlite } from './sqlite-entiers-lies';

@Entity()
class Ligne {
  @PrimaryColumn()
  id!: number;

  @Column({ type: 'varchar' })
  texte!: string;
}

describe('lierEntiersSqlite', () => {
  let dataSource: DataSource;
  let preparations: string[];

  beforeAll(async () => {
    preparations = [];
    // better-sqlite3's own prepare, counted: each call is a statement parsed and planned anew.
    const driver = function Compte() {
      const db = new Database(':memory:');
      const prepare = db.prepare.bind(db);
      db.prepare = ((sql: string) => {
        preparations.push(sql);
        return prepare(sql);
      }) as typeof db.prepare;
      return db;
    };
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', driver, entities: [Ligne] }).initialize();
    // The table of this spec's own entity, written out (the app's tables come from its migrations).
    await dataSource.query('CREATE TABLE "ligne" ("id" integer PRIMARY KEY NOT NULL, "texte" varchar NOT NULL)');
    lierEntiersSqlite(dataSource);
    await dataSource.getRepository(Ligne).insert(Array.from({ length: 30 }, (_, i) => ({ id: i + 1, texte: `ligne ${i + 1}` })));
  });
  afterAll(() => dataSource.destroy());

  it('binds integer parameters, alone or in lists, instead of writing them into the text', () => {
    const [sql, valeurs] = dataSource.driver.escapeQueryWithParameters('id > :apres AND id IN (:...ids) AND x = :reel', { apres: 1000, ids: [1, 2], reel: 1.5 });
    expect(sql).toBe('id > ? AND id IN (?, ?) AND x = 1.5');
    expect(valeurs).toEqual([1000n, 1n, 2n]);
  });

  it('prepares a statement once, whatever the id it is run with', async () => {
    const repo = dataSource.getRepository(Ligne);
    const avant = preparations.length;
    for (let id = 1; id <= 30; id++) expect(await repo.findOneBy({ id })).toMatchObject({ id, texte: `ligne ${id}` });
    expect(preparations.length - avant).toBe(1);
  });

  it('keeps what a literal integer meant: text stored as written, integer division', async () => {
    await dataSource.createQueryBuilder().insert().into(Ligne).values({ id: 31, texte: 5 as unknown as string }).execute();
    expect((await dataSource.getRepository(Ligne).findOneByOrFail({ id: 31 })).texte).toBe('5');
    const [{ quotient }] = await dataSource.createQueryBuilder().select(':a / :b', 'quotient').from(Ligne, 'l').where('l.id = :id', { id: 1 }).setParameters({ a: 7, b: 2 }).getRawMany<{ quotient: number }>();
    expect(quotient).toBe(3);
  });
});
