import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The statistics of a campaign (src/commission/statistiques/requete-statistiques.ts) count candidatures per
 * formation by every column of this index: it answers them from its entries alone, one range per (formation,
 * campaign), in the order of the GROUP BY. Without it, MariaDB read each of a campaign's rows through the formation
 * index: 10 to 14 s at 1,000,000 candidatures for the whole institution (bench/README.md). The formation leads, not
 * the campaign: led by (campaign), it covered every filter of the staff list, whose plans then sorted thousands of
 * its entries rather than walk their own ordered indexes (test/liste-explain.e2e-spec.ts).
 */
export class StatistiquesIndex1765700000400 implements MigrationInterface {
  name = 'StatistiquesIndex1765700000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'candidature',
      new TableIndex({
        name: 'candidature_statistiques_idx',
        columnNames: ['formation_id', 'campagne_id', 'non_annulee', 'statut_dossier', 'type_traitement', 'avis_type', 'avis_valide', 'acceptee', 'rang_liste_complementaire'],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('candidature', 'candidature_statistiques_idx');
  }
}
