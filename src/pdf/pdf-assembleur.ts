import { Injectable, Logger } from '@nestjs/common';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { Annexe, BilanAnnexes } from './annexes';
import { empaqueter } from './pdf-fonctions';
import { OuvrierPdfPerdu, PdfPool, SessionPdf } from './pdf-pool';
import { enBuffer, transferable } from './pdf-protocole';

/**
 * One PDF out of a pdfmake summary and the files joined after it (every page of each PDF, one A4 page per JPEG or
 * PNG). Files are joined first, one at a time, so the summary can name those that could not be (damaged,
 * password-protected, gone): a candidate's file never makes a 500.
 *
 * The work is done on a worker thread of PdfPool (pdf-moteur.ts): this thread only reads the files, one when the
 * worker is ready for it, and hands their bytes over. A file during which the worker dies is counted unreadable and
 * the document is started again on a new worker without it.
 */
@Injectable()
export class PdfAssembleur {
  private readonly logger = new Logger('PdfAssembleur');

  constructor(private readonly pool: PdfPool) {}

  /** The summary `resume(bilan)` rendered by pdfmake, then the annexes in their order. */
  async assembler(annexes: Annexe[], resume: (bilan: BilanAnnexes) => TDocumentDefinitions): Promise<Buffer> {
    const fatales = new Set<number>();
    for (;;) {
      try {
        return enBuffer(await this.pool.session((s) => this.assemblerSur(s, annexes, resume, fatales)));
      } catch (error) {
        // Another try only when a file was just found fatal: at most one per annexe.
        if (!(error instanceof FichierFatal)) throw error;
      }
    }
  }

  private async assemblerSur(session: SessionPdf, annexes: Annexe[], resume: (bilan: BilanAnnexes) => TDocumentDefinitions, fatales: Set<number>): Promise<Uint8Array> {
    await session.demander('ouvrir', {});
    const bilan: BilanAnnexes = { joints: [], nonJoints: [] };
    for (const [i, annexe] of annexes.entries()) {
      const { piece, nom, type } = annexe;
      if (fatales.has(i)) {
        bilan.nonJoints.push({ piece, nom, raison: 'illisible' });
        continue;
      }
      const lu = await annexe.lire();
      if (!lu) {
        bilan.nonJoints.push({ piece, nom, raison: 'introuvable' });
        continue;
      }
      const taille = lu.length;
      const { octets, transfert } = transferable(lu);
      let jonction;
      try {
        jonction = await session.demander('joindre', { type, contenu: octets }, transfert);
      } catch (error) {
        if (!(error instanceof OuvrierPdfPerdu)) throw error;
        this.logger.error(`Worker PDF perdu en joignant un fichier (${type}, ${taille} octets) : compté illisible, le document est recommencé`);
        fatales.add(i);
        throw new FichierFatal();
      }
      if ('pages' in jonction) {
        bilan.joints.push({ piece, nom, pages: jonction.pages });
      } else {
        this.logger.warn(`Fichier non joint (${jonction.raison}, ${type}, ${taille} octets) : ${jonction.message}`);
        bilan.nonJoints.push({ piece, nom, raison: jonction.raison });
      }
    }
    return session.demander('terminer', { resume: empaqueter(resume(bilan)) });
  }
}

/** The worker died while joining a file: that file is left out and the document made again. */
class FichierFatal extends Error {}
