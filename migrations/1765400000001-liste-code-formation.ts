import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { CODE_FORMATION_SQL } from '../src/candidature/liste-candidature-colonnes';

// formation_id last: a gestionnaire's scope (formation_id IN …) is then checked in the index itself, whose walk in
// code order stops at the LIMIT without reading the rows of the other centres' formations.
const INDEX = new TableIndex({ name: 'candidature_liste_code_formation_idx', columnNames: ['campagne_id', 'non_annulee', 'formation_code', 'formation_id'] });

/**
 * The formation's code carried by the candidature row (written by src/candidature/liste-candidature-colonnes.ts), so
 * that the staff list sorted by formation reads one index in order instead of joining every formation and sorting.
 */
export class ListeCodeFormation1765400000001 implements MigrationInterface {
  name = 'ListeCodeFormation1765400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('candidature', new TableColumn({ name: 'formation_code', type: 'varchar', length: '50', isNullable: true }));
    await queryRunner.query(`UPDATE candidature SET ${CODE_FORMATION_SQL}`);
    await queryRunner.createIndex('candidature', INDEX);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('candidature', INDEX.name!);
    await queryRunner.dropColumn('candidature', 'formation_code');
  }
}
