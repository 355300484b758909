import { MigrationInterface, QueryRunner } from 'typeorm';
import { motsRecherche } from '../src/candidature/liste-candidature-colonnes';

/** Accounts rewritten per batch */
const LOT = 1000;

/**
 * The search words of every account now hold the name typed when it was opened (before an identity is filled, the only
 * name there is: such accounts were found by numéro or e-mail only). Recomputed in batches by account id; each batch's
 * words deleted then written again, so running it on words already complete changes nothing.
 */
export class MotsRechercheComptes1765700000700 implements MigrationInterface {
  name = 'MotsRechercheComptes1765700000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (let apres = 0; ; ) {
      const comptes = (await queryRunner.query(
        `SELECT cc.id AS id, cc.numero_dossier AS numero, cc.nom AS nom_compte, cc.prenom AS prenom_compte, cd.nom_recherche AS nom, cd.ine AS ine
           FROM compte_candidat cc LEFT JOIN candidat cd ON cd.compte_candidat_id = cc.id
          WHERE cc.id > ? ORDER BY cc.id LIMIT ${LOT}`,
        [apres],
      )) as { id: number | string; numero: string; nom_compte: string; prenom_compte: string; nom: string | null; ine: string | null }[];
      if (comptes.length === 0) break;
      const ids = comptes.map((c) => Number(c.id));
      const lignes = comptes.flatMap((c) =>
        motsRecherche({ numeroDossier: c.numero, nomRecherche: c.nom, ine: c.ine, nomCompte: `${c.nom_compte} ${c.prenom_compte}` }).map((mot) => [Number(c.id), mot]),
      );
      await queryRunner.query(`DELETE FROM mot_recherche WHERE compte_candidat_id IN (${ids.map(() => '?').join(', ')})`, ids);
      if (lignes.length > 0) await queryRunner.query(`INSERT INTO mot_recherche (compte_candidat_id, mot) VALUES ${lignes.map(() => '(?, ?)').join(', ')}`, lignes.flat());
      apres = ids[ids.length - 1];
    }
  }

  /** The words the accounts' names added stay: they only widen what staff find, and the previous code reads them as any other. */
  public async down(): Promise<void> {}
}
