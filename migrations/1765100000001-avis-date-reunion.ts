import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** The day the commission met and gave the avis, as staff typed it: the meeting date its letter states. */
export class AvisDateReunion1765100000001 implements MigrationInterface {
  name = 'AvisDateReunion1765100000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('avis', new TableColumn({ name: 'date_reunion', type: 'varchar', length: '10', isNullable: true }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('avis', 'date_reunion');
  }
}
