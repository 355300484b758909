import { ValidationError } from '@nestjs/common';
import { deeperThan, flattenValidationErrors } from './validation.pipe';

describe('flattenValidationErrors', () => {
  it('keeps French messages, translates English defaults and names nested fields by path', () => {
    const errors: ValidationError[] = [
      { property: 'annee', constraints: { isInt: 'doit être un nombre entier entre 1900 et 2100' }, children: [] },
      { property: 'foo', constraints: { whitelistValidation: 'property foo should not exist' }, children: [] },
      {
        property: 'adresse',
        children: [{ property: 'codePostal', constraints: { isString: 'codePostal must be a string' }, children: [] }],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'annee', message: 'doit être un nombre entier entre 1900 et 2100' },
      { field: 'foo', message: "n'est pas un champ attendu" },
      { field: 'adresse.codePostal', message: 'doit être une chaîne de caractères' },
    ]);
  });
});

describe('deeperThan', () => {
  const nested = (depth: number) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it('counts objects and arrays, without recursing (100,000 levels do not overflow)', () => {
    expect(deeperThan(nested(32), 32)).toBe(false);
    expect(deeperThan(nested(33), 32)).toBe(true);
    expect(deeperThan(nested(100_000), 32)).toBe(true);
    expect(deeperThan({ a: [1, 2, { b: 'x' }], c: null }, 3)).toBe(false);
    expect(deeperThan('texte', 0)).toBe(false);
  });
});
