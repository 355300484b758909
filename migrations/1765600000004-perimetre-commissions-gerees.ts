import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A gestionnaire may manage chosen commissions of a centre rather than all of it (eCandidat's gestionnaire_commission):
 * scopes gain the type `commission-geree`, and their codes the length of a commission's code (30).
 */
export class PerimetreCommissionsGerees1765600000004 implements MigrationInterface {
  name = 'PerimetreCommissionsGerees1765600000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await changer(queryRunner, ['centre', 'commission', 'commission-geree'], 30);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM utilisateur_perimetre WHERE type = 'commission-geree'");
    await changer(queryRunner, ['centre', 'commission'], 20);
  }
}

async function changer(queryRunner: QueryRunner, types: string[], longueur: number): Promise<void> {
  if (queryRunner.connection.options.type !== 'better-sqlite3') {
    // In place: TypeORM's changeColumn on MariaDB drops and adds a column whose length changes, and its rows with it.
    await queryRunner.query(
      `ALTER TABLE \`utilisateur_perimetre\` MODIFY \`type\` enum(${types.map((t) => `'${t}'`).join(',')}) NOT NULL, MODIFY \`code\` varchar(${longueur}) NOT NULL`,
    );
    return;
  }
  // SQLite: the enum is a CHECK constraint; TypeORM rebuilds the table with the new one and copies its rows.
  const table = await queryRunner.getTable('utilisateur_perimetre');
  const type = table?.findColumnByName('type');
  const code = table?.findColumnByName('code');
  if (!table || !type || !code) throw new Error('utilisateur_perimetre.type / code introuvables');
  const nouveauType = type.clone();
  nouveauType.enum = types;
  const nouveauCode = code.clone();
  nouveauCode.length = String(longueur);
  await queryRunner.changeColumns(table, [
    { oldColumn: type, newColumn: nouveauType },
    { oldColumn: code, newColumn: nouveauCode },
  ]);
}
