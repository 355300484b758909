import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The reminder before the return date (upstream #66): per formation, how many days before (null, the default: none),
 * and per candidature whether it was sent (once).
 */
export class RelanceRetour1765700000601 implements MigrationInterface {
  name = 'RelanceRetour1765700000601';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('formation', new TableColumn({ name: 'relance_retour_jours', type: 'integer', isNullable: true }));
    await queryRunner.addColumn('candidature', new TableColumn({ name: 'relance_retour_envoyee', type: 'boolean', default: 0 }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') {
      // In place: TypeORM rebuilds an SQLite table to drop a column, which the rows referring to these forbid.
      await queryRunner.query('ALTER TABLE "candidature" DROP COLUMN "relance_retour_envoyee"');
      await queryRunner.query('ALTER TABLE "formation" DROP COLUMN "relance_retour_jours"');
      return;
    }
    await queryRunner.dropColumn('candidature', 'relance_retour_envoyee');
    await queryRunner.dropColumn('formation', 'relance_retour_jours');
  }
}
