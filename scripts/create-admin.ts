import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { AuthService } from '../src/auth/auth.service';
import { Role } from '../src/common/auth/roles';
import { ConfigValidationError, assertValidConfig } from '../src/config';
import { loadEnvFiles } from '../src/config/env';

/**
 * Creates the first administrator (or any local staff account) on the configured database:
 *   npm run admin:create -- --login admin --email admin@univ.fr --nom Durand --prenom Camille [--role admin]
 * The password comes from ADMIN_PASSWORD, or is generated and printed once.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      login: { type: 'string' },
      email: { type: 'string' },
      nom: { type: 'string' },
      prenom: { type: 'string' },
      role: { type: 'string', multiple: true, default: [Role.ADMIN] },
    },
  });
  const missing = ['login', 'email', 'nom', 'prenom'].filter((k) => !values[k as keyof typeof values]);
  if (missing.length > 0) throw new Error(`Options manquantes : ${missing.map((k) => `--${k}`).join(', ')}`);
  const roles = values.role as Role[];
  const unknown = roles.filter((r) => !Object.values(Role).includes(r));
  if (unknown.length > 0) throw new Error(`Rôles inconnus : ${unknown.join(', ')} (attendus : ${Object.values(Role).join(', ')})`);
  const generated = !process.env.ADMIN_PASSWORD;
  const password = process.env.ADMIN_PASSWORD ?? randomBytes(18).toString('base64url');
  if (password.length < 12) throw new Error('ADMIN_PASSWORD doit faire au moins 12 caractères.');

  process.env.JOBS_ENABLED = 'false';
  loadEnvFiles();
  assertValidConfig();
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'], abortOnError: false });
  try {
    const user = await app.get(AuthService).createStaff({
      login: values.login as string,
      email: values.email as string,
      nom: values.nom as string,
      prenom: values.prenom as string,
      password,
      roles,
    });
    process.stdout.write(`Compte « ${user.login} » créé (${roles.join(', ')}).\n`);
    if (generated) process.stdout.write(`Mot de passe (affiché une seule fois) : ${password}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigValidationError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
