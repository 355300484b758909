import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** What staff did on a candidate's behalf (pièces, answers, propositions, restorations): who, what, when. */
export class HistoriqueCandidature1765700000300 implements MigrationInterface {
  name = 'HistoriqueCandidature1765700000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'historique_candidature',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'candidature_id', type: 'integer' },
          { name: 'action', type: 'varchar', length: '30' },
          { name: 'detail', type: 'varchar', length: '255', isNullable: true },
          { name: 'par', type: 'varchar', length: '50' },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'historique_candidature_candidature_id_idx', columnNames: ['candidature_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'historique_candidature_candidature_fk',
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
    await queryRunner.dropTable('historique_candidature');
  }
}
