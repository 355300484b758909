import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

const date = (name: string) => new TableColumn({ name, type: 'varchar', length: '10', isNullable: true });

/** What staff processing and the candidate's answer add to a candidature: statut dates, confirmation, deadlines, OPI. */
export class SuiviCandidature1764700000001 implements MigrationInterface {
  name = 'SuiviCandidature1764700000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('candidature', [
      date('date_reception'),
      date('date_complet'),
      date('date_incomplet'),
      new TableColumn({ name: 'acceptee', type: 'boolean', isNullable: true }),
      new TableColumn({ name: 'acceptee_at', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'accepte_par', type: 'varchar', length: '50', isNullable: true }),
      date('date_confirmation_candidature'),
      date('date_retour_candidature'),
      new TableColumn({ name: 'relance_envoyee', type: 'boolean', default: 0 }),
      new TableColumn({ name: 'code_opi', type: 'varchar', length: '20', isNullable: true }),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['code_opi', 'relance_envoyee', 'date_retour_candidature', 'date_confirmation_candidature', 'accepte_par', 'acceptee_at', 'acceptee', 'date_incomplet', 'date_complet', 'date_reception']) {
      await queryRunner.dropColumn('candidature', column);
    }
  }
}
