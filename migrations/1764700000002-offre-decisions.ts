import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** The offer's settings for decisions: the formation's liste complémentaire, the commission's letters. */
export class OffreDecisions1764700000002 implements MigrationInterface {
  name = 'OffreDecisions1764700000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('formation', [
      new TableColumn({ name: 'liste_complementaire', type: 'boolean', default: 0 }),
      new TableColumn({ name: 'date_confirmation_liste_complementaire', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'delai_confirmation_liste_complementaire', type: 'integer', isNullable: true }),
    ]);
    await queryRunner.addColumns('commission', [
      new TableColumn({ name: 'lettres_telechargeables', type: 'boolean', default: 1 }),
      new TableColumn({ name: 'lettre_jointe_au_mail', type: 'boolean', default: 0 }),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('commission', 'lettre_jointe_au_mail');
    await queryRunner.dropColumn('commission', 'lettres_telechargeables');
    await queryRunner.dropColumn('formation', 'delai_confirmation_liste_complementaire');
    await queryRunner.dropColumn('formation', 'date_confirmation_liste_complementaire');
    await queryRunner.dropColumn('formation', 'liste_complementaire');
  }
}
