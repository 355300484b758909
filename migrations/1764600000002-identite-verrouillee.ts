import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** The identity of a candidate who has applied is locked (the first candidature sets the flag). */
export class IdentiteVerrouillee1764600000002 implements MigrationInterface {
  name = 'IdentiteVerrouillee1764600000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('candidat', new TableColumn({ name: 'identite_verrouillee', type: 'boolean', default: 0 }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('candidat', 'identite_verrouillee');
  }
}
