import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { AVIS_COURANT_SQL, NOM_RECHERCHE_SQL } from '../src/candidature/liste-candidature-colonnes';

const INDEX = [
  // The staff list, scope (campaign, live or cancelled) first, then each sort or filter it reads in order; the
  // first one is (campaign, live, id) for the exports' keyset pages (InnoDB appends the primary key).
  new TableIndex({ name: 'candidature_liste_id_idx', columnNames: ['campagne_id', 'non_annulee'] }),
  new TableIndex({ name: 'candidature_liste_cree_idx', columnNames: ['campagne_id', 'non_annulee', 'created_at'] }),
  new TableIndex({ name: 'candidature_liste_nom_idx', columnNames: ['campagne_id', 'non_annulee', 'nom_recherche'] }),
  new TableIndex({ name: 'candidature_liste_numero_idx', columnNames: ['campagne_id', 'non_annulee', 'numero_dossier'] }),
  new TableIndex({ name: 'candidature_liste_statut_idx', columnNames: ['campagne_id', 'non_annulee', 'statut_dossier', 'created_at'] }),
  new TableIndex({ name: 'candidature_liste_tri_statut_idx', columnNames: ['campagne_id', 'non_annulee', 'statut_dossier', 'id'] }),
  new TableIndex({ name: 'candidature_liste_traitement_idx', columnNames: ['campagne_id', 'non_annulee', 'type_traitement', 'created_at'] }),
  new TableIndex({ name: 'candidature_liste_acceptee_idx', columnNames: ['campagne_id', 'non_annulee', 'acceptee', 'created_at'] }),
  new TableIndex({ name: 'candidature_liste_avis_idx', columnNames: ['campagne_id', 'non_annulee', 'avis_type', 'created_at'] }),
  new TableIndex({ name: 'candidature_liste_avis_valide_idx', columnNames: ['campagne_id', 'non_annulee', 'avis_valide', 'created_at'] }),
  new TableIndex({ name: 'candidature_liste_formation_idx', columnNames: ['formation_id', 'campagne_id', 'non_annulee', 'created_at'] }),
];

/**
 * What the staff list filters and sorts on, carried by the candidature row so the list reads one table through its
 * indexes (all written by src/candidature/liste-candidature-colonnes.ts): the current avis (type and validation) and the candidate's folded name (kept by
 * the identity's writes) and numéro de dossier (never changes). Backfilled here from the avis history and the identities.
 */
export class ListeCandidatures1765300000000 implements MigrationInterface {
  name = 'ListeCandidatures1765300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('candidature', [
      new TableColumn({ name: 'avis_type', type: 'enum', enum: ['FA', 'DE', 'LC', 'LA', 'PR'], isNullable: true }),
      new TableColumn({ name: 'avis_valide', type: 'boolean', isNullable: true }),
      new TableColumn({ name: 'nom_recherche', type: 'varchar', length: '300', isNullable: true }),
      new TableColumn({ name: 'numero_dossier', type: 'varchar', length: '8', isNullable: true }),
    ]);
    const numero = 'numero_dossier = (SELECT cc.numero_dossier FROM compte_candidat cc WHERE cc.id = candidature.compte_candidat_id)';
    await queryRunner.query(`UPDATE candidature SET ${AVIS_COURANT_SQL}, ${NOM_RECHERCHE_SQL}, ${numero}`);
    await queryRunner.createIndices('candidature', INDEX);
    // A boolean alone selects nothing; MariaDB intersected it with the campaign's index, then sorted every row.
    await queryRunner.dropIndex('candidature', 'candidature_non_annulee_idx');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('candidature', new TableIndex({ name: 'candidature_non_annulee_idx', columnNames: ['non_annulee'] }));
    for (const index of INDEX) await queryRunner.dropIndex('candidature', index.name!);
    for (const column of ['numero_dossier', 'nom_recherche', 'avis_valide', 'avis_type']) await queryRunner.dropColumn('candidature', column);
  }
}
