import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScratchDatabase, createScratchDatabase } from '../scripts/lib/scratch-database';
import { bannerLines } from '../src/banner';

const root = join(__dirname, '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `npm start` as a newcomer runs it: the real entry point in its own process, on the embedded defaults (development,
 * demo data, mail to files), with no test settings inherited. Its banner's addresses must all answer, and its logs
 * be readable lines.
 */
describe('First start', () => {
  let database: ScratchDatabase;
  let dir: string;
  let server: ChildProcess;
  let output = '';
  let port: number;

  const waitFor = async (text: string, ms = 90_000) => {
    const until = Date.now() + ms;
    while (!output.includes(text)) {
      if (Date.now() > until || server.exitCode !== null) throw new Error(`« ${text} » attendu ; sortie :\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    database = await createScratchDatabase(undefined, { sqliteFile: true });
    dir = await mkdtemp(join(tmpdir(), 'candidatures-demarrage-'));
    port = await freePort();
    // Only what a fresh shell has, and what keeps this run's files out of var/: config/default.env does the rest.
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: database.url,
      JOBS_ENABLED: 'false',
      MAIL_FILE_DIR: join(dir, 'mail'),
      STORAGE_DIR: join(dir, 'fichiers'),
      OPI_DIR: join(dir, 'opi'),
      // A CAS that cannot be reached: the error CasService logs while handling the request must carry its id.
      CAS_ENABLED: 'true',
      CAS_URL: 'http://127.0.0.1:9/cas',
    };
    server = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], { cwd: root, env });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor('démarrée');
  });

  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the banner, whose every address answers 200', async () => {
    const lines = bannerLines({ base: `http://127.0.0.1:${port}`, env: 'development', demoData: true, mailDir: join(dir, 'mail') });
    for (const line of lines.filter(Boolean)) expect(output).toContain(line);
    const urls = lines.flatMap((line) => line.match(/https?:\/\/\S+/g) ?? []);
    expect(urls).toEqual(expect.arrayContaining([`http://127.0.0.1:${port}/api`, `http://127.0.0.1:${port}/health/ready`]));
    for (const url of urls) expect([url, (await fetch(url)).status]).toEqual([url, 200]);
  });

  it('answers GET /api with a small index', async () => {
    const index = await (await fetch(`http://127.0.0.1:${port}/api`)).json();
    expect(index).toEqual({
      name: 'API Candidatures',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      links: {
        docs: 'http://localhost:3000/api/docs',
        docsJson: 'http://localhost:3000/api/docs-json',
        health: 'http://localhost:3000/health',
        healthReady: 'http://localhost:3000/health/ready',
      },
    });
  });

  it('logs readable lines in development, with the request id and without the secrets of the query string', async () => {
    await fetch(`http://127.0.0.1:${port}/api/comptes/activation?token=SECRET-9c1e`, { headers: { 'X-Request-Id': 'premier-lancement-1' } });
    await waitFor('premier-lancement-1', 10_000);
    const line = output.split('\n').find((l) => l.includes('premier-lancement-1')) as string;
    expect(line).toMatch(/WARN.*request completed/);
    expect(line).not.toMatch(/^\s*\{/);
    expect(output).not.toContain('SECRET');
    expect(line).toContain('token=[masqué]');

    await fetch(`http://127.0.0.1:${port}/api/auth/cas/callback?espace=candidat&ticket=ST-SECRET`, { headers: { 'X-Request-Id': 'premier-lancement-2' } });
    await waitFor('request errored', 10_000);
    const logged = output.split('\n').filter((l) => l.includes('premier-lancement-2'));
    // CAS down is an outage (503, a warning), its cause said once; the request line holds its status, not every header.
    expect(logged).toEqual([expect.stringMatching(/ERROR: \[CasService\] Validation du ticket CAS impossible/), expect.stringMatching(/WARN: request errored/)]);
    expect(logged[1]).toContain('"res":{"statusCode":503');
    expect(logged[1]).not.toContain('content-security-policy');
    expect(output).not.toContain('SECRET');
  });
});
