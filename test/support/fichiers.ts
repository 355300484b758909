import { PDFDocument, StandardFonts } from '@pdfme/pdf-lib';
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/** A real PDF of `pages` A4 pages, page i reading « <marque>-<i> » (for the order of pages in a merged PDF). */
export async function pdfDePages(marque: string, pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const police = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([595.28, 841.89]).drawText(`${marque}-${i}`, { x: 60, y: 760, size: 20, font: police });
  return Buffer.from(await doc.save());
}

/**
 * A real PNG (8-bit RGB) of `largeur` × `hauteur` pixels, of one colour, or of random pixels (`'bruit'`): what deflate
 * cannot shrink, like a photo.
 */
export function png(largeur: number, hauteur: number, couleur: [number, number, number] | 'bruit' = [40, 90, 200]): Buffer {
  const uni = couleur === 'bruit' ? null : Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: largeur }, () => couleur).flat())]);
  const ligne = () => uni ?? Buffer.concat([Buffer.from([0]), randomBytes(largeur * 3)]);
  const morceau = (type: string, data: Buffer) => {
    const corps = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const longueur = Buffer.alloc(4);
    longueur.writeUInt32BE(data.length);
    const somme = Buffer.alloc(4);
    somme.writeUInt32BE(crc32(corps));
    return Buffer.concat([longueur, corps, somme]);
  };
  const entete = Buffer.alloc(13);
  entete.writeUInt32BE(largeur, 0);
  entete.writeUInt32BE(hauteur, 4);
  entete.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    morceau('IHDR', entete),
    morceau('IDAT', deflateSync(Buffer.concat(Array.from({ length: hauteur }, ligne)))),
    morceau('IEND', Buffer.alloc(0)),
  ]);
}

/** Passes the PDF signature check of uploads (%PDF-), then nothing a PDF reader can use. */
export const PDF_ABIME = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'), Buffer.alloc(3000, 0x78), Buffer.from('\n%%EOF\n')]);
