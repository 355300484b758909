import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** Password-reset links of candidate accounts ("J'ai oublié mes identifiants"). */
export class CompteReinitialisation1764200000000 implements MigrationInterface {
  name = 'CompteReinitialisation1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('compte_candidat', [
      new TableColumn({ name: 'reset_token_hash', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'reset_expires_at', type: 'datetime', isNullable: true }),
    ]);
    await queryRunner.createIndex('compte_candidat', new TableIndex({ name: 'compte_candidat_reset_token_hash_idx', columnNames: ['reset_token_hash'] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('compte_candidat', 'compte_candidat_reset_token_hash_idx');
    await queryRunner.dropColumn('compte_candidat', 'reset_expires_at');
    await queryRunner.dropColumn('compte_candidat', 'reset_token_hash');
  }
}
