import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Starts the real entry point with an environment; a bad key must stop it before anything listens. */
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: 'sqlite::memory:', PORT: '3999', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('start-up configuration check', () => {
  it.each([
    ['DATABASE_URL', 'nonsense'],
    ['PORT', '-5'],
  ])('exits non-zero naming %s=%s', (key, value) => {
    const result = start({ [key]: value });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Configuration invalide');
    expect(result.stderr).toMatch(new RegExp(`${key} : .*${value}`));
    expect(result.stdout).not.toContain('démarrée');
  });
});
