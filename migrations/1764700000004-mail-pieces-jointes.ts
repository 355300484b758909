import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A mail's attachment as a reference (type + ref), resolved into bytes when the mail is sent: documents such as
 * decision letters stay out of the outbox table and are rendered fresh on each try.
 */
export class MailPiecesJointes1764700000004 implements MigrationInterface {
  name = 'MailPiecesJointes1764700000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('mail_outbox', [
      new TableColumn({ name: 'piece_jointe_type', type: 'varchar', length: '30', isNullable: true }),
      new TableColumn({ name: 'piece_jointe_ref', type: 'varchar', length: '100', isNullable: true }),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('mail_outbox', 'piece_jointe_ref');
    await queryRunner.dropColumn('mail_outbox', 'piece_jointe_type');
  }
}
