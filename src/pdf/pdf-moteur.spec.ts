import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfText } from '../../test/support/pdf-text';
import { rendre } from './pdf-moteur';

// Counts the font files fontkit parses, pdfkit's only way to a TrueType font.
jest.mock('fontkit', () => {
  const actual = jest.requireActual<{ create: (...args: unknown[]) => unknown }>('fontkit');
  return { ...actual, create: jest.fn(actual.create) };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { create: jest.Mock };

const document = (nom: string): TDocumentDefinitions => ({
  content: [{ text: 'Dossier de candidature', bold: true }, { text: `Candidate : ${nom}` }, { text: 'Pièces justificatives', italics: true }],
});

describe('rendre (pdf-moteur)', () => {
  it('keeps the text of a document as text after a document that drew its letters only inside others', async () => {
    // Roboto draws "é" and "ë" with the glyph of "e": written into the first document's font subset as a component
    // only, it must still map back to "e" in the next document's ToUnicode map (copy, search, screen readers).
    expect(await pdfText(await rendre({ content: [{ text: 'Été à Noël' }] }))).toContain('Été à Noël');
    expect(await pdfText(await rendre({ content: [{ text: 'Rangée de texte' }] }))).toContain('Rangée de texte');
  });

  it('parses each font once per thread, not once per document, and every document still embeds the fonts it uses', async () => {
    const pdfs = [];
    for (const nom of ['Élise Durand', 'Zoé Martin', 'Ana Ruiz']) pdfs.push(await rendre(document(nom)));

    // Three variants used (normal, bold, italics), each parsed by the first document that used it.
    expect(fontkit.create).toHaveBeenCalledTimes(3);

    for (const [i, nom] of ['Élise Durand', 'Zoé Martin', 'Ana Ruiz'].entries()) {
      const texte = await pdfText(pdfs[i]);
      expect(texte).toContain(`Candidate : ${nom}`);
      expect(texte).toContain('Pièces justificatives');
      expect(pdfs[i].toString('latin1').match(/\/FontFile2/g)).toHaveLength(3);
    }
  });
});
