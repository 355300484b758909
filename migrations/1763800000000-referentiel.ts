import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const code = (length: number): TableColumnOptions => ({ name: 'code', type: 'varchar', length: String(length), isPrimary: true });
const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable });
// Booleans default to 0/1: what both engines report back, so the schema diff stays empty.
const flag = (name: string, def: boolean): TableColumnOptions => ({ name, type: 'boolean', default: def ? 1 : 0 });
const index = (table: string, column: string) =>
  new TableIndex({ name: `${table}_${column}_idx`, columnNames: [column] });

/** Reference data tables (pays, départements, communes, séries de bac…). Rows are loaded by ReferentielImport. */
export class Referentiel1763800000000 implements MigrationInterface {
  name = 'Referentiel1763800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'pays',
        columns: [code(2), text('code_iso3', 3), text('libelle', 100), text('nationalite', 100, true), text('libelle_recherche', 100)],
        indices: [index('pays', 'libelle_recherche')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'departement',
        columns: [code(3), text('libelle', 100), text('code_region', 3), text('libelle_recherche', 100)],
        indices: [index('departement', 'libelle_recherche')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'commune',
        columns: [code(5), text('libelle', 100), text('departement_code', 3), int('population', true), text('libelle_recherche', 100)],
        indices: [index('commune', 'libelle_recherche'), index('commune', 'departement_code')],
        foreignKeys: [
          new TableForeignKey({
            name: 'commune_departement_fk',
            columnNames: ['departement_code'],
            referencedTableName: 'departement',
            referencedColumnNames: ['code'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'commune_code_postal',
        columns: [
          { ...text('commune_code', 5), isPrimary: true },
          { ...text('code_postal', 5), isPrimary: true },
        ],
        indices: [index('commune_code_postal', 'code_postal')],
        foreignKeys: [
          new TableForeignKey({
            name: 'commune_code_postal_commune_fk',
            columnNames: ['commune_code'],
            referencedTableName: 'commune',
            referencedColumnNames: ['code'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'serie_bac',
        columns: [
          code(6),
          text('libelle', 150),
          { name: 'categorie', type: 'enum', enum: ['GENERAL', 'TECHNOLOGIQUE', 'PROFESSIONNEL', 'EQUIVALENCE', 'SANS_BAC'] },
          int('annee_debut', true),
          int('annee_fin', true),
          flag('avec_specialites', false),
          flag('ine_attendu', true),
          int('ordre'),
          text('libelle_recherche', 150),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'specialite_bac',
        columns: [code(10), text('libelle', 150), int('annee_debut', true), int('annee_fin', true), text('libelle_recherche', 150)],
      }),
    );
    await queryRunner.createTable(
      new Table({ name: 'mention', columns: [code(3), text('libelle', 100), int('ordre'), text('libelle_recherche', 100)] }),
    );
    await queryRunner.createTable(
      new Table({ name: 'type_diplome', columns: [code(10), text('libelle', 100), int('ordre'), text('libelle_recherche', 100)] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'etablissement',
        columns: [
          code(8),
          text('libelle', 150),
          { name: 'type', type: 'enum', enum: ['LYCEE', 'SUPERIEUR'] },
          text('commune_code', 5),
          text('departement_code', 3),
          text('libelle_recherche', 150),
        ],
        indices: [
          index('etablissement', 'libelle_recherche'),
          index('etablissement', 'commune_code'),
          index('etablissement', 'departement_code'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'etablissement_commune_fk',
            columnNames: ['commune_code'],
            referencedTableName: 'commune',
            referencedColumnNames: ['code'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['etablissement', 'type_diplome', 'mention', 'specialite_bac', 'serie_bac', 'commune_code_postal', 'commune', 'departement', 'pays']) {
      await queryRunner.dropTable(table);
    }
  }
}
