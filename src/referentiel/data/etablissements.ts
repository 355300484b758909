import { TypeEtablissement } from '../entities/etablissement.entity';

/**
 * Établissements (UAI). No maintained npm package ships the Annuaire de l'éducation, so this is a starting set of
 * universities; an institution loads its full list (lycées included) from the national open data export.
 */
export const ETABLISSEMENTS = [
  { code: '0450855K', libelle: "Université d'Orléans", communeCode: '45234', departementCode: '45' },
  { code: '0141408E', libelle: 'Université de Caen Normandie', communeCode: '14118', departementCode: '14' },
  { code: '0370800U', libelle: 'Université de Tours', communeCode: '37261', departementCode: '37' },
  { code: '0751717J', libelle: 'Université Paris 1 Panthéon-Sorbonne', communeCode: '75056', departementCode: '75' },
  { code: '0755890V', libelle: 'Sorbonne Université', communeCode: '75056', departementCode: '75' },
  { code: '0755976N', libelle: 'Université Paris Cité', communeCode: '75056', departementCode: '75' },
  { code: '0761904G', libelle: 'Université de Rouen Normandie', communeCode: '76451', departementCode: '76' },
  { code: '0762762P', libelle: 'Université Le Havre Normandie', communeCode: '76351', departementCode: '76' },
].map((e) => ({ ...e, type: TypeEtablissement.SUPERIEUR }));
