import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';

/**
 * Campaign lifecycle: a planned switch date, the campaign it archives when it is put in service, when that happened,
 * and a version for staff changes. Existing campaigns get version 1 and no dates.
 */
export class CampagneArchivage1764600000004 implements MigrationInterface {
  name = 'CampagneArchivage1764600000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('campagne', [
      new TableColumn({ name: 'date_activation_prevue', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'campagne_a_archiver_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'activee_at', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'archivee_at', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'version', type: 'integer', default: 1 }),
    ]);
    await queryRunner.createIndex('campagne', new TableIndex({ name: 'campagne_campagne_a_archiver_id_idx', columnNames: ['campagne_a_archiver_id'] }));
    await queryRunner.createForeignKey(
      'campagne',
      new TableForeignKey({
        name: 'campagne_campagne_a_archiver_fk',
        columnNames: ['campagne_a_archiver_id'],
        referencedTableName: 'campagne',
        referencedColumnNames: ['id'],
        onDelete: 'RESTRICT',
        onUpdate: 'RESTRICT',
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('campagne', 'campagne_campagne_a_archiver_fk');
    await queryRunner.dropIndex('campagne', 'campagne_campagne_a_archiver_id_idx');
    await queryRunner.dropColumns('campagne', ['version', 'archivee_at', 'activee_at', 'campagne_a_archiver_id', 'date_activation_prevue']);
  }
}
