import archiver from 'archiver';
import { Readable } from 'node:stream';
import { Cellule } from '../csv/csv';
import { texteEnFlux } from '../flux/texte-en-flux';

export const TYPE_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A workbook of one sheet, streamed in flat memory: the sheet's XML is written page by page as the zip (archiver)
 * deflates it, and the zip is read only as fast as the reader takes the file, so the next page is read only when the
 * previous ones have left. When the reader goes away, pages stop being read. Cells are inline texts or numbers, never
 * formulas (a text starting with `=` stays a text), so nothing needs neutralising; no styles.
 */
export function xlsxEnFlux(nomFeuille: string, entetes: string[], pages: AsyncIterable<Cellule[][]>): Readable {
  const zip = archiver('zip', { zlib: { level: 6 } });
  const feuille = xmlFeuille(entetes, pages);
  for (const [nom, xml] of Object.entries(enveloppe(nomFeuille))) zip.append(Buffer.from(xml), { name: nom });
  zip.append(feuille, { name: 'xl/worksheets/sheet1.xml' });
  feuille.once('error', (error) => zip.destroy(error));
  zip.once('close', () => feuille.destroy());
  void zip.finalize().catch(() => undefined);
  return zip;
}

/** The sheet's XML, a page of rows at a time; rows and cells carry their reference (A1, B1…), as readers expect. */
function xmlFeuille(entetes: string[], pages: AsyncIterable<Cellule[][]>): Readable {
  const colonnes: string[] = [];
  const colonne = (i: number): string => (colonnes[i] ??= (i >= 26 ? colonne(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26)));
  let numero = 0;
  const ligne = (cellules: Cellule[]) => {
    numero++;
    return `<row r="${numero}">${cellules.map((valeur, i) => cellule(`${colonne(i)}${numero}`, valeur)).join('')}</row>`;
  };
  const largeurs = entetes.map((e, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(12, e.length + 2)}" customWidth="1"/>`);
  const debut = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}"><cols>${largeurs.join('')}</cols><sheetData>${ligne(entetes)}`;
  return texteEnFlux(debut, pages, ligne, '</sheetData></worksheet>');
}

/** An empty cell is left out. */
function cellule(ref: string, valeur: Cellule): string {
  if (valeur === null || (typeof valeur === 'number' && !Number.isFinite(valeur))) return '';
  if (typeof valeur === 'number') return `<c r="${ref}"><v>${valeur}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${texteXml(valeur)}</t></is></c>`;
}

// eslint-disable-next-line no-control-regex -- these are the characters to drop
const HORS_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escaped for XML; the control characters XML 1.0 cannot hold (all but tab and line breaks) are dropped. */
function texteXml(texte: string): string {
  return texte
    .replace(HORS_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts around the sheet: content types, the package's and the workbook's relationships, the workbook. */
function enveloppe(nomFeuille: string): Record<string, string> {
  const entete = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return {
    '[Content_Types].xml': `${entete}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `${entete}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${entete}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets><sheet name="${texteXml(nomFeuille).replace(/"/g, '&quot;')}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${entete}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  };
}
