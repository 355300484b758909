import { motsRecherche } from './liste-candidature-colonnes';

describe('motsRecherche', () => {
  it('keeps each word of the folded names once, the numéro de dossier and the INE', () => {
    expect(motsRecherche({ numeroDossier: 'AB12CD34', nomRecherche: 'LE GOFF MARTIN ELISE MARTIN', ine: '1234567890A' }).sort()).toEqual(
      ['1234567890A', 'AB12CD34', 'ELISE', 'GOFF', 'LE', 'MARTIN'].sort(),
    );
  });

  it('has the numéro alone before an identity is written, and folds what it is given', () => {
    expect(motsRecherche({ numeroDossier: 'AB12CD34', nomRecherche: null, ine: null })).toEqual(['AB12CD34']);
    expect(motsRecherche({ numeroDossier: 'AB12CD34', nomRecherche: "Saint-Jean d'Angély" })).toEqual(['AB12CD34', 'SAINT', 'JEAN', 'D', 'ANGELY']);
  });

  it('adds the name typed when the account was opened, once with the identity’s', () => {
    expect(motsRecherche({ numeroDossier: 'AB12CD34', nomCompte: 'Dupré-Léger Anaïs' })).toEqual(['AB12CD34', 'DUPRE', 'LEGER', 'ANAIS']);
    expect(motsRecherche({ numeroDossier: 'AB12CD34', nomRecherche: 'DUPRE LEGER ANAIS', nomCompte: 'Dupré Anaïs' })).toEqual(['AB12CD34', 'DUPRE', 'LEGER', 'ANAIS']);
  });

  it('cuts a word longer than the column to its start', () => {
    expect(motsRecherche({ numeroDossier: 'AB12CD34', nomRecherche: 'A'.repeat(80) })[1]).toBe('A'.repeat(60));
  });
});
