import { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation.pipe';

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
