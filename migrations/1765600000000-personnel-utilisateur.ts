import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { rechercheUtilisateur } from '../src/auth/entities/utilisateur.entity';

/**
 * Staff accounts managed through the API (src/personnel/): what their list searches (login, names, e-mail folded by
 * cleIdentifiant, backfilled here in JavaScript, the one place the folding is defined; staff accounts are a few
 * hundred: one pass), and a version for If-Match. Existing accounts get version 1.
 */
export class PersonnelUtilisateur1765600000000 implements MigrationInterface {
  name = 'PersonnelUtilisateur1765600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('utilisateur', [
      new TableColumn({ name: 'recherche', type: 'varchar', length: '500', default: "''" }),
      new TableColumn({ name: 'version', type: 'integer', default: 1 }),
    ]);
    const rows = (await queryRunner.query('SELECT id, login, nom, prenom, email FROM utilisateur')) as { id: number | string; login: string; nom: string; prenom: string; email: string }[];
    for (const row of rows) await queryRunner.query('UPDATE utilisateur SET recherche = ? WHERE id = ?', [rechercheUtilisateur(row), Number(row.id)]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const colonnes = ['version', 'recherche'];
    if (queryRunner.connection.options.type === 'better-sqlite3') {
      // In place: TypeORM rebuilds an SQLite table to drop a column, which the sessions and scopes referring to an account forbid.
      for (const colonne of colonnes) await queryRunner.query(`ALTER TABLE "utilisateur" DROP COLUMN "${colonne}"`);
      return;
    }
    await queryRunner.dropColumns('utilisateur', colonnes);
  }
}
