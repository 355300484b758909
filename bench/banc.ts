import { rmSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import { AuthService } from '../src/auth/auth.service';
import { Role } from '../src/common/auth/roles';
import { loadEnvFiles } from '../src/config/env';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { CampagneService } from '../src/offre/campagne.service';

const PASSWORD = 'mot de passe du banc de mesure';

export interface Banc {
  app: Awaited<ReturnType<typeof createApp>>;
  base: string;
  dataSource: DataSource;
  campagne: Campagne;
  /** A scolarité centrale session */
  token: string;
  /** Creates through the staff offer API (`centres`, `commissions`, `formations`, `pieces`) as scolarité; answers the id. */
  gestion(path: string, body: object): Promise<number>;
  /** A centre and its commission, as the benches' offers start. */
  centreEtCommission(): Promise<{ centreId: number; commissionId: number }>;
}

/**
 * What every benchmark starts from: the app in this process (so process.memoryUsage() covers the work measured) on a
 * fresh SQLite file of `var/<nom>` built by the migrations, listening on loopback, with a campaign in service and a
 * scolarité centrale session. `env` adds to the environment; `mesurer` runs, then the app closes.
 */
export async function banc(nom: string, port: number, env: Record<string, string>, mesurer: (b: Banc) => Promise<void>): Promise<void> {
  const dir = join(__dirname, '..', 'var', nom);
  rmSync(dir, { recursive: true, force: true });
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    DATABASE_MIGRATIONS_RUN: 'true',
    LOG_LEVEL: 'warn',
    THROTTLE_IP_PER_MINUTE: '100000',
    ...env,
  });
  // Configuration is read when the app is built, after these (the environment wins over the files).
  loadEnvFiles();
  const app = await createApp();
  await app.listen({ port, host: '127.0.0.1' });
  try {
    const base = `http://127.0.0.1:${port}`;
    await app.get(AuthService).createStaff({ login: 'bench', email: 'bench@univ.test', nom: 'Banc', prenom: 'Mesure', password: PASSWORD, roles: [Role.SCOL_CENTRALE] });
    const campagne = await app.get(CampagneService).create({ code: 'BENCH', libelle: 'Campagne du banc', dateDebut: '2026-01-01', dateFin: '2099-12-31', enService: true });
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench', password: PASSWORD }) });
    const token = ((await login.json()) as { token: string }).token;
    const gestion = async (path: string, body: object) => {
      const res = await fetch(`${base}/api/offre/gestion/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`${path} : ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: number }).id;
    };
    const centreEtCommission = async () => {
      const centreId = await gestion('centres', { code: 'BENCH', libelle: 'UFR du banc' });
      const adresse = { ligne1: '1 rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' };
      return { centreId, commissionId: await gestion('commissions', { centreId, code: 'BENCH-COM', libelle: 'Commission du banc', adresse }) };
    };
    await mesurer({ app, base, dataSource: app.get(DataSource), campagne, token, gestion, centreEtCommission });
  } finally {
    await app.close();
  }
}

/** The folder of a benchmark's files under var/. */
export const dossierBanc = (nom: string) => join(__dirname, '..', 'var', nom);
