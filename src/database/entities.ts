import {
  Commune,
  CommuneCodePostal,
  Departement,
  Etablissement,
  Mention,
  Pays,
  SerieBac,
  SpecialiteBac,
  TypeDiplome,
} from '../referentiel/entities';

/** Every entity of the application, listed once for the app, the CLI and the schema-drift check. */
export const ENTITIES = [Pays, Departement, Commune, CommuneCodePostal, SerieBac, SpecialiteBac, Mention, TypeDiplome, Etablissement];
