import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** A centre may ask for a copy of the mails its candidates receive about their candidatures (reference typ_send_mail `M`); off by default. */
export class CopieMailsCentre1765700000602 implements MigrationInterface {
  name = 'CopieMailsCentre1765700000602';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('centre_candidature', new TableColumn({ name: 'copie_mails_candidats', type: 'boolean', default: 0 }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') {
      // In place: TypeORM rebuilds an SQLite table to drop a column, which the commissions referring to a centre forbid.
      await queryRunner.query('ALTER TABLE "centre_candidature" DROP COLUMN "copie_mails_candidats"');
      return;
    }
    await queryRunner.dropColumn('centre_candidature', 'copie_mails_candidats');
  }
}
