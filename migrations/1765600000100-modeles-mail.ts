import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Mail texts changed by staff, per mail code and language (the shipped texts stay in code). */
export class ModelesMail1765600000100 implements MigrationInterface {
  name = 'ModelesMail1765600000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'modele_mail',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'code', type: 'varchar', length: '50' },
          { name: 'langue', type: 'enum', enum: ['fr', 'en'] },
          { name: 'sujet', type: 'varchar', length: '500' },
          { name: 'corps', type: 'text' },
          { name: 'updated_by', type: 'varchar', length: '100' },
          { name: 'updated_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'modele_mail_code_langue_uq', columnNames: ['code', 'langue'], isUnique: true })],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('modele_mail');
  }
}
