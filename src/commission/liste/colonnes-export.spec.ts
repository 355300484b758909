import { ValidationFailed } from '../../common/errors/domain-errors';
import { CATALOGUE, CHAMPS, COLONNES_PAR_DEFAUT, JOINTURES, choisirColonnes } from './colonnes-export';

describe('choisirColonnes', () => {
  it('reads only what the columns need: no join for the default ones, and the étiquettes as their one complement', () => {
    const defaut = choisirColonnes(undefined);
    expect(defaut.colonnes.map((c) => c.code)).toEqual(COLONNES_PAR_DEFAUT);
    expect(defaut.jointures).toEqual([]);
    expect(defaut.complements).toEqual(['etiquettes']);
  });

  it('joins the address with its commune, the bac with its lycée, in the order of JOINTURES, and reads cursus and notes once a page', () => {
    const choix = choisirColonnes('bacEtablissement,adresseVille,numeroDossier,dernierDiplome,blocNotes,cursusExterne');
    expect(choix.colonnes.map((c) => c.code)).toEqual(['bacEtablissement', 'adresseVille', 'numeroDossier', 'dernierDiplome', 'blocNotes', 'cursusExterne']);
    expect(choix.jointures).toEqual(['ad', 'adco', 'bc', 'bce', 'sc']);
    expect(choix.complements.sort()).toEqual(['cursus', 'notes']);
    expect(choix.champs.adresseCommune).toBe('adco.libelle');
  });

  it('names every unknown code, and refuses an empty one', () => {
    const erreur = (parametre: string) => {
      try {
        choisirColonnes(parametre);
      } catch (e) {
        return e instanceof ValidationFailed ? e.errors : e;
      }
      return null;
    };
    expect(erreur('ine,pointure,taille')).toEqual([{ field: 'colonnes', message: expect.stringMatching(/^colonnes inconnues : pointure, taille /) }]);
    expect(erreur('ine, ')).toEqual([{ field: 'colonnes', message: expect.stringMatching(/colonne vide/) }]);
  });

  it('has unique codes, and every champ of a column has its join', () => {
    expect(new Set(CATALOGUE.map((c) => c.code)).size).toBe(CATALOGUE.length);
    const aliasDeBase = new Set(['c', 'cc', 'cd', 'f', 'cm', 'ce', 'a']);
    for (const [nom, champ] of Object.entries(CHAMPS)) {
      const alias = champ.sql.split('.')[0];
      expect({ nom, connu: aliasDeBase.has(alias) || alias in JOINTURES }).toEqual({ nom, connu: true });
    }
  });
});
