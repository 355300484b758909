import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { motsRecherche } from '../src/candidature/liste-candidature-colonnes';

/** Accounts read per batch of the backfill */
const LOT = 1000;

/**
 * The words staff search an account by (src/candidature/entities/mot-recherche.entity.ts), so that the staff list's
 * `q` seeks an index instead of reading every candidature of the campaign. Backfilled here from the accounts and
 * their identities, in batches by account id (the words are split in JavaScript, the one place they are defined).
 */
export class MotsRecherche1765400000000 implements MigrationInterface {
  name = 'MotsRecherche1765400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mot_recherche',
        columns: [
          { name: 'compte_candidat_id', type: 'integer', isPrimary: true },
          { name: 'mot', type: 'varchar', length: '60', isPrimary: true },
        ],
        indices: [{ name: 'mot_recherche_mot_idx', columnNames: ['mot', 'compte_candidat_id'] }],
        foreignKeys: [
          {
            name: 'mot_recherche_compte_candidat_fk',
            columnNames: ['compte_candidat_id'],
            referencedTableName: 'compte_candidat',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
    for (let apres = 0; ; ) {
      const comptes = (await queryRunner.query(
        `SELECT cc.id AS id, cc.numero_dossier AS numero, cd.nom_recherche AS nom, cd.ine AS ine
           FROM compte_candidat cc LEFT JOIN candidat cd ON cd.compte_candidat_id = cc.id
          WHERE cc.id > ? ORDER BY cc.id LIMIT ${LOT}`,
        [apres],
      )) as { id: number | string; numero: string; nom: string | null; ine: string | null }[];
      if (comptes.length === 0) break;
      const lignes = comptes.flatMap((c) => motsRecherche({ numeroDossier: c.numero, nomRecherche: c.nom, ine: c.ine }).map((mot) => [Number(c.id), mot]));
      if (lignes.length > 0) await queryRunner.query(`INSERT INTO mot_recherche (compte_candidat_id, mot) VALUES ${lignes.map(() => '(?, ?)').join(', ')}`, lignes.flat());
      apres = Number(comptes[comptes.length - 1].id);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mot_recherche');
  }
}
