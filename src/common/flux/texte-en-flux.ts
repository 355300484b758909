import { Readable } from 'node:stream';

/**
 * Characters written at a time: lines are gathered up to this (a buffer per line is a million small ones), and no
 * more, so every chunk dies young in V8's new space (strings over 128 KB are only freed by a full collection).
 */
const TAILLE_MORCEAU = 16 * 1024;

/**
 * A text file streamed as UTF-8 from pages of items, in chunks of about TAILLE_MORCEAU characters: `debut`, a line per
 * item of each page (its last chunk written before the next page is read), `fin`. Readable.from asks for the next
 * page only when its buffer has room, so memory stays flat whatever the number of pages; when the reader goes away,
 * the pages stop being read.
 */
export function texteEnFlux<T>(debut: string, pages: AsyncIterable<readonly T[]>, ligne: (item: T) => string, fin = ''): Readable {
  async function* morceaux(): AsyncGenerator<string> {
    let morceau = debut;
    for await (const page of pages) {
      for (const item of page) {
        morceau += ligne(item);
        if (morceau.length >= TAILLE_MORCEAU) {
          yield morceau;
          morceau = '';
        }
      }
      // The page's tail too, before waiting for the next page.
      if (morceau) yield morceau;
      morceau = '';
    }
    morceau += fin;
    if (morceau) yield morceau;
  }
  return Readable.from(morceaux(), { objectMode: false, highWaterMark: 64 * 1024 });
}
