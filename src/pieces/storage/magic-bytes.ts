/** The only kinds of file we keep: what candidates scan or photograph, and what every office can open. */
export type TypeFichier = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: [TypeFichier, Buffer][] = [
  ['application/pdf', Buffer.from('%PDF-', 'latin1')],
  ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff])],
  ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
];

/** Bytes to collect before deciding: the longest signature. */
export const SNIFF_LENGTH = Math.max(...SIGNATURES.map(([, magic]) => magic.length));

/**
 * The type the first bytes of a file announce, whatever its name or the client's Content-Type say; undefined for
 * anything else (an executable renamed .pdf, a Word document, an empty file). Our own few lines rather than
 * Nest's FileTypeValidator, whose `file-type` needs Node 22.
 */
export function sniffType(head: Uint8Array): TypeFichier | undefined {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  return SIGNATURES.find(([, magic]) => bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic))?.[0];
}
