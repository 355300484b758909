import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
const compte: TableColumnOptions = { name: 'compte_candidat_id', type: 'integer' };
const annee: TableColumnOptions = { name: 'annee', type: 'integer' };
const stamp: TableColumnOptions[] = [
  { name: 'version', type: 'integer' },
  { name: 'updated_at', type: 'datetime' },
];
const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable });
// Deleting an account (purge, candidate's request) removes what its file holds.
const compteFk = (table: string) =>
  new TableForeignKey({
    name: `${table}_compte_candidat_fk`,
    columnNames: ['compte_candidat_id'],
    referencedTableName: 'compte_candidat',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  });

/** The candidate's cursus externe (one row per academic year), stages and expériences professionnelles. */
export class Cursus1764400000001 implements MigrationInterface {
  name = 'Cursus1764400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'cursus_externe',
        columns: [
          id,
          compte,
          annee,
          text('pays', 2),
          text('departement', 3, true),
          text('commune', 5, true),
          text('etablissement', 10, true),
          text('libelle_etablissement', 200, true),
          text('type_diplome', 10),
          text('libelle', 255),
          { name: 'resultat', type: 'enum', enum: ['OBTENU', 'NON_OBTENU', 'EN_COURS'] },
          text('mention', 10, true),
          ...stamp,
        ],
        indices: [new TableIndex({ name: 'cursus_externe_compte_candidat_annee_idx', columnNames: ['compte_candidat_id', 'annee'] })],
        foreignKeys: [compteFk('cursus_externe')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'stage',
        columns: [
          id,
          compte,
          annee,
          text('duree', 20),
          { name: 'heures_par_semaine', type: 'integer', isNullable: true },
          text('organisme', 100),
          text('descriptif', 500),
          ...stamp,
        ],
        indices: [new TableIndex({ name: 'stage_compte_candidat_id_idx', columnNames: ['compte_candidat_id'] })],
        foreignKeys: [compteFk('stage')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'experience_pro',
        columns: [id, compte, annee, text('duree', 20), text('intitule', 100), text('organisme', 100), text('descriptif', 500, true), ...stamp],
        indices: [new TableIndex({ name: 'experience_pro_compte_candidat_id_idx', columnNames: ['compte_candidat_id'] })],
        foreignKeys: [compteFk('experience_pro')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('experience_pro');
    await queryRunner.dropTable('stage');
    await queryRunner.dropTable('cursus_externe');
  }
}
