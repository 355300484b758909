import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** Labels (reference tag, tag_candidature): the institution's or a centre's, put on candidatures. */
export class Etiquettes1765700000600 implements MigrationInterface {
  name = 'Etiquettes1765700000600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'etiquette',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'libelle', type: 'varchar', length: '50' },
          { name: 'couleur', type: 'varchar', length: '7' },
          { name: 'centre_id', type: 'integer', isNullable: true },
          { name: 'cle', type: 'varchar', length: '80' },
        ],
        indices: [new TableIndex({ name: 'etiquette_cle_uq', columnNames: ['cle'], isUnique: true }), new TableIndex({ name: 'etiquette_centre_id_idx', columnNames: ['centre_id'] })],
        foreignKeys: [
          new TableForeignKey({ name: 'etiquette_centre_fk', columnNames: ['centre_id'], referencedTableName: 'centre_candidature', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'RESTRICT' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'etiquette_candidature',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'etiquette_id', type: 'integer' },
          { name: 'candidature_id', type: 'integer' },
          { name: 'pose_par', type: 'varchar', length: '50' },
          { name: 'pose_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'etiquette_candidature_uq', columnNames: ['etiquette_id', 'candidature_id'], isUnique: true }),
          new TableIndex({ name: 'etiquette_candidature_candidature_id_idx', columnNames: ['candidature_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'etiquette_candidature_etiquette_fk', columnNames: ['etiquette_id'], referencedTableName: 'etiquette', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'RESTRICT' }),
          new TableForeignKey({ name: 'etiquette_candidature_candidature_fk', columnNames: ['candidature_id'], referencedTableName: 'candidature', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'RESTRICT' }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('etiquette_candidature');
    await queryRunner.dropTable('etiquette');
  }
}
