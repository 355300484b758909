import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's clamd (package clamav-daemon), when installed. */
export const CLAMD_BIN = ['/usr/sbin/clamd', '/usr/bin/clamd'].find((path) => existsSync(path));

/** The bytes the test signature database detects: put them in a file to make it "infected". */
export const SIGNATURE_TEST = Buffer.from('API-CANDIDATURES-SIGNATURE-DE-TEST-ANTIVIRUS');
const NOM_SIGNATURE = 'ApiCandidatures.Test.Signature';

export interface Clamd {
  /** `unix:<socket>`, for CLAMAV_URL */
  url: string;
  /** The same clamd on a loopback TCP port */
  tcp: { host: string; port: number };
  /** SIGSTOP / SIGCONT: a frozen clamd still accepts connections (the kernel's backlog) but never answers. */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

/**
 * A clamd of its own, in a temporary folder: a Unix socket and a free loopback TCP port, in the foreground, with a signature database written
 * here (one `.ndb` hex pattern: SIGNATURE_TEST anywhere in any file), so no download and a start in about a second.
 * Resolves once clamd answers PING.
 */
export async function startClamd(options: { streamMaxLength?: string } = {}): Promise<Clamd> {
  if (!CLAMD_BIN) throw new Error('clamd est introuvable : installez le paquet Debian clamav-daemon (apt-get install clamav-daemon)');
  const dir = mkdtempSync(join(tmpdir(), 'clamd-'));
  const socket = join(dir, 'clamd.sock');
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'db', 'test.ndb'), `${NOM_SIGNATURE}:0:*:${SIGNATURE_TEST.toString('hex')}\n`);
  const port = await portLibre();
  const config = [
    `TCPSocket ${port}`,
    'TCPAddr 127.0.0.1',
    'Foreground yes',
    `LocalSocket ${socket}`,
    `DatabaseDirectory ${join(dir, 'db')}`,
    `PidFile ${join(dir, 'clamd.pid')}`,
    `TemporaryDirectory ${dir}`,
    `StreamMaxLength ${options.streamMaxLength ?? '25M'}`,
    'LogTime no',
    ...(process.getuid?.() === 0 ? ['User root'] : []),
  ];
  writeFileSync(join(dir, 'clamd.conf'), `${config.join('\n')}\n`);
  const child: ChildProcess = spawn(CLAMD_BIN, ['-c', join(dir, 'clamd.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (!(await pong(socket))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`clamd n'a pas démarré : ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `unix:${socket}`, tcp: { host: '127.0.0.1', port }, freeze: () => child.kill('SIGSTOP'), thaw: () => child.kill('SIGCONT'), stop };
}

function pong(path: string): Promise<boolean> {
  if (!existsSync(path)) return Promise.resolve(false);
  return new Promise((resolve) => {
    let reply = '';
    const socket = connect(path, () => socket.end('zPING\0'));
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(reply.startsWith('PONG')));
  });
}

function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
