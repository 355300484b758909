import { createRequire } from 'node:module';

interface TextItem {
  str: string;
  /** [a, b, c, d, x, y]: x and y place the run on the page */
  transform: number[];
  width: number;
}

interface PageData {
  getTextContent(options: { normalizeWhitespace: boolean; disableCombineTextItems: boolean }): Promise<{
    items: TextItem[];
  }>;
}

type PdfParse = (
  data: Buffer,
  options: { pagerender: (page: PageData) => Promise<string> },
) => Promise<{ text: string }>;

// pdf-parse's main entry runs its own self-test, reading a fixture that is not installed, whenever it believes it is
// the program's main module, which is always the case under Jest; its library entry has no such side effect, and no
// typings either.
const pdfParse = createRequire(__filename)('pdf-parse/lib/pdf-parse.js') as PdfParse;

/** Runs closer than this (in points) belong to the same word; farther apart, they are separate cells or columns. */
const ESPACE = 1;

/** The text of each page, one line per line of the page, runs on the same line separated by a space. */
async function pageText(page: PageData): Promise<string> {
  const { items } = await page.getTextContent({ normalizeWhitespace: true, disableCombineTextItems: false });
  let text = '';
  let previous: TextItem | undefined;
  for (const item of items) {
    if (previous && previous.transform[5] !== item.transform[5]) text += '\n';
    else if (previous && item.transform[4] - (previous.transform[4] + previous.width) > ESPACE) text += ' ';
    text += item.str;
    previous = item;
  }
  return text;
}

/** The text of a PDF, for assertions: pages separated by a blank line, spaces of each line collapsed. */
export async function pdfText(buffer: Buffer): Promise<string> {
  const { text } = await pdfParse(buffer, { pagerender: pageText });
  return text.replace(/[ \t]+/g, ' ');
}

/** The properties of a pdfmake node that hold text or other nodes: tables' cells included. */
const CONTENEURS = ['text', 'stack', 'columns', 'table', 'body'];

/** Every string of a pdfmake definition node, in reading order: for assertions on the pure PDF builders. */
export function texteDefinition(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texteDefinition);
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => (CONTENEURS.includes(key) ? texteDefinition(value) : []));
  }
  return [];
}
