import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { config as loadDotenv } from 'dotenv';

/**
 * Loads config/<NODE_ENV>.env then config/default.env into process.env. Variables already set win over both
 * files, and the environment file wins over the defaults (dotenv never overrides a key already present).
 */
export function loadEnvFiles(env: NodeJS.ProcessEnv = process.env): void {
  const dir = resolveConfigDir();
  const nodeEnv = env.NODE_ENV ?? 'development';
  for (const file of [`${nodeEnv}.env`, 'default.env']) {
    const path = join(dir, file);
    if (existsSync(path)) loadDotenv({ path, processEnv: env as Record<string, string>, quiet: true });
  }
}

function resolveConfigDir(): string {
  // src/config (ts-node, jest) and dist/src/config (compiled) both sit below the project root.
  for (const up of [['..', '..'], ['..', '..', '..']]) {
    const dir = join(__dirname, ...up, 'config');
    if (existsSync(join(dir, 'default.env'))) return dir;
  }
  throw new Error(`config/default.env introuvable depuis ${__dirname}`);
}
