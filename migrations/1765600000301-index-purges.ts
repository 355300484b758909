import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes of the exploitation purges: the nightly purge of job runs older than 30 days reads them by start, whatever
 * the job; the destruction of an archived campaign or of one candidate (RGPD) deletes their mails by recipient.
 */
export class IndexPurges1765600000301 implements MigrationInterface {
  name = 'IndexPurges1765600000301';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('job_run', new TableIndex({ name: 'job_run_started_at_idx', columnNames: ['started_at'] }));
    await queryRunner.createIndex('mail_outbox', new TableIndex({ name: 'mail_outbox_destinataire_idx', columnNames: ['destinataire'] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('mail_outbox', 'mail_outbox_destinataire_idx');
    await queryRunner.dropIndex('job_run', 'job_run_started_at_idx');
  }
}
