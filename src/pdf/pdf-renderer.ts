import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
// pdfmake exports one instance whose methods live on its prototype: a namespace import would copy only its own
// properties and lose `createPdf`, so the instance is imported as is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfmake = require('pdfmake');
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

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

/**
 * Renders pdfmake definitions with the Roboto fonts that pdfmake ships, read once into its virtual file system.
 * Documents never reach out: no URL and no local file may be loaded while rendering, so a definition cannot pull
 * in anything but the embedded fonts. pdfmake is one instance per process and this provider configures it: every
 * PDF of the application goes through here.
 */
@Injectable()
export class PdfRenderer {
  constructor() {
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
  }

  /** pdfmake completes the definition in place while laying it out: pass a fresh one to each call. */
  render(definition: TDocumentDefinitions): Promise<Buffer> {
    return pdfmake.createPdf(definition).getBuffer();
  }
}
