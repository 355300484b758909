import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** A commission's own letter settings (signatory, signature, address block, extra text), over the institution's. */
export class LettreCommission1765700000101 implements MigrationInterface {
  name = 'LettreCommission1765700000101';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'lettre_commission',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'commission_id', type: 'integer' },
          { name: 'signataire_nom', type: 'varchar', length: '200', isNullable: true },
          { name: 'signataire_titre', type: 'varchar', length: '200', isNullable: true },
          { name: 'signataire_titre_en', type: 'varchar', length: '200', isNullable: true },
          { name: 'adresse', type: 'varchar', length: '700', isNullable: true },
          { name: 'texte', type: 'text', isNullable: true },
          { name: 'texte_en', type: 'text', isNullable: true },
          { name: 'signature_cle', type: 'varchar', length: '100', isNullable: true },
          { name: 'signature_type', type: 'varchar', length: '20', isNullable: true },
          { name: 'updated_by', type: 'varchar', length: '100' },
          { name: 'updated_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'lettre_commission_commission_id_uq', columnNames: ['commission_id'], isUnique: true })],
        foreignKeys: [
          new TableForeignKey({ name: 'lettre_commission_commission_fk', columnNames: ['commission_id'], referencedTableName: 'commission', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'RESTRICT' }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('lettre_commission');
  }
}
