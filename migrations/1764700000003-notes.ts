import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** Indexes for the filters of the staff list that had none */
const INDEXES = [
  new TableIndex({ name: 'candidature_type_traitement_idx', columnNames: ['type_traitement'] }),
  new TableIndex({ name: 'candidature_acceptee_idx', columnNames: ['acceptee'] }),
  new TableIndex({ name: 'candidature_non_annulee_idx', columnNames: ['non_annulee'] }),
];

/** Staff lists of candidatures: the bloc-notes (reference post_it) and the indexes of the list's filters. */
export class Notes1764700000003 implements MigrationInterface {
  name = 'Notes1764700000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'note_candidature',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'candidature_id', type: 'integer' },
          { name: 'message', type: 'varchar', length: '255' },
          { name: 'auteur', type: 'varchar', length: '50' },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'note_candidature_candidature_id_idx', columnNames: ['candidature_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'note_candidature_candidature_fk',
            columnNames: ['candidature_id'],
            referencedTableName: 'candidature',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
    for (const index of INDEXES) await queryRunner.createIndex('candidature', index);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of INDEXES) await queryRunner.dropIndex('candidature', index.name as string);
    await queryRunner.dropTable('note_candidature');
  }
}
