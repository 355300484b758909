import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** A commission member may preside it (eCandidat's tem_is_president); existing members do not. */
export class PresidentCommission1765600000001 implements MigrationInterface {
  name = 'PresidentCommission1765600000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('utilisateur_perimetre', new TableColumn({ name: 'president', type: 'boolean', default: 0 }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('utilisateur_perimetre', 'president');
  }
}
