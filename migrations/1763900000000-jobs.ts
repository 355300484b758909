import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Job leases (one instance runs each job) and the history of runs. */
export class Jobs1763900000000 implements MigrationInterface {
  name = 'Jobs1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'job_lease',
        columns: [
          { name: 'name', type: 'varchar', length: '100', isPrimary: true },
          { name: 'holder', type: 'varchar', length: '100', isNullable: true },
          { name: 'lease_until', type: 'datetime' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'job_run',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'holder', type: 'varchar', length: '100' },
          { name: 'started_at', type: 'datetime' },
          { name: 'ended_at', type: 'datetime', isNullable: true },
          { name: 'status', type: 'enum', enum: ['EN_COURS', 'SUCCES', 'ECHEC'] },
          { name: 'counts', type: 'varchar', length: '1000', isNullable: true },
          { name: 'error', type: 'varchar', length: '2000', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'job_run_name_started_at_idx', columnNames: ['name', 'started_at'] })],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_run');
    await queryRunner.dropTable('job_lease');
  }
}
