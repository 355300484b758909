import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
const version: TableColumnOptions = { name: 'version', type: 'integer' };
const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable });
const flag = (name: string, def?: boolean): TableColumnOptions => ({ name, type: 'boolean', ...(def === undefined ? {} : { default: def ? 1 : 0 }) });
const date = (name: string, isNullable = false) => text(name, 10, isNullable);
const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable });
const unique = (table: string) => new TableIndex({ name: `${table}_code_uq`, columnNames: ['code'], isUnique: true });

/** The offer set-up: centres de candidature, commissions, formations, and the counter that dates the public offer. */
export class Offre1764500000000 implements MigrationInterface {
  name = 'Offre1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'centre_candidature',
        columns: [
          id,
          text('code', 20),
          text('libelle', 200),
          text('contact_email', 80, true),
          text('contact_telephone', 20, true),
          int('max_voeux', true),
          flag('demat_defaut', true),
          flag('actif', true),
          version,
        ],
        indices: [unique('centre_candidature')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'commission',
        columns: [
          id,
          int('centre_id'),
          text('code', 30),
          text('libelle', 200),
          text('adresse_ligne1', 38),
          text('adresse_ligne2', 38, true),
          text('adresse_ligne3', 38, true),
          text('code_postal', 10, true),
          text('commune', 5, true),
          text('ville', 100, true),
          text('pays', 2),
          text('email', 80, true),
          text('telephone', 20, true),
          text('signataire', 255, true),
          { name: 'commentaire_candidat', type: 'text', isNullable: true },
          flag('alerte', true),
          version,
        ],
        indices: [unique('commission'), new TableIndex({ name: 'commission_centre_id_idx', columnNames: ['centre_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'commission_centre_fk',
            columnNames: ['centre_id'],
            referencedTableName: 'centre_candidature',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'formation',
        columns: [
          id,
          int('commission_id'),
          text('code', 50),
          text('libelle', 500),
          text('mots_cles', 500, true),
          text('type_diplome', 10),
          { name: 'type_traitement', type: 'enum', enum: ['AC', 'AD', 'AT'] },
          flag('demat'),
          date('date_debut_candidature'),
          date('date_fin_candidature'),
          date('date_retour'),
          date('date_analyse', true),
          date('date_jury', true),
          date('date_publication', true),
          date('date_confirmation', true),
          int('delai_confirmation', true),
          int('capacite', true),
          { name: 'informations_complementaires', type: 'text', isNullable: true },
          flag('actif', true),
          version,
        ],
        indices: [unique('formation'), new TableIndex({ name: 'formation_commission_id_idx', columnNames: ['commission_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'formation_commission_fk',
            columnNames: ['commission_id'],
            referencedTableName: 'commission',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
    await queryRunner.createTable(new Table({ name: 'offre_version', columns: [{ name: 'id', type: 'integer', isPrimary: true }, version] }));
    await queryRunner.query('INSERT INTO offre_version (id, version) VALUES (1, 1)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('offre_version');
    await queryRunner.dropTable('formation');
    await queryRunner.dropTable('commission');
    await queryRunner.dropTable('centre_candidature');
  }
}
