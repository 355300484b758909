import { StatutEtablissement, TypeEtablissement } from '../entities/etablissement.entity';

const UNIVERSITES = [
  { code: '0450855K', libelle: "Université d'Orléans", communeCode: '45234', departementCode: '45' },
  { code: '0141408E', libelle: 'Université de Caen Normandie', communeCode: '14118', departementCode: '14' },
  { code: '0370800U', libelle: 'Université de Tours', communeCode: '37261', departementCode: '37' },
  { code: '0751717J', libelle: 'Université Paris 1 Panthéon-Sorbonne', communeCode: '75056', departementCode: '75' },
  { code: '0755890V', libelle: 'Sorbonne Université', communeCode: '75056', departementCode: '75' },
  { code: '0755976N', libelle: 'Université Paris Cité', communeCode: '75056', departementCode: '75' },
  { code: '0761904G', libelle: 'Université de Rouen Normandie', communeCode: '76451', departementCode: '76' },
  { code: '0762762P', libelle: 'Université Le Havre Normandie', communeCode: '76351', departementCode: '76' },
];

/** A few public lycées of the two demo universities' cities, with UAIs checked in public sources (README). */
const LYCEES = [
  { code: '0450049J', libelle: 'Lycée Pothier', communeCode: '45234', departementCode: '45' },
  { code: '0450782F', libelle: 'Lycée Voltaire', communeCode: '45234', departementCode: '45' },
  { code: '0451526P', libelle: 'Lycée Charles Péguy', communeCode: '45234', departementCode: '45' },
  { code: '0140013N', libelle: 'Lycée Malherbe', communeCode: '14118', departementCode: '14' },
  { code: '0140014P', libelle: 'Lycée Augustin Fresnel', communeCode: '14118', departementCode: '14' },
];

/**
 * Built-in établissements (UAI): a starting set, so that a fresh install and the demo have universities and a few
 * lycées to choose. An institution loads the national directories with `npm run referentiel:etablissements`.
 */
export const ETABLISSEMENTS = [
  ...UNIVERSITES.map((e) => ({ ...e, type: TypeEtablissement.SUPERIEUR, statut: StatutEtablissement.PUBLIC })),
  ...LYCEES.map((e) => ({ ...e, type: TypeEtablissement.LYCEE, statut: StatutEtablissement.PUBLIC })),
];
