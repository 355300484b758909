import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Every grant and revocation on a staff account (account, role, centre, commission, presidency): who, when, what. */
export class JournalHabilitations1765600000002 implements MigrationInterface {
  name = 'JournalHabilitations1765600000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'journal_habilitation',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'utilisateur_id', type: 'integer' },
          { name: 'auteur_id', type: 'integer', isNullable: true },
          { name: 'date', type: 'datetime' },
          { name: 'operation', type: 'enum', enum: ['attribution', 'retrait'] },
          { name: 'nature', type: 'enum', enum: ['compte', 'role', 'centre', 'commission-geree', 'commission', 'presidence'] },
          { name: 'code', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [
          { name: 'journal_habilitation_utilisateur_id_idx', columnNames: ['utilisateur_id', 'id'] },
          { name: 'journal_habilitation_auteur_id_idx', columnNames: ['auteur_id'] },
        ],
        foreignKeys: [
          {
            name: 'journal_habilitation_utilisateur_fk',
            columnNames: ['utilisateur_id'],
            referencedTableName: 'utilisateur',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'journal_habilitation_auteur_fk',
            columnNames: ['auteur_id'],
            referencedTableName: 'utilisateur',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('journal_habilitation');
  }
}
