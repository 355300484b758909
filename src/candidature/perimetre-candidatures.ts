import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Principal, Role } from '../common/auth/roles';

/** Where a candidature sits in the offer, by codes */
export interface PlaceCandidature {
  centre: string;
  commission: string;
}

/**
 * Which candidatures a member of staff works on, in one place: scolarité centrale and admin all of them; a
 * gestionnaire those of the centres of their scope; a commission member those of their commissions.
 */
export const PerimetreCandidatures = {
  institutionWide(principal: Principal): boolean {
    return principal.roles.includes(Role.SCOL_CENTRALE) || principal.roles.includes(Role.ADMIN);
  },

  /** Gestionnaires, scolarité centrale and admin change statuts and validate; commission members read and give avis. */
  gere(principal: Principal): boolean {
    return PerimetreCandidatures.institutionWide(principal) || principal.roles.includes(Role.GESTIONNAIRE);
  },

  /**
   * May change this candidature (statut du dossier, pièce checks): `couvre` through a role that `gere`. A gestionnaire
   * who is also a commission member changes only their centres' candidatures, not their commissions' others.
   */
  gereCandidature(principal: Principal, place: PlaceCandidature): boolean {
    return PerimetreCandidatures.institutionWide(principal) || (principal.roles.includes(Role.GESTIONNAIRE) && principal.scopes.centres.includes(place.centre));
  },

  couvre(principal: Principal, place: PlaceCandidature): boolean {
    if (PerimetreCandidatures.institutionWide(principal)) return true;
    return (
      (principal.roles.includes(Role.GESTIONNAIRE) && principal.scopes.centres.includes(place.centre)) ||
      (principal.roles.includes(Role.COMMISSION) && principal.scopes.commissions.includes(place.commission))
    );
  },

  /**
   * The rule of `couvre` as a condition of a query, so lists, counts and exports only ever read rows of the scope:
   * `colonnes` name the query's centre code and commission code (`ce.code`, `cm.code`). Staff with no scope get none.
   */
  restreindre<T extends ObjectLiteral>(principal: Principal, qb: SelectQueryBuilder<T>, colonnes: { centre: string; commission: string }): SelectQueryBuilder<T> {
    if (PerimetreCandidatures.institutionWide(principal)) return qb;
    const centres = principal.roles.includes(Role.GESTIONNAIRE) ? principal.scopes.centres : [];
    const commissions = principal.roles.includes(Role.COMMISSION) ? principal.scopes.commissions : [];
    if (centres.length === 0 && commissions.length === 0) return qb.andWhere('1 = 0');
    return qb.andWhere(
      new Brackets((w) => {
        if (centres.length > 0) w.orWhere(`${colonnes.centre} IN (:...perimetreCentres)`, { perimetreCentres: centres });
        if (commissions.length > 0) w.orWhere(`${colonnes.commission} IN (:...perimetreCommissions)`, { perimetreCommissions: commissions });
      }),
    );
  },
};
