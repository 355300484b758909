import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies } from 'semver';

/**
 * Fails when package-lock.json holds a package whose `engines.node` refuses the oldest Node this project says it
 * runs on (package.json `engines.node`): `npm ci` would warn EBADENGINE for it, and it may use what that Node lacks.
 * `npm run engines:check [lock file]`; CI runs it after `npm ci`.
 */
interface Lock {
  packages: Record<string, { version?: string; engines?: unknown }>;
}

export function packagesRefusing(lock: Lock, node: string): string[] {
  return Object.entries(lock.packages).flatMap(([path, p]) => {
    // npm reads `engines.node` only from an object (an old array form is ignored, by npm too).
    const range = (p.engines as { node?: unknown } | undefined)?.node;
    if (!path || typeof range !== 'string' || satisfies(node, range, { includePrerelease: true })) return [];
    return [`${path.replace(/^.*node_modules\//, '')}@${p.version} (node ${range})`];
  });
}

function main(): void {
  const root = join(__dirname, '..');
  const declared = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
  const node = minVersion(declared)?.version;
  if (!node) throw new Error(`engines.node de package.json illisible : ${declared}`);
  const lock = JSON.parse(readFileSync(process.argv[2] ?? join(root, 'package-lock.json'), 'utf8')) as Lock;
  const refusing = [...new Set(packagesRefusing(lock, node))];
  if (refusing.length > 0) {
    process.stderr.write(`Paquets du lock qui refusent Node ${node} (engines.node de package.json : ${declared}) :\n${refusing.map((r) => `  - ${r}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`Tous les paquets du lock acceptent Node ${node}.\n`);
}

main();
