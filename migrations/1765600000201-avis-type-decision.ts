import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';

/** The type de décision an avis names; existing avis name none, which means their family's model: nothing changes for them. */
export class AvisTypeDecision1765600000201 implements MigrationInterface {
  name = 'AvisTypeDecision1765600000201';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('avis', new TableColumn({ name: 'type_decision_id', type: 'integer', isNullable: true }));
    await queryRunner.createIndex('avis', new TableIndex({ name: 'avis_type_decision_id_idx', columnNames: ['type_decision_id'] }));
    // RESTRICT: a type an avis names is never deleted (the API answers 409 and offers deactivation).
    await queryRunner.createForeignKey(
      'avis',
      new TableForeignKey({ name: 'avis_type_decision_fk', columnNames: ['type_decision_id'], referencedTableName: 'type_decision', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'RESTRICT' }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('avis', 'avis_type_decision_fk');
    await queryRunner.dropIndex('avis', 'avis_type_decision_id_idx');
    await queryRunner.dropColumn('avis', 'type_decision_id');
  }
}
