import * as avis from '../templates/avis.templates';
import * as candidature from '../templates/candidature.templates';
import * as compte from '../templates/compte.templates';
import * as statut from '../templates/statut.templates';
import { DefinitionModele, estEditable } from './modele-editable';

/** Every editable mail code, by code: what the staff screen lists and what a saved text is checked against. */
export const CATALOGUE: ReadonlyMap<string, DefinitionModele> = (() => {
  const catalogue = new Map<string, DefinitionModele>();
  for (const m of [compte, candidature, statut, avis].flatMap((module) => Object.values(module)).filter(estEditable)) {
    if (catalogue.has(m.definition.code)) throw new Error(`Deux modèles de mail éditables portent le code ${m.definition.code}`);
    catalogue.set(m.definition.code, m.definition);
  }
  return catalogue;
})();
