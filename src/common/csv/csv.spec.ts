import { celluleCsv, ligneCsv } from './csv';

describe('CSV cells for French Excel', () => {
  it('quotes what holds a separator, a quote or a line break, doubling the quotes', () => {
    expect(celluleCsv('Saint-Jean; Angély')).toBe('"Saint-Jean; Angély"');
    expect(celluleCsv('dit "Jo"')).toBe('"dit ""Jo"""');
    expect(celluleCsv('deux\nlignes')).toBe('"deux\nlignes"');
    expect(celluleCsv("d'Angély")).toBe("d'Angély");
  });

  it('neutralises formulas with a leading apostrophe, quoting still applied after it', () => {
    expect(celluleCsv('=cmd|/C calc!A0')).toBe("'=cmd|/C calc!A0");
    expect(celluleCsv('+33 6 12')).toBe("'+33 6 12");
    expect(celluleCsv('-2')).toBe("'-2");
    expect(celluleCsv('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(celluleCsv('=A1;B1')).toBe(`"'=A1;B1"`);
  });

  it('writes numbers as they are and null as an empty cell, lines ending in CRLF', () => {
    expect(ligneCsv(['a', 4, null, -1])).toBe('a;4;;-1\r\n');
  });
});
