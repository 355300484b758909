import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { ConfigValidationError, assertValidConfig } from '../../src/config';
import { loadEnvFiles } from '../../src/config/env';

/**
 * An administration command (`npm run admin:create`, `npm run referentiel:etablissements`): the application's
 * services on the configured database (the .env files read and checked as at start-up), no jobs, no HTTP server;
 * closed afterwards. The command line is read and checked first, before anything starts. A failure prints its French
 * message on stderr and exits 1.
 */
export function commande<O>(lireOptions: () => O, travail: (app: INestApplicationContext, options: O) => Promise<void>): void {
  const lancer = async () => {
    const options = lireOptions();
    process.env.JOBS_ENABLED = 'false';
    loadEnvFiles();
    assertValidConfig();
    const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'], abortOnError: false });
    try {
      await travail(app, options);
    } finally {
      await app.close();
    }
  };
  lancer().catch((error: unknown) => {
    const message = error instanceof ConfigValidationError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}
