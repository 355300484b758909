import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EncryptedPDFError, LoadOptions, PDFDocument, PDFName, ParseSpeeds } from '@pdfme/pdf-lib';
// pdfmake exports one instance whose methods live on its prototype: a namespace import would copy only its own
// properties and lose `createPdf`, so the instance is imported as is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfmake = require('pdfmake');
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { placerImage } from './annexes';
import type { Jonction } from './pdf-protocole';

/*
 * The CPU-heavy PDF work (pdfmake's layout, pdf-lib's parsing, image embedding and writing), run on a worker thread
 * by pdf.worker.ts: nothing here knows about threads, Nest or the storage.
 */

/** pdfmake's in-memory file system, part of its server API but missing from @types/pdfmake 0.3. */
interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

const ROBOTO: TFontDictionary = {
  Roboto: {
    normal: 'Roboto-Regular.ttf',
    bold: 'Roboto-Medium.ttf',
    italics: 'Roboto-Italic.ttf',
    bolditalics: 'Roboto-MediumItalic.ttf',
  },
};

let configure = false;

/** What this file needs of pdfmake's pdfkit document (pdfmake/js/PDFDocument.js) and of pdfkit's embedded fonts. */
interface PoliceIntegree {
  /** fontkit's parsed font: its tables, decoded lazily, and its glyphs, cached as they are used */
  font: object;
}
interface DocumentPdfmake {
  fontCache: Record<string, Record<string, PoliceIntegree>>;
  _fontFamilies: Record<string, PoliceIntegree>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(famille: string, bold: boolean, italics: boolean): PoliceIntegree;
}

/**
 * Each font parsed once per thread, not once per document. pdfmake gives every document a fresh pdfkit document,
 * which parses the font file again with fontkit (`fontkit.create`) and decodes its tables (cmap, glyf, GSUB, GPOS…)
 * anew: about half of the CPU of a one-page dossier (restructure and fontkit in a profile). The first document of
 * the thread loads each font pdfmake's way; the next ones wrap the same fontkit font in a new pdfkit font of their
 * own (its subset, its widths and its object in the PDF are the document's), registered as pdfkit registers one, so
 * that the document embeds it when it ends. A worker thread renders one document at a time.
 */
function policesParseesUneFois(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const prototype = (require('pdfmake/js/PDFDocument') as { default: { prototype: DocumentPdfmake } }).default.prototype;
  const premiere = prototype.provideFont;
  const parsees = new Map<string, PoliceIntegree>();
  prototype.provideFont = function (this: DocumentPdfmake, famille: string, bold: boolean, italics: boolean): PoliceIntegree {
    const type = this.getFontType(bold, italics);
    const deja = this.fontCache[famille]?.[type];
    if (deja) return deja;
    const modele = parsees.get(`${famille}\0${type}`);
    if (!modele) {
      const police = premiere.call(this, famille, bold, italics);
      parsees.set(`${famille}\0${type}`, police);
      return police;
    }
    const PoliceDuDocument = modele.constructor as new (document: DocumentPdfmake, font: object, id: string) => PoliceIntegree;
    // fontkit keeps each glyph with the characters it was first asked for; a glyph first reached as a component of
    // another (the "e" of "é", when the previous document's subset was written) has none, and would be missing from
    // this document's ToUnicode map (its text no longer copied nor read aloud). Glyphs are cheap to make again from
    // the parsed tables: each document starts with none, as it did with a font of its own.
    (modele.font as { _glyphs: object })._glyphs = {};
    const id = `F${++this._fontCount}`;
    const police = new PoliceDuDocument(this, modele.font, id);
    this._fontFamilies[id] = police;
    (this.fontCache[famille] ??= {})[type] = police;
    return police;
  };
}

// pdf-lib pauses (setTimeout 0) every 100 objects parsed and 50 written so that a main thread can serve other
// requests; on a worker thread that only slows the work down.
const LECTURE: LoadOptions = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest };
const ECRITURE = { objectsPerTick: Infinity };

/**
 * pdfmake with the Roboto fonts it ships, read once into its virtual file system. Documents never reach out: no URL
 * and no local file may be loaded while rendering, so a definition cannot pull in anything but the embedded fonts.
 */
function pdfmakeConfigure(): typeof pdfmake {
  if (!configure) {
    const dossier = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
    const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
    for (const famille of Object.values(ROBOTO)) {
      for (const fichier of Object.values(famille) as string[]) {
        vfs.writeFileSync(fichier, readFileSync(join(dossier, fichier)));
      }
    }
    pdfmake.setFonts(ROBOTO);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    policesParseesUneFois();
    configure = true;
  }
  return pdfmake;
}

/** pdfmake completes the definition in place while laying it out: pass a fresh one to each call. */
export function rendre(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfmakeConfigure().createPdf(definition).getBuffer();
}

/**
 * One PDF out of files joined one at a time (every page of each PDF, one A4 page per JPEG or PNG), then a summary
 * put before them, with @pdfme/pdf-lib, the maintained fork of pdf-lib. A file that cannot be joined adds no page
 * and says why, so the summary, laid out last, can name it.
 */
export class Assemblage {
  private readonly cible: Promise<PDFDocument> = PDFDocument.create();

  async joindre(type: string, contenu: Uint8Array): Promise<Jonction> {
    try {
      return { pages: await this.ajouter(await this.cible, type, contenu) };
    } catch (error) {
      return { raison: error instanceof EncryptedPDFError ? 'protege' : 'illisible', message: error instanceof Error ? error.message.slice(0, 200) : String(error) };
    }
  }

  /** The summary's pages first, its title, author, subject and language for the whole document. */
  async terminer(resume: TDocumentDefinitions): Promise<Uint8Array> {
    const cible = await this.cible;
    const sommaire = await PDFDocument.load(await rendre(resume), LECTURE);
    const pages = await cible.copyPages(sommaire, sommaire.getPageIndices());
    pages.forEach((page, i) => cible.insertPage(i, page));
    cible.setTitle(sommaire.getTitle() ?? '');
    cible.setAuthor(sommaire.getAuthor() ?? '');
    cible.setSubject(sommaire.getSubject() ?? '');
    const langue = sommaire.catalog.get(PDFName.of('Lang'));
    if (langue) cible.catalog.set(PDFName.of('Lang'), langue);
    return cible.save(ECRITURE);
  }

  /** Appends a file's pages to `cible`; throws, adding no page, when the file cannot be read. Answers the pages added. */
  private async ajouter(cible: PDFDocument, type: string, contenu: Uint8Array): Promise<number> {
    if (type === 'application/pdf') {
      const source = await PDFDocument.load(contenu, LECTURE);
      const pages = await cible.copyPages(source, source.getPageIndices());
      if (pages.length === 0) throw new Error('PDF sans page');
      for (const page of pages) cible.addPage(page);
      return pages.length;
    }
    if (type === 'image/png' || type === 'image/jpeg') {
      const image = type === 'image/png' ? await cible.embedPng(contenu) : await cible.embedJpg(contenu);
      // Written into the document now rather than at save(), so that a bad image fails here, inside the try.
      await image.embed();
      const place = placerImage(image.width, image.height);
      cible.addPage(place.page).drawImage(image, { x: place.x, y: place.y, width: place.largeur, height: place.hauteur });
      return 1;
    }
    throw new Error(`Type non pris en charge : ${type}`);
  }
}
