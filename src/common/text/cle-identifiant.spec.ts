import { cleIdentifiant, cleNumeroDossier } from './cle-identifiant';

describe('cleIdentifiant', () => {
  it.each([
    ['admin', 'admin'],
    ['âdmin', 'admin'],
    ['ADMİN', 'admin'],
    ['admın', 'admin'],
    ['ＤＥＭＯ０００３', 'demo0003'],
    ['  Zoé.Ichikawa@Example.org ', 'zoe.ichikawa@example.org'],
    ['ｚｏｅ＠ｅｘａｍｐｌｅ．ｏｒｇ', 'zoe@example.org'],
    ['straße', 'strasse'],
    ['ﬁlière', 'filiere'],
  ])('folds %s to %s, and its key to itself', (saisi, cle) => {
    expect(cleIdentifiant(saisi)).toBe(cle);
    expect(cleIdentifiant(cle)).toBe(cle);
  });

  it('folds a numéro de dossier to its capitals', () => {
    expect(cleNumeroDossier('9x7ceuık')).toBe('9X7CEUIK');
    expect(cleNumeroDossier('９Ｘ７ＣＥＵＩＫ')).toBe('9X7CEUIK');
  });
});
