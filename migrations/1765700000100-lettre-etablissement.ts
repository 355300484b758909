import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** The institution block of the letters (name, address, logo, signatory and signature): one row, id 1, once staff set it. */
export class LettreEtablissement1765700000100 implements MigrationInterface {
  name = 'LettreEtablissement1765700000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'lettre_etablissement',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'nom', type: 'varchar', length: '200', isNullable: true },
          { name: 'nom_en', type: 'varchar', length: '200', isNullable: true },
          { name: 'adresse', type: 'varchar', length: '700', isNullable: true },
          { name: 'signataire_nom', type: 'varchar', length: '200', isNullable: true },
          { name: 'signataire_titre', type: 'varchar', length: '200', isNullable: true },
          { name: 'signataire_titre_en', type: 'varchar', length: '200', isNullable: true },
          { name: 'logo_cle', type: 'varchar', length: '100', isNullable: true },
          { name: 'logo_type', type: 'varchar', length: '20', isNullable: true },
          { name: 'signature_cle', type: 'varchar', length: '100', isNullable: true },
          { name: 'signature_type', type: 'varchar', length: '20', isNullable: true },
          { name: 'updated_by', type: 'varchar', length: '100' },
          { name: 'updated_at', type: 'datetime' },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('lettre_etablissement');
  }
}
