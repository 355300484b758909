import { normalizeForSearch } from './normalize';

describe('normalizeForSearch', () => {
  it.each([
    ['Orléans', 'ORLEANS'],
    ["Saint-Jean-d'Angély", 'SAINT JEAN D ANGELY'],
    ['  l’Haÿ-les-Roses ', 'L HAY LES ROSES'],
    ['Œuilly', 'OEUILLY'],
    ['Sciences économiques et sociales', 'SCIENCES ECONOMIQUES ET SOCIALES'],
  ])('folds %s to %s', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('makes accented and plain spellings equal', () => {
    expect(normalizeForSearch('Évreux')).toBe(normalizeForSearch('EVREUX'));
  });
});
