import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { RowDataPacket, createConnection } from 'mysql2/promise';
import { publishedTemplate } from '../../scripts/lib/scratch-database';

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = '/usr/bin/mariadb-install-db';

/** Whether this machine can run a MariaDB server of a test's own. */
export const mariadbInstalled = () => existsSync(MARIADBD) && existsSync(INSTALL_DB);

/**
 * A MariaDB server of one test file's own (its datadir in a temporary folder, its port, its socket): a test may
 * kill, freeze and restart it without touching the shared server the other specs use. Root without a password.
 */
export class MariadbProcess {
  private process?: ChildProcess;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly serverArgs: string[],
  ) {}

  /**
   * A server with a fresh datadir (`mariadb-install-db`), or with an empty one (`empty`) for a Galera node that
   * receives its data from the cluster. `serverArgs` are added to every start (test/support/galera-cluster.ts).
   */
  static async create(options: { port?: number; empty?: boolean; serverArgs?: string[] } = {}): Promise<MariadbProcess> {
    const dir = await mkdtemp(join(tmpdir(), 'candidatures-mariadbd-'));
    const server = new MariadbProcess(dir, options.port ?? (await freePort()), options.serverArgs ?? []);
    if (options.empty) await mkdir(server.datadir);
    else
      await promisify(execFile)(INSTALL_DB, [
        '--no-defaults',
        '--user=root',
        `--datadir=${server.datadir}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ]);
    return server;
  }

  get datadir(): string {
    return join(this.dir, 'data');
  }

  /**
   * Lets a helper that drops root's rights read and write the datadir: the rsync daemon of Galera's state transfer
   * runs as `nobody` when started by root. The folders are this test's own temporary ones.
   */
  async openToAllUsers(): Promise<void> {
    await chmod(this.dir, 0o755);
    await chmod(this.datadir, 0o777);
  }

  url(database: string): string {
    return `mariadb://root@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts mariadbd on the datadir (again after a kill) and waits until it answers. */
  async start(timeoutMs = 30_000): Promise<void> {
    const child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        '--user=root',
        `--datadir=${this.datadir}`,
        `--socket=${join(this.dir, 'mariadbd.sock')}`,
        `--pid-file=${join(this.dir, 'mariadbd.pid')}`,
        `--log-error=${join(this.dir, 'error.log')}`,
        '--bind-address=127.0.0.1',
        `--port=${this.port}`,
        '--skip-name-resolve',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=32M',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        ...this.serverArgs,
      ],
      { stdio: 'ignore' },
    );
    this.process = child;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`mariadbd s'est arrêté au démarrage (code ${child.exitCode}), voir ${this.dir}/error.log`);
      if (await this.answers()) return;
      if (Date.now() > deadline) throw new Error(`mariadbd ne répond pas sur le port ${this.port} après ${timeoutMs} ms`);
      await sleep(200);
    }
  }

  /**
   * A database of this server, a copy of this jest run's template (migrated, reference data loaded) when the run
   * published one on MariaDB: `mariadb-dump` from the shared server into this one, a second or two where the app's
   * own start-up would take a minute to migrate and load an empty one.
   */
  async createDatabase(name: string): Promise<{ url: string; fromTemplate: boolean }> {
    await this.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const template = publishedTemplate('mariadb');
    if (template) {
      const source = new URL(template.url);
      const dump = spawn(
        'mariadb-dump',
        [
          '--protocol=tcp',
          `--host=${source.hostname}`,
          `--port=${source.port || 3306}`,
          `--user=${decodeURIComponent(source.username || 'root')}`,
          ...(source.password ? [`--password=${decodeURIComponent(source.password)}`] : []),
          '--single-transaction',
          source.pathname.slice(1),
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const load = spawn('mariadb', ['--protocol=tcp', '--host=127.0.0.1', `--port=${this.port}`, '--user=root', name], { stdio: ['pipe', 'ignore', 'pipe'] });
      dump.stdout.pipe(load.stdin);
      const done = (child: ChildProcess, what: string) =>
        new Promise<void>((resolve, reject) => {
          let stderr = '';
          child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.once('error', reject);
          child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} a échoué (code ${code}) : ${stderr}`))));
        });
      await Promise.all([done(dump, 'mariadb-dump'), done(load, 'mariadb')]);
    }
    return { url: this.url(name), fromTemplate: !!template };
  }

  async query<T = RowDataPacket>(sql: string): Promise<T[]> {
    const conn = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root', connectTimeout: 2000 });
    try {
      const [rows] = await conn.query(sql);
      return (Array.isArray(rows) ? rows : []) as T[];
    } finally {
      await conn.end();
    }
  }

  /** SIGKILL: the server is gone at once, as after a crash; waits until the process has exited. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /**
   * SIGSTOP: the server keeps its sockets but answers nothing, as a wedged host would. Resolves once every thread of
   * the process is stopped (a thread busy on a loaded machine stops only when next scheduled).
   */
  async freeze(): Promise<void> {
    const pid = this.process?.pid;
    if (pid === undefined) throw new Error("mariadbd n'est pas démarré");
    this.process!.kill('SIGSTOP');
    const stopped = async () => {
      const tasks = await readdir(`/proc/${pid}/task`);
      const states = await Promise.all(tasks.map(async (task) => (await readFile(`/proc/${pid}/task/${task}/stat`, 'utf8')).replace(/^.*\) /s, '')[0]));
      return states.every((state) => state === 'T' || state === 't');
    };
    for (const deadline = Date.now() + 5_000; !(await stopped()); await sleep(10)) {
      if (Date.now() > deadline) throw new Error(`mariadbd (pid ${pid}) ne s'est pas arrêté 5 s après SIGSTOP`);
    }
  }

  thaw(): void {
    this.process?.kill('SIGCONT');
  }

  /** Kills the server (even frozen) and removes its datadir. */
  async destroy(): Promise<void> {
    if (this.process && this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGCONT');
      await this.kill();
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  private async answers(): Promise<boolean> {
    try {
      await this.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}

/** A port of 127.0.0.1 nobody listens on: `port`, or any (0) the system picks; rejects when `port` is taken. */
export function freePort(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('aucun port libre'))));
    });
  });
}
