import { Injectable, Logger } from '@nestjs/common';
import { EncryptedPDFError, PDFDocument, PDFName } from '@pdfme/pdf-lib';
import { setImmediate as tourSuivant } from 'node:timers/promises';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { Annexe, BilanAnnexes, RaisonNonJointe, placerImage } from './annexes';
import { PdfRenderer } from './pdf-renderer';

/**
 * One PDF out of a pdfmake summary and the files joined after it (every page of each PDF, one A4 page per JPEG or
 * PNG), with @pdfme/pdf-lib, the maintained fork of pdf-lib. Files are joined first, one at a time, so the summary
 * can name those that could not be (damaged, password-protected, gone): a candidate's file never makes a 500.
 *
 * The work is cut into short turns of the event loop: pdf-lib parses 100 objects and writes 50 per turn, and each
 * file starts on a turn of its own, so other requests are served in between (see bench/zip.bench.ts).
 */
@Injectable()
export class PdfAssembleur {
  private readonly logger = new Logger('PdfAssembleur');

  constructor(private readonly renderer: PdfRenderer) {}

  /** The summary `resume(bilan)` rendered by pdfmake, then the annexes in their order. */
  async assembler(annexes: Annexe[], resume: (bilan: BilanAnnexes) => TDocumentDefinitions): Promise<Buffer> {
    const cible = await PDFDocument.create();
    const bilan: BilanAnnexes = { joints: [], nonJoints: [] };
    for (const annexe of annexes) {
      await tourSuivant();
      const { piece, nom } = annexe;
      const contenu = await annexe.lire();
      if (!contenu) {
        bilan.nonJoints.push({ piece, nom, raison: 'introuvable' });
        continue;
      }
      try {
        bilan.joints.push({ piece, nom, pages: await this.joindre(cible, annexe.type, contenu) });
      } catch (error) {
        const raison: RaisonNonJointe = error instanceof EncryptedPDFError ? 'protege' : 'illisible';
        this.logger.warn(`Fichier non joint (${raison}, ${annexe.type}, ${contenu.length} octets) : ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
        bilan.nonJoints.push({ piece, nom, raison });
      }
    }
    await tourSuivant();
    const sommaire = await PDFDocument.load(await this.renderer.render(resume(bilan)), { updateMetadata: false });
    const pages = await cible.copyPages(sommaire, sommaire.getPageIndices());
    pages.forEach((page, i) => cible.insertPage(i, page));
    cible.setTitle(sommaire.getTitle() ?? '');
    cible.setAuthor(sommaire.getAuthor() ?? '');
    cible.setSubject(sommaire.getSubject() ?? '');
    const langue = sommaire.catalog.get(PDFName.of('Lang'));
    if (langue) cible.catalog.set(PDFName.of('Lang'), langue);
    return Buffer.from(await cible.save());
  }

  /** Appends a file's pages to `cible`; throws, adding no page, when the file cannot be read. Answers the pages added. */
  private async joindre(cible: PDFDocument, type: string, contenu: Uint8Array): Promise<number> {
    if (type === 'application/pdf') {
      const source = await PDFDocument.load(contenu, { updateMetadata: false });
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
