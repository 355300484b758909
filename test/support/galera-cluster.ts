import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MariadbProcess, freePort, mariadbInstalled } from './mariadb-process';

const PROVIDER = '/usr/lib/galera/libgalera_smm.so';

/** Whether this machine can run a Galera cluster of a test's own (Debian's `galera-4` and `rsync`). */
export const galeraInstalled = () => mariadbInstalled() && existsSync(PROVIDER) && existsSync('/usr/bin/rsync');

/** The loopback ports of one node: SQL clients, group communication, incremental and full state transfer. */
interface NodePorts {
  sql: number;
  gcomm: number;
  ist: number;
  sst: number;
}

/**
 * A MariaDB Galera cluster of one test file's own, on loopback: N MariadbProcess nodes, each its datadir and ports.
 * The first bootstraps the cluster from a fresh datadir; the others start empty and receive it by rsync state
 * transfer, one after the other (the donor serves one at a time). Ready when every node says `wsrep_ready=ON` and
 * sees the whole cluster.
 */
export class GaleraCluster {
  private constructor(readonly nodes: MariadbProcess[]) {}

  static async start(size = 3, timeoutMs = 90_000): Promise<GaleraCluster> {
    const ports = await distinctPorts(size);
    const addresses = ports.map((p) => `127.0.0.1:${p.gcomm}`).join(',');
    const nodes: MariadbProcess[] = [];
    const cluster = new GaleraCluster(nodes);
    try {
      for (const [i, p] of ports.entries()) {
        const node = await MariadbProcess.create({
          port: p.sql,
          empty: i > 0,
          serverArgs: [
            '--wsrep-on=ON',
            `--wsrep-provider=${PROVIDER}`,
            `--wsrep-cluster-address=gcomm://${addresses}`,
            `--wsrep-node-address=127.0.0.1:${p.gcomm}`,
            `--wsrep-provider-options=base_port=${p.gcomm};gmcast.listen_addr=tcp://127.0.0.1:${p.gcomm};ist.recv_addr=127.0.0.1:${p.ist}`,
            '--wsrep-sst-method=rsync',
            `--wsrep-sst-receive-address=127.0.0.1:${p.sst}`,
            '--binlog-format=ROW',
            '--innodb-autoinc-lock-mode=2',
            '--default-storage-engine=InnoDB',
            ...(i === 0 ? ['--wsrep-new-cluster'] : []),
          ],
        });
        await node.openToAllUsers();
        nodes.push(node);
      }
      const deadline = Date.now() + timeoutMs;
      const left = () => Math.max(1, deadline - Date.now());
      for (const node of nodes) {
        // A joiner opens its SQL port once its state transfer is over.
        await node.start(left());
        await cluster.waitUntil(node, (s) => s.wsrep_ready === 'ON' && s.wsrep_local_state_comment === 'Synced', deadline);
      }
      for (const node of nodes) await cluster.waitUntil(node, (s) => Number(s.wsrep_cluster_size) === size, deadline);
      return cluster;
    } catch (error) {
      // The datadirs go with the cluster: what the nodes logged goes with the error.
      const logs = await Promise.all(nodes.map(async (node) => `--- port ${node.port}\n${await tail(join(node.dir, 'error.log'))}`));
      await cluster.destroy();
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs.join('\n')}`);
    }
  }

  /** The node's wsrep status variables (`SHOW STATUS LIKE 'wsrep%'`). */
  async status(node: MariadbProcess): Promise<Record<string, string>> {
    const rows = await node.query<{ Variable_name: string; Value: string }>("SHOW STATUS LIKE 'wsrep%'");
    return Object.fromEntries(rows.map((r) => [r.Variable_name, r.Value]));
  }

  /** Kills every node and removes the datadirs, whatever state the cluster is in. */
  async destroy(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.destroy()));
  }

  private async waitUntil(node: MariadbProcess, ready: (status: Record<string, string>) => boolean, deadline: number): Promise<void> {
    for (;;) {
      const status = await this.status(node).catch(() => ({}) as Record<string, string>);
      if (ready(status)) return;
      if (Date.now() > deadline) {
        throw new Error(`Le nœud Galera du port ${node.port} n'est pas prêt à temps (${JSON.stringify(status)}), voir ${node.dir}/error.log`);
      }
      await sleep(200);
    }
  }
}

/**
 * Four free loopback ports per node, none given twice, below the system's ephemeral range (32768 and up on Linux):
 * the nodes bind them one after the other over some twenty seconds, and a port the system hands out meanwhile for
 * another test's connection or server would stop a node.
 */
async function distinctPorts(size: number): Promise<NodePorts[]> {
  const taken = new Set<number>();
  const next = async () => {
    for (;;) {
      const port = 20_000 + Math.floor(Math.random() * 12_000);
      if (taken.has(port) || !(await freePort(port).then(() => true, () => false))) continue;
      taken.add(port);
      return port;
    }
  };
  const ports: NodePorts[] = [];
  for (let i = 0; i < size; i++) ports.push({ sql: await next(), gcomm: await next(), ist: await next(), sst: await next() });
  return ports;
}

/** The last lines of a log, or why there is none. */
async function tail(path: string, lines = 15): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch (error) {
    return String(error);
  }
}
