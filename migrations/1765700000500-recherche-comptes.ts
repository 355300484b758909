import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The staff search of accounts (GET /api/candidats) walks a campaign's accounts newest first: (campagne_id, id) gives
 * that order, so a page stops at its LIMIT instead of sorting the campaign.
 */
export class RechercheComptes1765700000500 implements MigrationInterface {
  name = 'RechercheComptes1765700000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('compte_candidat', new TableIndex({ name: 'compte_candidat_campagne_id_idx', columnNames: ['campagne_id', 'id'] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('compte_candidat', 'compte_candidat_campagne_id_idx');
  }
}
