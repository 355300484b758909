import { ChildProcess } from 'node:child_process';
import { createConnection } from 'mysql2/promise';

/** What the side-by-side benches (the API and a bare server, each in its own process) share. */

/** Drops and creates the MariaDB database of a `mariadb://…/name` URL, in utf8mb4. */
export async function recreerBase(databaseUrl: string): Promise<void> {
  const u = new URL(databaseUrl);
  const c = await createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) });
  const name = u.pathname.slice(1);
  await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
}

/** Waits until `probe` answers `status` (two minutes at most), or the server process has stopped. */
export async function pret(server: ChildProcess, probe: string, status = 200): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${server.exitCode})`);
    try {
      if ((await fetch(probe)).status === status) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${probe} ne répond pas`);
}
