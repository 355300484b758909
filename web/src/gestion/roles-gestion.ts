import type { Schemas } from '@client';

type Role = Schemas['Role'];

/** The roles of GET /api/candidats, /api/etiquettes and /api/offre/gestion/campagnes (their controllers' @Roles). */
const EQUIPE: readonly Role[] = ['admin', 'scol-centrale', 'gestionnaire'];
const INSTITUTION: readonly Role[] = ['admin', 'scol-centrale'];

const parmi = (permis: readonly Role[], roles: readonly Role[]) => permis.some((r) => roles.includes(r));

/**
 * What the desk offers a staff member beyond the candidatures of their scope, kept with the roles the API lets use
 * it (a commission member reads the list and the fiches, but neither searches accounts nor uses labels).
 */
export const acces = {
  /** Searching accounts (GET /api/candidats), reading the campaigns. */
  rechercher: (roles: readonly Role[]) => parmi(EQUIPE, roles),
  /** Using labels: listing, filtering on, putting on and taking off; managing their own centres' (gestionnaires). */
  etiqueter: (roles: readonly Role[]) => parmi(EQUIPE, roles),
  /** Managing the institution's labels and every centre's. */
  etiquettesEtablissement: (roles: readonly Role[]) => parmi(INSTITUTION, roles),
};
