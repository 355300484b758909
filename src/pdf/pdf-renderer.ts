import { Injectable, Optional } from '@nestjs/common';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { empaqueter } from './pdf-fonctions';
import { PdfPool } from './pdf-pool';
import { enBuffer } from './pdf-protocole';

/**
 * Renders pdfmake definitions, on a worker thread of PdfPool (pdfmake, its Roboto fonts and its rules are set up in
 * pdf-moteur.ts): every PDF of the application goes through here or PdfAssembleur. A definition crosses to the
 * worker as data: its functions must come from fonctionPdf() (pdf-fonctions.ts).
 */
@Injectable()
export class PdfRenderer {
  private readonly pool: PdfPool;

  /** Without a pool (a unit spec), a pool of one worker of its own, which never keeps the process alive when idle. */
  constructor(@Optional() pool?: PdfPool) {
    this.pool = pool ?? new PdfPool();
  }

  async render(definition: TDocumentDefinitions): Promise<Buffer> {
    const empaquetee = empaqueter(definition);
    return enBuffer(await this.pool.session((s) => s.demander('rendre', { definition: empaquetee })));
  }
}
