import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const root = join(__dirname, '..');

describe('npm run admin:create (first administrator)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'admin-'));
  const file = join(dir, 'base.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const create = (login: string, env: Record<string, string> = {}) =>
    spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'scripts/create-admin.ts', '--login', login, '--email', 'admin@univ.test', '--nom', 'Durand', '--prenom', 'Camille'],
      { cwd: root, env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: `sqlite:${file}`, ...env }, encoding: 'utf8', timeout: 90_000 },
    );

  it('creates an administrator on an empty database, with a generated password shown once', () => {
    const result = create('Admin');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Compte « admin » créé (admin)');
    expect(result.stdout).toMatch(/Mot de passe \(affiché une seule fois\) : \S{24}/);
    const db = new Database(file, { readonly: true });
    const row = db.prepare(`SELECT u.login, u.password_hash AS hash, r.role FROM utilisateur u JOIN utilisateur_role r ON r.utilisateur_id = u.id`).get() as Record<string, string>;
    // Its grants are in the habilitations' history, as the API's are, by nobody (this tool).
    const journal = db.prepare(`SELECT auteur_id AS auteur, operation, nature, code FROM journal_habilitation ORDER BY id`).all();
    db.close();
    expect(journal).toEqual([
      { auteur: null, operation: 'attribution', nature: 'compte', code: null },
      { auteur: null, operation: 'attribution', nature: 'role', code: 'admin' },
    ]);
    expect(row).toMatchObject({ login: 'admin', role: 'admin' });
    expect(row.hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('refuses a second account with the same login, and a short password', () => {
    const again = create('ADMIN', { ADMIN_PASSWORD: 'another long password' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Le login « admin » est déjà celui d\'un autre compte.');
    const short = create('autre', { ADMIN_PASSWORD: 'court' });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('au moins 12 caractères');
  });
});
