import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

const LANGUE = { name: 'langue', type: 'enum', enum: ['fr', 'en'], default: "'fr'" };

/**
 * The language of mails and letters moves from the candidate's file (`candidat`) to the account (`compte_candidat`):
 * an account exists, and is mailed, before any file does, so its activation mail can be in the language chosen at
 * creation. One copy, carried over from each file.
 */
export class LangueCompte1765100000000 implements MigrationInterface {
  name = 'LangueCompte1765100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('compte_candidat', new TableColumn(LANGUE));
    await queryRunner.query(
      `UPDATE compte_candidat SET langue = (SELECT c.langue FROM candidat c WHERE c.compte_candidat_id = compte_candidat.id) WHERE id IN (SELECT compte_candidat_id FROM candidat)`,
    );
    await queryRunner.dropColumn('candidat', 'langue');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('candidat', new TableColumn(LANGUE));
    await queryRunner.query(`UPDATE candidat SET langue = (SELECT a.langue FROM compte_candidat a WHERE a.id = candidat.compte_candidat_id)`);
    await queryRunner.dropColumn('compte_candidat', 'langue');
  }
}
