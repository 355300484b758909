import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** The OPI queue: confirmed admissions (and withdrawals after them) waiting to be pushed to the SI Scol. */
export class Opi1764800000000 implements MigrationInterface {
  name = 'Opi1764800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'opi',
        columns: [
          { name: 'candidature_id', type: 'integer', isPrimary: true },
          { name: 'code_opi', type: 'varchar', length: '12' },
          { name: 'nature', type: 'varchar', length: '12' },
          { name: 'cree_at', type: 'datetime' },
          { name: 'transmis_at', type: 'datetime', isNullable: true },
          { name: 'lot', type: 'varchar', length: '100', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'opi_transmis_at_idx', columnNames: ['transmis_at'] }),
          new TableIndex({ name: 'opi_cree_at_idx', columnNames: ['cree_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'opi_candidature_fk',
            columnNames: ['candidature_id'],
            referencedTableName: 'candidature',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('opi');
  }
}
