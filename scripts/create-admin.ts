import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { Role } from '../src/common/auth/roles';
import { PersonnelService } from '../src/personnel/personnel.service';
import { commande } from './lib/commande';

/**
 * Creates the first administrator (or any local staff account) on the configured database:
 *   npm run admin:create -- --login admin --email admin@univ.fr --nom Durand --prenom Camille [--role admin]
 * The password comes from ADMIN_PASSWORD, or is generated and printed once.
 */
commande(lireOptions, executer);

function lireOptions() {
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
  return { values, roles, password, generated };
}

async function executer(app: INestApplicationContext, { values, roles, password, generated }: ReturnType<typeof lireOptions>): Promise<void> {
  // Through the same service as the API's, so the account's roles are journaled (granted by nobody: this tool).
  const personnel = app.get(PersonnelService);
  const user = await personnel.get(
    await personnel.ouvrir(null, { login: values.login as string, email: values.email as string, nom: values.nom as string, prenom: values.prenom as string, password, roles }),
  );
  process.stdout.write(`Compte « ${user.login} » créé (${roles.join(', ')}).\n`);
  if (generated) process.stdout.write(`Mot de passe (affiché une seule fois) : ${password}\n`);
}
