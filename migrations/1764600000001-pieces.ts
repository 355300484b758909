import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable });
const flag = (name: string, def?: boolean): TableColumnOptions => ({ name, type: 'boolean', ...(def === undefined ? {} : { default: def ? 1 : 0 }) });
const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable });

/** Pièces justificatives (institution-wide or of a centre) and the formations the specific ones are asked for. */
export class Pieces1764600000001 implements MigrationInterface {
  name = 'Pieces1764600000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'piece_justificative',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          text('code', 20),
          text('libelle', 200),
          flag('commun'),
          flag('unicite'),
          flag('conditionnel'),
          flag('actif', true),
          int('ordre'),
          int('centre_id', true),
          { name: 'type_traitement', type: 'enum', enum: ['AC', 'AD', 'AT'], isNullable: true },
          text('modele_cle', 100, true),
          text('modele_nom', 200, true),
          text('modele_type', 30, true),
          int('version'),
        ],
        indices: [
          new TableIndex({ name: 'piece_justificative_code_uq', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'piece_justificative_centre_id_idx', columnNames: ['centre_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'piece_justificative_centre_fk',
            columnNames: ['centre_id'],
            referencedTableName: 'centre_candidature',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'piece_formation',
        columns: [
          { name: 'piece_id', type: 'integer', isPrimary: true },
          { name: 'formation_id', type: 'integer', isPrimary: true },
        ],
        // The primary key (piece_id, formation_id) indexes piece_id.
        indices: [new TableIndex({ name: 'piece_formation_formation_id_idx', columnNames: ['formation_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'piece_formation_piece_fk',
            columnNames: ['piece_id'],
            referencedTableName: 'piece_justificative',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          }),
          new TableForeignKey({
            name: 'piece_formation_formation_fk',
            columnNames: ['formation_id'],
            referencedTableName: 'formation',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('piece_formation');
    await queryRunner.dropTable('piece_justificative');
  }
}
