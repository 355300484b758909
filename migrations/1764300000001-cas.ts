import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';

/** CAS login: candidates' CAS logins (no password), one-time codes of the callback, student-records snapshots. */
export class Cas1764300000001 implements MigrationInterface {
  name = 'Cas1764300000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.setPasswordHashNullable(queryRunner, true);
    await queryRunner.addColumn('compte_candidat', new TableColumn({ name: 'cas_login', type: 'varchar', length: '100', isNullable: true }));
    await queryRunner.createIndex(
      'compte_candidat',
      new TableIndex({ name: 'compte_candidat_campagne_cas_login_uq', columnNames: ['campagne_id', 'cas_login'], isUnique: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cas_code',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'code_hash', type: 'varchar', length: '64' },
          { name: 'utilisateur_id', type: 'integer', isNullable: true },
          { name: 'compte_candidat_id', type: 'integer', isNullable: true },
          { name: 'expires_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'cas_code_code_hash_uq', columnNames: ['code_hash'], isUnique: true }),
          new TableIndex({ name: 'cas_code_utilisateur_id_idx', columnNames: ['utilisateur_id'] }),
          new TableIndex({ name: 'cas_code_compte_candidat_id_idx', columnNames: ['compte_candidat_id'] }),
          new TableIndex({ name: 'cas_code_expires_at_idx', columnNames: ['expires_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'cas_code_utilisateur_fk',
            columnNames: ['utilisateur_id'],
            referencedTableName: 'utilisateur',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          }),
          new TableForeignKey({
            name: 'cas_code_compte_candidat_fk',
            columnNames: ['compte_candidat_id'],
            referencedTableName: 'compte_candidat',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'import_scolarite',
        columns: [
          { name: 'compte_candidat_id', type: 'integer', isPrimary: true },
          { name: 'source', type: 'varchar', length: '20' },
          { name: 'code_etudiant', type: 'varchar', length: '30' },
          { name: 'donnees', type: 'text' },
          { name: 'imported_at', type: 'datetime' },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'import_scolarite_compte_candidat_fk',
            columnNames: ['compte_candidat_id'],
            referencedTableName: 'compte_candidat',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('import_scolarite');
    await queryRunner.dropTable('cas_code');
    await queryRunner.dropIndex('compte_candidat', 'compte_candidat_campagne_cas_login_uq');
    await queryRunner.dropColumn('compte_candidat', 'cas_login');
    // Accounts without a password cannot exist before this migration: CAS accounts go (with their sessions).
    await queryRunner.query('DELETE FROM compte_candidat WHERE password_hash IS NULL');
    await this.setPasswordHashNullable(queryRunner, false);
  }

  /** Changes only the nullability (a column rebuilt from scratch would lose its index and keys on MariaDB). */
  private async setPasswordHashNullable(queryRunner: QueryRunner, isNullable: boolean): Promise<void> {
    const table = await queryRunner.getTable('compte_candidat');
    const column = table?.findColumnByName('password_hash');
    if (!table || !column) throw new Error('compte_candidat.password_hash introuvable');
    const changed = column.clone();
    changed.isNullable = isNullable;
    await queryRunner.changeColumn(table, column, changed);
  }
}
