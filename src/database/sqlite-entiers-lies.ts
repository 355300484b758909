import { DataSource } from 'typeorm';

/**
 * TypeORM's SQLite driver writes number parameters into the SQL text (`WHERE "c"."id" > 1000`), so every id made a
 * new statement: parsed and planned again, then kept in the query runner's cache of 100 statements, each holding its
 * compiled program, until pushed out. An export read by keyset pages of 1,000 on the id made one statement a page:
 * at 50,000 rows with the address and bac columns, the process grew by 70 to 140 MB outside the JS heap, gone only
 * when the statements were. Integer parameters are bound instead, so a statement's text stays the same and it is
 * prepared once. They are bound as 64-bit integers (BigInt): better-sqlite3 binds a JS number as REAL, which would
 * store '5.0' in a text column and divide as floats, where the literal was the INTEGER the binding now is. Other
 * numbers are left as TypeORM writes them.
 */
export function lierEntiersSqlite(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const driver = dataSource.driver;
  const echapper = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql, parametres) => echapper(sql, parametres && entiersLies(parametres));
}

const entier = (v: unknown): unknown => (Number.isSafeInteger(v) ? BigInt(v as number) : v);

function entiersLies(parametres: Record<string, unknown>): Record<string, unknown> {
  const lies: Record<string, unknown> = {};
  for (const [nom, valeur] of Object.entries(parametres)) lies[nom] = Array.isArray(valeur) ? valeur.map(entier) : entier(valeur);
  return lies;
}
