import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Campaign switches of candidates' access: the last day they may log in (eCandidat's dat_fin_candidat_camp; none:
 * no limit) and whether accounts may be created without CAS (existing campaigns: yes, as before).
 */
export class CampagneAccesCandidats1765600000003 implements MigrationInterface {
  name = 'CampagneAccesCandidats1765600000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('campagne', [
      new TableColumn({ name: 'date_fin_candidat', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'creation_comptes_hors_cas', type: 'boolean', default: 1 }),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const colonnes = ['creation_comptes_hors_cas', 'date_fin_candidat'];
    if (queryRunner.connection.options.type === 'better-sqlite3') {
      // In place: TypeORM rebuilds an SQLite table to drop a column, which the accounts referring to a campaign forbid.
      for (const colonne of colonnes) await queryRunner.query(`ALTER TABLE "campagne" DROP COLUMN "${colonne}"`);
      return;
    }
    await queryRunner.dropColumns('campagne', colonnes);
  }
}
