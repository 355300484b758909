import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Identifiant, OptionalInt, OptionalText, RequiredText } from './decorators';

class Exemple {
  @Identifiant('doit être un identifiant')
  id: unknown;

  @Identifiant('doit être une liste', { each: true })
  ids: unknown = [1];

  @OptionalInt(1, 200)
  limit?: unknown;

  @RequiredText(100)
  nom: unknown = 'Martin';

  @OptionalText(500, { multiline: true })
  commentaire?: unknown;
}

const erreurs = (plain: object) =>
  validateSync(plainToInstance(Exemple, { id: 1, ids: [1], nom: 'Martin', ...plain })).map((e) => e.property);

describe('validation composites', () => {
  it.each(['0x1', ' 1', '1 ', '1e0', '1.0', '', '+1', 'true', true, false, null, [1], '99999999999', 0, 1.5])('refuses %p as an id', (id) => {
    expect(erreurs({ id })).toEqual(['id']);
  });

  it('reads a canonical decimal string (a path parameter) or a JSON number as an id', () => {
    expect(erreurs({ id: '12' })).toEqual([]);
    expect(plainToInstance(Exemple, { id: '12' }).id).toBe(12);
    expect(erreurs({ id: 12, ids: ['3', 4] })).toEqual([]);
    expect(erreurs({ ids: [1, '0x2'] })).toEqual(['ids']);
    expect(erreurs({ ids: [true] })).toEqual(['ids']);
  });

  it('never coerces a number from a boolean or a hex string', () => {
    expect(erreurs({ limit: '20' })).toEqual([]);
    expect(erreurs({ limit: true })).toEqual(['limit']);
    expect(erreurs({ limit: '0x10' })).toEqual(['limit']);
  });

  it.each(['Ma\u0000rtin', 'Mar\r\ntin', 'Mar\ntin', 'Mar\ttin', 'Mar\u0085tin', '   ', ''])('refuses %j as a name', (nom) => {
    expect(erreurs({ nom })).toEqual(['nom']);
  });

  it('lets a multi-line text keep its line breaks and tabs, not other control characters', () => {
    const ok = plainToInstance(Exemple, { id: 1, nom: 'Martin', commentaire: ' Ligne 1\r\n\tLigne 2 ' });
    expect(validateSync(ok)).toEqual([]);
    expect(ok.commentaire).toBe('Ligne 1\n\tLigne 2');
    expect(erreurs({ commentaire: 'a\u0000b' })).toEqual(['commentaire']);
    expect(erreurs({ commentaire: 'a\u001bb' })).toEqual(['commentaire']);
  });
});
