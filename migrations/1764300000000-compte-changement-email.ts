import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** E-mail change of candidate accounts: the new address waits for the link sent to it. */
export class CompteChangementEmail1764300000000 implements MigrationInterface {
  name = 'CompteChangementEmail1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('compte_candidat', [
      new TableColumn({ name: 'email_nouveau', type: 'varchar', length: '255', isNullable: true }),
      new TableColumn({ name: 'email_token_hash', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'email_token_expires_at', type: 'datetime', isNullable: true }),
    ]);
    await queryRunner.createIndex('compte_candidat', new TableIndex({ name: 'compte_candidat_email_token_hash_idx', columnNames: ['email_token_hash'] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('compte_candidat', 'compte_candidat_email_token_hash_idx');
    await queryRunner.dropColumn('compte_candidat', 'email_token_expires_at');
    await queryRunner.dropColumn('compte_candidat', 'email_token_hash');
    await queryRunner.dropColumn('compte_candidat', 'email_nouveau');
  }
}
