import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument, createApp } from '../src/app';
import { loadEnvFiles } from '../src/config/env';

/**
 * Writes openapi.json from the running module graph (npm run openapi:generate), or with --check fails when the
 * committed file differs from what the code generates. Run from the compiled build: the Swagger CLI plugin's
 * metadata only exists there.
 */
export const OPENAPI_FILE = join(__dirname, '..', '..', 'openapi.json');

export function serialize(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

async function main(): Promise<void> {
  Object.assign(process.env, { NODE_ENV: 'development', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' });
  loadEnvFiles();
  const app = await createApp();
  const generated = serialize(buildOpenApiDocument(app));
  await app.close();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    if (committed !== generated) {
      process.stderr.write('openapi.json ne correspond plus au code : lancez « npm run openapi:generate » et committez le fichier.\n');
      process.exit(1);
    }
    process.stdout.write('openapi.json est à jour.\n');
    return;
  }
  writeFileSync(OPENAPI_FILE, generated);
  process.stdout.write(`openapi.json écrit (${Object.keys(JSON.parse(generated).paths).length} chemins).\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
