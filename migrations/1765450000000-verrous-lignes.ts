import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

const TABLES = ['compte_candidat', 'formation', 'candidature'];

/**
 * The counter lockRows (src/database/row-lock.ts) increments to lock a row: a write, which a Galera cluster certifies
 * across its nodes, where SELECT … FOR UPDATE locks only on the node that runs it.
 */
export class VerrousLignes1765450000000 implements MigrationInterface {
  name = 'VerrousLignes1765450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.addColumn(table, new TableColumn({ name: 'lock_count', type: 'integer', default: 0 }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.dropColumn(table, 'lock_count');
  }
}
