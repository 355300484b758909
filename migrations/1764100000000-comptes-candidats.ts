import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';

/** Campaigns (minimal, the offer extends them), candidate accounts, issued numéros de dossier, candidate sessions. */
export class ComptesCandidats1764100000000 implements MigrationInterface {
  name = 'ComptesCandidats1764100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'campagne',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'code', type: 'varchar', length: '20' },
          { name: 'libelle', type: 'varchar', length: '150' },
          { name: 'date_debut', type: 'varchar', length: '10' },
          { name: 'date_fin', type: 'varchar', length: '10' },
          { name: 'en_service', type: 'boolean', default: 0 },
        ],
        indices: [new TableIndex({ name: 'campagne_code_uq', columnNames: ['code'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'numero_dossier',
        columns: [
          { name: 'numero', type: 'varchar', length: '8', isPrimary: true },
          { name: 'issued_at', type: 'datetime' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'compte_candidat',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'campagne_id', type: 'integer' },
          { name: 'numero_dossier', type: 'varchar', length: '8' },
          { name: 'email', type: 'varchar', length: '255' },
          { name: 'email_normalise', type: 'varchar', length: '255' },
          { name: 'nom', type: 'varchar', length: '100' },
          { name: 'prenom', type: 'varchar', length: '100' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'active', type: 'boolean', default: 0 },
          { name: 'activation_token_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'activation_deadline', type: 'datetime' },
          { name: 'activated_at', type: 'datetime', isNullable: true },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'compte_candidat_numero_dossier_uq', columnNames: ['numero_dossier'], isUnique: true }),
          new TableIndex({ name: 'compte_candidat_campagne_email_uq', columnNames: ['campagne_id', 'email_normalise'], isUnique: true }),
          new TableIndex({ name: 'compte_candidat_activation_token_hash_idx', columnNames: ['activation_token_hash'] }),
          new TableIndex({ name: 'compte_candidat_activation_deadline_idx', columnNames: ['active', 'activation_deadline'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'compte_candidat_campagne_fk',
            columnNames: ['campagne_id'],
            referencedTableName: 'campagne',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
    // Sessions now belong to a member of staff or to a candidate.
    await this.setUtilisateurNullable(queryRunner, true);
    await queryRunner.addColumn('session', new TableColumn({ name: 'compte_candidat_id', type: 'integer', isNullable: true }));
    await queryRunner.createIndex('session', new TableIndex({ name: 'session_compte_candidat_id_idx', columnNames: ['compte_candidat_id'] }));
    await queryRunner.createForeignKey(
      'session',
      new TableForeignKey({
        name: 'session_compte_candidat_fk',
        columnNames: ['compte_candidat_id'],
        referencedTableName: 'compte_candidat',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'RESTRICT',
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM session WHERE utilisateur_id IS NULL');
    await queryRunner.dropForeignKey('session', 'session_compte_candidat_fk');
    await queryRunner.dropIndex('session', 'session_compte_candidat_id_idx');
    await queryRunner.dropColumn('session', 'compte_candidat_id');
    await this.setUtilisateurNullable(queryRunner, false);
    await queryRunner.dropTable('compte_candidat');
    await queryRunner.dropTable('numero_dossier');
    await queryRunner.dropTable('campagne');
  }

  /** Changes only the nullability (a column rebuilt from scratch would lose its foreign key on MariaDB). */
  private async setUtilisateurNullable(queryRunner: QueryRunner, isNullable: boolean): Promise<void> {
    const table = await queryRunner.getTable('session');
    const column = table?.findColumnByName('utilisateur_id');
    if (!table || !column) throw new Error('session.utilisateur_id introuvable');
    const changed = column.clone();
    changed.isNullable = isNullable;
    await queryRunner.changeColumn(table, column, changed);
  }
}
