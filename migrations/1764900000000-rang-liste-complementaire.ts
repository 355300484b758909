import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The liste complémentaire rank moves from the avis (`rang_reel`) to the candidature (`rang_liste_complementaire`):
 * one copy, written by one function, read by every view. Existing ranks are carried over from each candidature's
 * latest validated avis.
 */
export class RangListeComplementaire1764900000000 implements MigrationInterface {
  name = 'RangListeComplementaire1764900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('candidature', new TableColumn({ name: 'rang_liste_complementaire', type: 'integer', isNullable: true }));
    await queryRunner.query(
      `UPDATE candidature SET rang_liste_complementaire = (SELECT a.rang_reel FROM avis a WHERE a.candidature_id = candidature.id AND a.valide = 1 AND a.type = 'LC' AND a.id = (SELECT MAX(a2.id) FROM avis a2 WHERE a2.candidature_id = candidature.id AND a2.valide = 1))`,
    );
    await queryRunner.dropColumn('avis', 'rang_reel');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('avis', new TableColumn({ name: 'rang_reel', type: 'integer', isNullable: true }));
    await queryRunner.query(
      `UPDATE avis SET rang_reel = (SELECT c.rang_liste_complementaire FROM candidature c WHERE c.id = avis.candidature_id) WHERE avis.type = 'LC' AND avis.valide = 1 AND avis.id = (SELECT MAX(a2.id) FROM avis a2 WHERE a2.candidature_id = avis.candidature_id AND a2.valide = 1)`,
    );
    await queryRunner.dropColumn('candidature', 'rang_liste_complementaire');
  }
}
