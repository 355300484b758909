import { Logger } from '@nestjs/common';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { cleIdentifiant } from '../src/common/text/cle-identifiant';

const UTF8MB4 = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci';

/** The identifier keys, compared byte for byte: the code folds every spelling to the key (cleIdentifiant). */
const CLES = [
  { table: 'utilisateur', colonne: 'login', type: 'varchar(100) NOT NULL' },
  { table: 'compte_candidat', colonne: 'numero_dossier', type: 'varchar(8) NOT NULL' },
  { table: 'compte_candidat', colonne: 'email_normalise', type: 'varchar(255) NOT NULL' },
];

interface Lien {
  name: string;
  tableName: string;
  refTable: string;
  onUpdate: string;
  onDelete: string;
  cols: string;
  refCols: string;
}

interface Ligne {
  id: number;
  groupe: string;
  source: string;
  cle: string;
}

/**
 * One identity per account. MariaDB: the database and every table still in another character set (a database created
 * with a latin1 default gets its tables in latin1 from the first migrations) move to utf8mb4, and the identifier keys
 * to utf8mb4_bin, so that the database no longer folds accents or case on its own (utf8mb4_general_ci found `admin`
 * for `âdmin`) and agrees with the code. Both engines: the keys are recomputed with cleIdentifiant.
 * Two rows whose keys now fold together (`jose` and `josé`): the one already holding the key, else the oldest, takes
 * it; the others keep their former key, which no typed value folds to any more (they log in by numéro de dossier, or
 * an administrator renames them), and are named in a warning.
 */
export class Identifiants1765200000000 implements MigrationInterface {
  name = 'Identifiants1765200000000';
  private readonly logger = new Logger('Migration Identifiants');

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'better-sqlite3') {
      await queryRunner.query(`ALTER DATABASE ${UTF8MB4}`);
      const tables: { name: string }[] = await queryRunner.query(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_collation NOT LIKE 'utf8mb4\\_%'`,
      );
      // MariaDB changes no string column a foreign key links (error 1832, whatever FOREIGN_KEY_CHECKS says): such
      // keys are dropped while their tables convert, then made again as they were.
      const liens: Lien[] = await queryRunner.query(
        `SELECT rc.constraint_name AS name, rc.table_name AS tableName, rc.referenced_table_name AS refTable,
                rc.update_rule AS onUpdate, rc.delete_rule AS onDelete,
                GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position) AS cols,
                GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position) AS refCols
         FROM information_schema.referential_constraints rc
         JOIN information_schema.key_column_usage k
           ON k.constraint_schema = rc.constraint_schema AND k.constraint_name = rc.constraint_name AND k.table_name = rc.table_name
         JOIN information_schema.columns c ON c.table_schema = k.table_schema AND c.table_name = k.table_name AND c.column_name = k.column_name
         WHERE rc.constraint_schema = DATABASE() AND c.character_set_name IS NOT NULL AND c.character_set_name <> 'utf8mb4'
         GROUP BY rc.constraint_name, rc.table_name, rc.referenced_table_name, rc.update_rule, rc.delete_rule`,
      );
      for (const l of liens) await queryRunner.query(`ALTER TABLE \`${l.tableName}\` DROP FOREIGN KEY \`${l.name}\``);
      // CONVERT TO turns a text column into mediumtext to hold as many characters: they go back to the entities' text.
      const textes: { tableName: string; name: string; nullable: string }[] = await queryRunner.query(
        `SELECT c.table_name AS tableName, c.column_name AS name, c.is_nullable AS nullable FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = DATABASE() AND c.data_type = 'text' AND t.table_type = 'BASE TABLE' AND t.table_collation NOT LIKE 'utf8mb4\\_%'`,
      );
      for (const { name } of tables) await queryRunner.query(`ALTER TABLE \`${name}\` CONVERT TO ${UTF8MB4}`);
      for (const c of textes) {
        await queryRunner.query(`ALTER TABLE \`${c.tableName}\` MODIFY \`${c.name}\` text ${c.nullable === 'YES' ? 'NULL' : 'NOT NULL'}`);
      }
      for (const l of liens) {
        await queryRunner.query(
          `ALTER TABLE \`${l.tableName}\` ADD CONSTRAINT \`${l.name}\` FOREIGN KEY (${l.cols}) REFERENCES \`${l.refTable}\` (${l.refCols}) ON DELETE ${l.onDelete} ON UPDATE ${l.onUpdate}`,
        );
      }
      for (const { table, colonne, type } of CLES) {
        await queryRunner.query(`ALTER TABLE ${table} MODIFY ${colonne} ${type.replace(' NOT NULL', ' CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL')}`);
      }
    }
    await this.recalculer(queryRunner, 'utilisateur', 'login', await queryRunner.query(`SELECT id, '' AS groupe, login AS source, login AS cle FROM utilisateur`));
    await this.recalculer(
      queryRunner,
      'compte_candidat',
      'email_normalise',
      await queryRunner.query(`SELECT id, campagne_id AS groupe, email AS source, email_normalise AS cle FROM compte_candidat`),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The tables stay in utf8mb4: back in latin1, what only utf8mb4 can hold would be lost.
    if (queryRunner.connection.options.type !== 'better-sqlite3') {
      for (const { table, colonne, type } of CLES) await queryRunner.query(`ALTER TABLE ${table} MODIFY ${colonne} ${type.replace(' NOT NULL', ` ${UTF8MB4} NOT NULL`)}`);
    }
    const comptes: { id: number; email: string }[] = await queryRunner.query('SELECT id, email FROM compte_candidat');
    for (const { id, email } of comptes) await queryRunner.query('UPDATE compte_candidat SET email_normalise = ? WHERE id = ?', [email.trim().toLowerCase(), id]);
  }

  private async recalculer(queryRunner: QueryRunner, table: string, colonne: string, lignes: Ligne[]): Promise<void> {
    const groupes = new Map<string, Ligne[]>();
    for (const ligne of lignes) {
      const cle = `${ligne.groupe}\u0000${cleIdentifiant(ligne.source)}`;
      groupes.set(cle, [...(groupes.get(cle) ?? []), ligne]);
    }
    for (const rangees of groupes.values()) {
      const cle = cleIdentifiant(rangees[0].source);
      const titulaire = rangees.find((l) => l.cle === cle) ?? [...rangees].sort((a, b) => Number(a.id) - Number(b.id))[0];
      if (titulaire.cle !== cle) await queryRunner.query(`UPDATE ${table} SET ${colonne} = ? WHERE id = ?`, [cle, titulaire.id]);
      const autres = rangees.filter((l) => l !== titulaire);
      if (autres.length > 0) {
        this.logger.warn(
          `${table}.${colonne} : les id ${autres.map((l) => l.id).join(', ')} gardent leur ancienne clé, l'id ${titulaire.id}, de même clé, prend la nouvelle`,
        );
      }
    }
  }
}
