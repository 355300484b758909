import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** The pièces of each candidature: statut, staff comment, the uploaded file's key and name. */
export class PiecesCandidature1764600000003 implements MigrationInterface {
  name = 'PiecesCandidature1764600000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'piece_candidature',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'candidature_id', type: 'integer' },
          { name: 'piece_id', type: 'integer' },
          { name: 'statut', type: 'enum', enum: ['AT', 'TR', 'VA', 'RE', 'NC'] },
          { name: 'commentaire', type: 'varchar', length: '500', isNullable: true },
          { name: 'fichier_cle', type: 'varchar', length: '100', isNullable: true },
          { name: 'fichier_nom', type: 'varchar', length: '200', isNullable: true },
          { name: 'fichier_type', type: 'varchar', length: '30', isNullable: true },
          { name: 'fichier_taille', type: 'integer', isNullable: true },
          { name: 'updated_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'piece_candidature_candidature_piece_uq', columnNames: ['candidature_id', 'piece_id'], isUnique: true }),
          new TableIndex({ name: 'piece_candidature_piece_id_idx', columnNames: ['piece_id'] }),
          new TableIndex({ name: 'piece_candidature_fichier_cle_idx', columnNames: ['fichier_cle'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'piece_candidature_candidature_fk',
            columnNames: ['candidature_id'],
            referencedTableName: 'candidature',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          }),
          new TableForeignKey({
            name: 'piece_candidature_piece_fk',
            columnNames: ['piece_id'],
            referencedTableName: 'piece_justificative',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('piece_candidature');
  }
}
