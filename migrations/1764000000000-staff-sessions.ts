import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** Staff accounts with their roles, and bearer sessions. */
export class StaffSessions1764000000000 implements MigrationInterface {
  name = 'StaffSessions1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'utilisateur',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'login', type: 'varchar', length: '100' },
          { name: 'email', type: 'varchar', length: '255' },
          { name: 'nom', type: 'varchar', length: '100' },
          { name: 'prenom', type: 'varchar', length: '100' },
          { name: 'password_hash', type: 'varchar', length: '255', isNullable: true },
          { name: 'actif', type: 'boolean', default: 1 },
          { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [new TableIndex({ name: 'utilisateur_login_uq', columnNames: ['login'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'utilisateur_role',
        columns: [
          { name: 'utilisateur_id', type: 'integer', isPrimary: true },
          { name: 'role', type: 'enum', enum: ['candidat', 'gestionnaire', 'commission', 'scol-centrale', 'admin'], isPrimary: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'utilisateur_role_utilisateur_fk',
            columnNames: ['utilisateur_id'],
            referencedTableName: 'utilisateur',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'session',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'utilisateur_id', type: 'integer' },
          { name: 'created_at', type: 'datetime' },
          { name: 'last_seen_at', type: 'datetime' },
          { name: 'expires_at', type: 'datetime' },
          { name: 'revoked_at', type: 'datetime', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'session_token_hash_uq', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'session_utilisateur_id_idx', columnNames: ['utilisateur_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'session_utilisateur_fk',
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
    await queryRunner.dropTable('session');
    await queryRunner.dropTable('utilisateur_role');
    await queryRunner.dropTable('utilisateur');
  }
}
