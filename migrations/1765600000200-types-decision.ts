import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The models, one a family, with the reference system's codes (each sends its same-code mail) and today's rules and
 * labels exactly: favourable and défavorable are final (their letters), only favourable waits for a confirmation.
 */
const MODELES: [code: string, famille: string, libelle: string, libelleEn: string, definitif: number, confirmable: number][] = [
  ['AVIS_FAVORABLE', 'FA', 'Favorable', 'Favourable', 1, 1],
  ['AVIS_DEFAVORABLE', 'DE', 'Défavorable', 'Unfavourable', 1, 0],
  ['AVIS_LISTE_COMP', 'LC', 'Liste complémentaire', 'Waiting list', 0, 0],
  ['AVIS_LISTE_ATT', 'LA', "Liste d'attente", 'On hold', 0, 0],
  ['AVIS_PRESELECTION', 'PR', 'Présélection', 'Shortlisted', 0, 0],
];

/** The institution's types de décision (« Avis favorable sous réserve »…), each of one avis family, seeded with the models. */
export class TypesDecision1765600000200 implements MigrationInterface {
  name = 'TypesDecision1765600000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'type_decision',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'code', type: 'varchar', length: '20' },
          { name: 'libelle', type: 'varchar', length: '100' },
          { name: 'libelle_en', type: 'varchar', length: '100', isNullable: true },
          { name: 'famille', type: 'enum', enum: ['FA', 'DE', 'LC', 'LA', 'PR'] },
          { name: 'definitif', type: 'boolean', default: 0 },
          { name: 'confirmable', type: 'boolean', default: 0 },
          { name: 'mail', type: 'varchar', length: '30', isNullable: true },
          { name: 'modele', type: 'boolean', default: 0 },
          { name: 'actif', type: 'boolean', default: 1 },
          { name: 'version', type: 'integer', default: 1 },
        ],
        indices: [new TableIndex({ name: 'type_decision_code_uq', columnNames: ['code'], isUnique: true })],
      }),
    );
    for (const [code, famille, libelle, libelleEn, definitif, confirmable] of MODELES) {
      await queryRunner.query(
        'INSERT INTO type_decision (code, libelle, libelle_en, famille, definitif, confirmable, mail, modele, actif, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, 1)',
        [code, libelle, libelleEn, famille, definitif, confirmable, code],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('type_decision');
  }
}
