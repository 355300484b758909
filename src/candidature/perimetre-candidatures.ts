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

  couvre(principal: Principal, place: PlaceCandidature): boolean {
    if (PerimetreCandidatures.institutionWide(principal)) return true;
    return (
      (principal.roles.includes(Role.GESTIONNAIRE) && principal.scopes.centres.includes(place.centre)) ||
      (principal.roles.includes(Role.COMMISSION) && principal.scopes.commissions.includes(place.commission))
    );
  },
};
