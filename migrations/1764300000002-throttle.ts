import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Throttling counters shared by every instance. */
export class Throttle1764300000002 implements MigrationInterface {
  name = 'Throttle1764300000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'throttle_counter',
        columns: [
          { name: 'cle', type: 'varchar', length: '120', isPrimary: true },
          { name: 'hits', type: 'integer' },
          { name: 'window_ends_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'throttle_counter_window_ends_at_idx', columnNames: ['window_ends_at'] })],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('throttle_counter');
  }
}
