import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { fromBuffer } from 'yauzl';
import { nomsDossiers, zipEnFlux } from './dossiers-zip';

describe('nomsDossiers', () => {
  it('dossier-<numéro>-<formation>.pdf, in the given order', () => {
    expect(nomsDossiers([{ numeroDossier: 'ZX81KQ2B', formationCode: 'M1-GEO2ENV' }, { numeroDossier: 'A0000001', formationCode: 'LP_DEG.2' }])).toEqual([
      'dossier-ZX81KQ2B-M1-GEO2ENV.pdf',
      'dossier-A0000001-LP_DEG.2.pdf',
    ]);
  });

  it('a name that comes again gets -2, -3…; a suffixed name already taken is skipped', () => {
    const c = { numeroDossier: 'ZX81KQ2B', formationCode: 'M1' };
    expect(nomsDossiers([c, c, { numeroDossier: 'ZX81KQ2B', formationCode: 'M1.pdf-2' }, c])).toEqual([
      'dossier-ZX81KQ2B-M1.pdf',
      'dossier-ZX81KQ2B-M1-2.pdf',
      'dossier-ZX81KQ2B-M1.pdf-2.pdf',
      'dossier-ZX81KQ2B-M1-3.pdf',
    ]);
  });

  it('nothing but letters, digits and . _ - reaches the archive: no folder, no way up', () => {
    expect(nomsDossiers([{ numeroDossier: '../../x', formationCode: 'a/b c\\é' }])).toEqual(['dossier-.._.._x-a_b_c__.pdf']);
  });
});

/** Entry names and contents of a ZIP. */
function lire(zip: Buffer): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true }, (err, archive) => {
      if (err) return reject(err);
      const entrees: [string, string][] = [];
      archive.on('end', () => resolve(entrees)).on('error', reject);
      archive.on('entry', (entry) => {
        archive.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          void buffer(stream).then((b) => {
            entrees.push([entry.fileName, b.toString('utf8')]);
            archive.readEntry();
          }, reject);
        });
      });
      archive.readEntry();
    });
  });
}

describe('zipEnFlux', () => {
  it('writes every entry, in the order given, each built once', async () => {
    const construits: string[] = [];
    const entrees = ['a', 'b', 'c'].map((nom) => ({
      nom: `${nom}.pdf`,
      construire: async () => {
        construits.push(nom);
        return Readable.from([Buffer.from(`contenu ${nom}`)]);
      },
    }));
    const flux = zipEnFlux(entrees, new Date('2026-11-20T10:00:00Z'));
    expect(await lire(await buffer(flux))).toEqual([
      ['a.pdf', 'contenu a'],
      ['b.pdf', 'contenu b'],
      ['c.pdf', 'contenu c'],
    ]);
    expect(construits).toEqual(['a', 'b', 'c']);
  });

  it('a reader that stops reading stops the building: the next entry waits for the previous to be taken', async () => {
    const grand = Buffer.alloc(4 * 1024 * 1024, 1);
    const construits: string[] = [];
    const flux = zipEnFlux(
      ['un', 'deux'].map((nom) => ({
        nom,
        construire: async () => {
          construits.push(nom);
          return Readable.from([grand]);
        },
      })),
      new Date(),
    );
    flux.pause();
    await new Promise((r) => setTimeout(r, 50));
    expect(construits).toEqual(['un']);
    const taille = (await buffer(flux)).length;
    expect(construits).toEqual(['un', 'deux']);
    expect(taille).toBeGreaterThan(2 * grand.length);
  });

  it('a failure while building destroys the stream with it: never an archive that looks complete', async () => {
    const flux = zipEnFlux(
      [
        { nom: 'ok', construire: async () => Readable.from([Buffer.from('ok')]) },
        { nom: 'ko', construire: () => Promise.reject(new Error('base indisponible')) },
      ],
      new Date(),
    );
    await expect(buffer(flux)).rejects.toThrow('base indisponible');
  });
});
