import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';

/** Scopes of staff: the centres de candidature of a gestionnaire, the commissions of a member. */
export class Perimetres1764300000004 implements MigrationInterface {
  name = 'Perimetres1764300000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'utilisateur_perimetre',
        columns: [
          { name: 'utilisateur_id', type: 'integer', isPrimary: true },
          { name: 'type', type: 'enum', enum: ['centre', 'commission'], isPrimary: true },
          { name: 'code', type: 'varchar', length: '20', isPrimary: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'utilisateur_perimetre_utilisateur_fk',
            columnNames: ['utilisateur_id'],
            referencedTableName: 'utilisateur',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('utilisateur_perimetre');
  }
}
