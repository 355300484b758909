import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** The last scheduled occurrence of each job that ran: N instances firing the same tick run it once. */
export class JobSlot1764300000003 implements MigrationInterface {
  name = 'JobSlot1764300000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('job_lease', new TableColumn({ name: 'last_slot', type: 'datetime', isNullable: true }));
    await queryRunner.query(`UPDATE job_lease SET last_slot = '1970-01-01 00:00:00'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('job_lease', 'last_slot');
  }
}
