import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The text a letter prints for the formations of one type de diplôme (upstream #105: a legal office wants its own
 * wording). No foreign key to type_diplome: the reference data is reloaded by its import; the code is checked on save.
 */
export class LettreTypeDiplome1765700000102 implements MigrationInterface {
  name = 'LettreTypeDiplome1765700000102';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'lettre_type_diplome',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'type_diplome', type: 'varchar', length: '10' },
          { name: 'texte', type: 'text' },
          { name: 'texte_en', type: 'text', isNullable: true },
          { name: 'updated_by', type: 'varchar', length: '100' },
          { name: 'updated_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'lettre_type_diplome_type_diplome_uq', columnNames: ['type_diplome'], isUnique: true })],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('lettre_type_diplome');
  }
}
