import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Workbook } from 'exceljs';
import { Cellule } from '../csv/csv';
import { xlsxEnFlux } from './xlsx';

async function octets(flux: Readable): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  for await (const morceau of flux) morceaux.push(morceau as Buffer);
  return Buffer.concat(morceaux);
}

/** Read as a spreadsheet program would: exceljs's reader, independent of the writer. */
async function lignes(bytes: Buffer): Promise<{ nom: string; valeurs: unknown[][] }> {
  const book = new Workbook();
  await book.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  const feuille = book.worksheets[0];
  const valeurs: unknown[][] = [];
  feuille.eachRow({ includeEmpty: true }, (row) => valeurs.push((row.values as unknown[]).slice(1)));
  return { nom: feuille.name, valeurs };
}

async function* enPages(pages: Cellule[][][]): AsyncIterable<Cellule[][]> {
  for (const page of pages) yield page;
}

describe('XLSX streamed', () => {
  it('writes a sheet a spreadsheet program opens: header, texts as typed (markup, accents, spaces), numbers, empty cells', async () => {
    const bytes = await octets(
      xlsxEnFlux('Candidatures', ['Nom', 'Rang', 'Note'], enPages([[['<b>Élodie & "Zoé"</b>', 3, null]], [[' deux\nlignes ', 12.5, '=A1+1']]])),
    );
    const { nom, valeurs } = await lignes(bytes);
    expect(nom).toBe('Candidatures');
    expect(valeurs).toEqual([
      ['Nom', 'Rang', 'Note'],
      ['<b>Élodie & "Zoé"</b>', 3],
      [' deux\nlignes ', 12.5, '=A1+1'],
    ]);
  });

  it('drops the characters XML cannot hold (control characters), keeping the rest of the text', async () => {
    const { valeurs } = await lignes(await octets(xlsxEnFlux('F', ['Texte'], enPages([[['a\u0001b\u0008c\u000Bd\td']]]))));
    expect(valeurs[1]).toEqual(['abcd\td']);
  });

  it('names the columns past Z as a spreadsheet does (AA, AB…, BA)', async () => {
    const entetes = Array.from({ length: 60 }, (_, i) => `C${i + 1}`);
    const { valeurs } = await lignes(await octets(xlsxEnFlux('F', entetes, enPages([[entetes.map((_, i) => i + 1)]]))));
    expect(valeurs).toEqual([entetes, entetes.map((_, i) => i + 1)]);
  });

  it('writes an empty sheet when there is no row', async () => {
    const { valeurs } = await lignes(await octets(xlsxEnFlux('F', ['A', 'B'], enPages([]))));
    expect(valeurs).toEqual([['A', 'B']]);
  });

  /**
   * Flat memory: a page is read only when the reader has taken what the previous ones produced. Pages of about 1 MB
   * of incompressible text, read 64 KB at a time: after 2 MB read, at most a few pages may have been read ahead.
   */
  it('reads the next page only as the reader takes the file, and stops reading pages when the reader goes away', async () => {
    let lues = 0;
    let fermee = false;
    const texte = () => randomBytes(75).toString('base64');
    async function* pages(): AsyncIterable<Cellule[][]> {
      try {
        for (let p = 0; p < 200; p++) {
          lues++;
          yield Array.from({ length: 1000 }, () => Array.from({ length: 10 }, texte));
        }
      } finally {
        fermee = true;
      }
    }
    const flux = xlsxEnFlux('F', Array.from({ length: 10 }, (_, i) => `C${i}`), pages());
    let recus = 0;
    for await (const morceau of flux) {
      recus += (morceau as Buffer).length;
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (recus > 2 * 1024 * 1024) break;
    }
    const pagesRecues = recus / (1000 * 10 * 100 * 0.76);
    expect(lues).toBeLessThanOrEqual(Math.ceil(pagesRecues) + 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fermee).toBe(true);
  });
});
