import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

const MOTIFS = [
  ['CAPACITE', "Capacité d'accueil atteinte"],
  ['PREREQUIS', 'Prérequis de la formation non satisfaits'],
  ['NIVEAU', 'Niveau insuffisant au regard des attendus'],
  ['PROJET', 'Projet professionnel sans rapport avec la formation'],
  ['INCOMPLET', 'Dossier incomplet'],
];

/** Avis of the commissions (history per candidature) and the managed list of motifs of a défavorable avis. */
export class Avis1764700000000 implements MigrationInterface {
  name = 'Avis1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'motif_avis',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'code', type: 'varchar', length: '20' },
          { name: 'libelle', type: 'varchar', length: '200' },
          { name: 'actif', type: 'boolean', default: 1 },
          { name: 'version', type: 'integer', default: 1 },
        ],
        indices: [new TableIndex({ name: 'motif_avis_code_uq', columnNames: ['code'], isUnique: true })],
      }),
    );
    for (const [code, libelle] of MOTIFS) {
      await queryRunner.query('INSERT INTO motif_avis (code, libelle, actif, version) VALUES (?, ?, 1, 1)', [code, libelle]);
    }
    await queryRunner.createTable(
      new Table({
        name: 'avis',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'candidature_id', type: 'integer' },
          { name: 'type', type: 'enum', enum: ['FA', 'DE', 'LC', 'LA', 'PR'] },
          { name: 'motif', type: 'varchar', length: '20', isNullable: true },
          { name: 'rang', type: 'integer', isNullable: true },
          { name: 'rang_reel', type: 'integer', isNullable: true },
          { name: 'preselection_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'preselection_heure', type: 'varchar', length: '5', isNullable: true },
          { name: 'preselection_lieu', type: 'varchar', length: '100', isNullable: true },
          { name: 'commentaire', type: 'varchar', length: '1000', isNullable: true },
          { name: 'commentaire_visible', type: 'boolean', default: 0 },
          { name: 'valide', type: 'boolean', default: 0 },
          { name: 'valide_at', type: 'datetime', isNullable: true },
          { name: 'valide_par', type: 'varchar', length: '50', isNullable: true },
          { name: 'publie_at', type: 'datetime', isNullable: true },
          { name: 'cree_par', type: 'varchar', length: '50' },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'avis_candidature_id_idx', columnNames: ['candidature_id'] }),
          new TableIndex({ name: 'avis_valide_publie_idx', columnNames: ['valide', 'publie_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'avis_candidature_fk', columnNames: ['candidature_id'], referencedTableName: 'candidature', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'RESTRICT' }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('avis');
    await queryRunner.dropTable('motif_avis');
  }
}
