import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

const owner = (table: string) =>
  new TableForeignKey({
    name: `${table}_compte_candidat_fk`,
    columnNames: ['compte_candidat_id'],
    referencedTableName: 'compte_candidat',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  });
const stamp = [
  { name: 'version', type: 'integer' },
  { name: 'updated_at', type: 'datetime' },
];

/** The candidate's file: informations personnelles, adresse, baccalauréat (one row each per account). */
export class DossierCandidat1764400000000 implements MigrationInterface {
  name = 'DossierCandidat1764400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'candidat',
        columns: [
          { name: 'compte_candidat_id', type: 'integer', isPrimary: true },
          { name: 'campagne_id', type: 'integer' },
          { name: 'civilite', type: 'enum', enum: ['M', 'MME'] },
          { name: 'nom_naissance', type: 'varchar', length: '100' },
          { name: 'nom_usage', type: 'varchar', length: '100', isNullable: true },
          { name: 'prenom', type: 'varchar', length: '100' },
          { name: 'autres_prenoms', type: 'varchar', length: '200', isNullable: true },
          { name: 'nom_recherche', type: 'varchar', length: '300' },
          { name: 'date_naissance', type: 'date' },
          { name: 'pays_naissance', type: 'varchar', length: '2' },
          { name: 'departement_naissance', type: 'varchar', length: '3', isNullable: true },
          { name: 'commune_naissance', type: 'varchar', length: '5', isNullable: true },
          { name: 'ville_naissance', type: 'varchar', length: '100', isNullable: true },
          { name: 'nationalite', type: 'varchar', length: '2' },
          { name: 'ine', type: 'varchar', length: '11', isNullable: true },
          { name: 'telephone', type: 'varchar', length: '20', isNullable: true },
          { name: 'telephone_portable', type: 'varchar', length: '20', isNullable: true },
          { name: 'langue', type: 'enum', enum: ['fr', 'en'], default: "'fr'" },
          { name: 'importe', type: 'boolean', default: 0 },
          ...stamp,
        ],
        indices: [
          new TableIndex({ name: 'candidat_campagne_ine_uq', columnNames: ['campagne_id', 'ine'], isUnique: true }),
          new TableIndex({ name: 'candidat_nom_recherche_idx', columnNames: ['nom_recherche'] }),
        ],
        foreignKeys: [owner('candidat')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'candidat_adresse',
        columns: [
          { name: 'compte_candidat_id', type: 'integer', isPrimary: true },
          { name: 'pays', type: 'varchar', length: '2' },
          { name: 'ligne1', type: 'varchar', length: '100' },
          { name: 'ligne2', type: 'varchar', length: '100', isNullable: true },
          { name: 'ligne3', type: 'varchar', length: '100', isNullable: true },
          { name: 'code_postal', type: 'varchar', length: '5', isNullable: true },
          { name: 'commune', type: 'varchar', length: '5', isNullable: true },
          { name: 'cedex', type: 'varchar', length: '50', isNullable: true },
          { name: 'ville_etrangere', type: 'varchar', length: '100', isNullable: true },
          ...stamp,
        ],
        foreignKeys: [owner('candidat_adresse')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'candidat_bac',
        columns: [
          { name: 'compte_candidat_id', type: 'integer', isPrimary: true },
          { name: 'serie', type: 'varchar', length: '10' },
          { name: 'annee', type: 'integer', isNullable: true },
          { name: 'mention', type: 'varchar', length: '10', isNullable: true },
          { name: 'specialites', type: 'varchar', length: '100', isNullable: true },
          { name: 'pays', type: 'varchar', length: '2', isNullable: true },
          { name: 'departement', type: 'varchar', length: '3', isNullable: true },
          { name: 'commune', type: 'varchar', length: '5', isNullable: true },
          { name: 'etablissement', type: 'varchar', length: '10', isNullable: true },
          { name: 'importe', type: 'boolean', default: 0 },
          ...stamp,
        ],
        foreignKeys: [owner('candidat_bac')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('candidat_bac');
    await queryRunner.dropTable('candidat_adresse');
    await queryRunner.dropTable('candidat');
  }
}
