import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * Établissements from the national directories (Annuaire de l'éducation, higher-education directory): public or
 * private sector, whether still open, and when an import last changed the row (the running instances reload their
 * snapshot of the référentiel when that moves).
 */
export class EtablissementAnnuaire1765600000400 implements MigrationInterface {
  name = 'EtablissementAnnuaire1765600000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('etablissement', [
      new TableColumn({ name: 'statut', type: 'enum', enum: ['PUBLIC', 'PRIVE'], isNullable: true }),
      // Booleans default to 0/1: what both engines report back, so the schema diff stays empty.
      new TableColumn({ name: 'actif', type: 'boolean', default: 1 }),
      new TableColumn({ name: 'maj_le', type: 'datetime', isNullable: true }),
    ]);
    await queryRunner.createIndex('etablissement', new TableIndex({ name: 'etablissement_maj_le_idx', columnNames: ['maj_le'] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('etablissement', 'etablissement_maj_le_idx');
    for (const column of ['maj_le', 'actif', 'statut']) await queryRunner.dropColumn('etablissement', column);
  }
}
