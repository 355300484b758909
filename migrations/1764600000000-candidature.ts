import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable });
const instant = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable });
const fk = (column: string, table: string) =>
  new TableForeignKey({
    name: `candidature_${column.replace(/_id$/, '')}_fk`,
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete: 'RESTRICT',
    onUpdate: 'RESTRICT',
  });

/** Candidatures: one live vœu per (candidate, formation), enforced by a unique index that ignores cancelled ones. */
export class Candidature1764600000000 implements MigrationInterface {
  name = 'Candidature1764600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'candidature',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          int('campagne_id'),
          int('compte_candidat_id'),
          int('formation_id'),
          { name: 'statut_dossier', type: 'enum', enum: ['AT', 'RE', 'IN', 'CO'], default: "'AT'" },
          instant('statut_dossier_at'),
          { name: 'type_traitement', type: 'enum', enum: ['AC', 'AD', 'AT'] },
          { name: 'type_traitement_valide', type: 'boolean', default: 0 },
          instant('created_at'),
          instant('transmise_at', true),
          instant('annulee_at', true),
          { name: 'annulee_par', type: 'varchar', length: '50', isNullable: true },
          { name: 'non_annulee', type: 'boolean', isNullable: true, default: 1 },
          { name: 'dates_archivees', type: 'text', isNullable: true },
          { name: 'version', type: 'integer', default: 1 },
        ],
        indices: [
          new TableIndex({ name: 'candidature_compte_formation_uq', columnNames: ['compte_candidat_id', 'formation_id', 'non_annulee'], isUnique: true }),
          new TableIndex({ name: 'candidature_formation_id_idx', columnNames: ['formation_id'] }),
          new TableIndex({ name: 'candidature_campagne_id_idx', columnNames: ['campagne_id'] }),
          new TableIndex({ name: 'candidature_statut_dossier_idx', columnNames: ['statut_dossier'] }),
        ],
        foreignKeys: [fk('campagne_id', 'campagne'), fk('compte_candidat_id', 'compte_candidat'), fk('formation_id', 'formation')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('candidature');
  }
}
