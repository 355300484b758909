import 'reflect-metadata';
import { createApp } from '../src/app';
import { AuthService } from '../src/auth/auth.service';
import { Role } from '../src/common/auth/roles';
import { loadEnvFiles } from '../src/config/env';
import { JobsService, STATISTIQUES_BASE } from '../src/jobs/jobs.service';
import { donneesListe, urlBase } from './donnees-liste';

const PASSWORD = 'mot de passe du banc de mesure';

/** The kept database of the list benchmarks for `n` candidatures: bench_liste_10k, bench_liste_1m. */
export const nomBase = (n: number) => `bench_liste_${n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`}`;

/** The sessions the list benchmarks read with: admin, and a gestionnaire of 3 of the 40 centres (CTR1 to CTR3: formations 1 to 150). */
export type Sessions = Record<'admin' | 'gestionnaire', string>;

/**
 * The API in this process on the kept MariaDB database of `n` candidatures (bench/donnees-liste.ts: generated the
 * first time, its migrations run), listening on loopback, with the optimizer's statistics refreshed as the nightly
 * job keeps them, and the two sessions; `mesurer` runs, then the app closes.
 */
export async function bancListe<T>(n: number, port: number, mesurer: (sessions: Sessions, db: string) => Promise<T>): Promise<T> {
  const db = nomBase(n);
  const secondes = await donneesListe(db, n, (m) => process.stdout.write(`  ${db} : ${m}\n`));
  if (secondes > 0) process.stdout.write(`${db} : ${n} candidatures générées en ${secondes.toFixed(1)} s\n`);
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_URL: urlBase(db),
    DATABASE_MIGRATIONS_RUN: 'true',
    // The code measured before the index-bound list needed far more than the default 5 s at 1 M.
    DATABASE_QUERY_TIMEOUT_SECONDS: '600',
    LOG_LEVEL: 'warn',
    THROTTLE_IP_PER_MINUTE: '100000',
  });
  loadEnvFiles();
  const app = await createApp();
  await app.listen({ port, host: '127.0.0.1' });
  try {
    const statistiques = await app.get(JobsService).trigger(STATISTIQUES_BASE);
    process.stdout.write(`  ${db} : statistiques-base ${statistiques?.status} en ${statistiques?.endedAt && statistiques.endedAt.getTime() - statistiques.startedAt.getTime()} ms\n`);
    const auth = app.get(AuthService);
    const roles: [keyof Sessions, Role, string[]][] = [
      ['admin', Role.ADMIN, []],
      ['gestionnaire', Role.GESTIONNAIRE, ['CTR1', 'CTR2', 'CTR3']],
    ];
    const sessions = {} as Sessions;
    for (const [login, role, centres] of roles) {
      await auth
        .createStaff({ login: `bench-${login}`, email: `${login}@univ.test`, nom: 'Banc', prenom: login, password: PASSWORD, roles: [role], scopes: { centres } })
        .catch(() => undefined); // kept from an earlier run
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: `bench-${login}`, password: PASSWORD }) });
      sessions[login] = ((await res.json()) as { token: string }).token;
    }
    return await mesurer(sessions, db);
  } finally {
    await app.close();
  }
}
