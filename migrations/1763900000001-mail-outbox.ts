import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** The transactional mail outbox. */
export class MailOutbox1763900000001 implements MigrationInterface {
  name = 'MailOutbox1763900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mail_outbox',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'code', type: 'varchar', length: '50' },
          { name: 'destinataire', type: 'varchar', length: '255' },
          { name: 'sujet', type: 'varchar', length: '500' },
          { name: 'texte', type: 'text' },
          { name: 'html', type: 'text' },
          { name: 'message_id', type: 'varchar', length: '255' },
          { name: 'statut', type: 'enum', enum: ['EN_ATTENTE', 'ENVOYE', 'ECHEC'], default: "'EN_ATTENTE'" },
          { name: 'essais', type: 'integer', default: 0 },
          { name: 'prochain_essai_at', type: 'datetime' },
          { name: 'claim_token', type: 'varchar', length: '36', isNullable: true },
          { name: 'claimed_until', type: 'datetime', isNullable: true },
          { name: 'derniere_erreur', type: 'varchar', length: '1000', isNullable: true },
          { name: 'envoye_at', type: 'datetime', isNullable: true },
          { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [
          new TableIndex({ name: 'mail_outbox_statut_prochain_essai_idx', columnNames: ['statut', 'prochain_essai_at'] }),
          new TableIndex({ name: 'mail_outbox_claim_token_idx', columnNames: ['claim_token'] }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mail_outbox');
  }
}
