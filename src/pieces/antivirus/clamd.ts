import { Socket, connect } from 'node:net';
import { AdresseClamd } from '../../config/clamav.config';

/** What clamd says of a stream. */
export type Verdict = { sain: true } | { sain: false; signature: string };

/** clamd could not give a verdict: unreachable, silent past the timeout, or answering an error. */
export class ClamdIndisponible extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClamdIndisponible';
  }
}

/** Under clamd's default StreamMaxLength chunking limits; any size works, this one keeps writes small. */
const CHUNK = 64 * 1024;

/**
 * Scans `source` with clamd's INSTREAM command: `zINSTREAM\0`, then chunks each prefixed by their length (4 bytes,
 * big-endian), then a zero length; clamd answers `stream: OK`, `stream: <signature> FOUND` or `<message> ERROR`.
 * A stream longer than clamd's StreamMaxLength is answered `INSTREAM size limit exceeded. ERROR` before its end (clamd
 * then closes): that answer is kept, not the write error it causes. `timeoutMs` bounds each silence of clamd.
 */
export async function analyserFlux(adresse: AdresseClamd, source: AsyncIterable<Buffer>, timeoutMs: number): Promise<Verdict> {
  const { socket, reponse } = ouvrir(adresse, timeoutMs);
  try {
    await envoyer(socket, Buffer.from('zINSTREAM\0'));
    for await (const chunk of source) {
      for (let i = 0; i < chunk.length && !socket.destroyed; i += CHUNK) {
        const part = chunk.subarray(i, i + CHUNK);
        await envoyer(socket, Buffer.concat([longueur(part.length), part]));
      }
      if (socket.destroyed) break;
    }
    if (!socket.destroyed) socket.end(longueur(0));
  } catch {
    // clamd closed or failed mid-stream: its answer, if any, says why.
  }
  return verdict(await reponse);
}

/** `PING` → `PONG`: clamd is up and answering. */
export async function ping(adresse: AdresseClamd, timeoutMs: number): Promise<void> {
  const { socket, reponse } = ouvrir(adresse, timeoutMs);
  socket.end('zPING\0');
  const texte = await reponse;
  if (texte !== 'PONG') throw new ClamdIndisponible(`réponse inattendue à PING : ${texte.slice(0, 100)}`);
}

/** The connection and clamd's one answer (up to its NUL), rejected when there is none. */
function ouvrir(adresse: AdresseClamd, timeoutMs: number): { socket: Socket; reponse: Promise<string> } {
  const socket = connect(adresse);
  const cible = 'path' in adresse ? adresse.path : `${adresse.host}:${adresse.port}`;
  socket.setTimeout(timeoutMs, () => socket.destroy(new ClamdIndisponible(`pas de réponse de clamd (${cible}) en ${timeoutMs / 1000} s`)));
  const reponse = new Promise<string>((resolve, reject) => {
    let texte = '';
    let erreur: Error | undefined;
    socket.on('data', (chunk: Buffer) => {
      texte += chunk.toString('utf8');
      if (texte.includes('\0')) socket.destroy();
    });
    socket.on('error', (error) => (erreur ??= error));
    socket.once('close', () => {
      const complete = texte.split('\0')[0].trim();
      if (complete) return resolve(complete);
      const cause = erreur instanceof ClamdIndisponible ? erreur.message : `clamd (${cible}) injoignable ou muet : ${erreur?.message ?? 'connexion fermée sans réponse'}`;
      reject(new ClamdIndisponible(cause));
    });
  });
  // Awaited only once the stream is sent: a failure before that must not count as unhandled.
  reponse.catch(() => undefined);
  return { socket, reponse };
}

/** Writes, waiting while the socket's buffer is full; fails if the socket closes meanwhile. */
function envoyer(socket: Socket, data: Buffer): Promise<void> {
  if (socket.destroyed) return Promise.reject(new Error('socket closed'));
  if (socket.write(data)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const fin = () => {
      socket.off('drain', fin).off('close', fin);
      if (socket.destroyed) reject(new Error('socket closed'));
      else resolve();
    };
    socket.on('drain', fin).on('close', fin);
  });
}

function longueur(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function verdict(texte: string): Verdict {
  if (texte === 'stream: OK') return { sain: true };
  const trouve = /^stream: (.+) FOUND$/.exec(texte);
  if (trouve) return { sain: false, signature: trouve[1] };
  throw new ClamdIndisponible(`clamd a répondu : ${texte.slice(0, 200)}`);
}
