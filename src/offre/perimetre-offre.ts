import { Forbidden } from '../common/errors/domain-errors';
import { Principal, Role } from '../common/auth/roles';

/**
 * Who may set up which part of the offer, in one place: scolarité centrale and admin the whole institution; a
 * gestionnaire the commissions and formations of the centres of their scope (by centre code), and no centre.
 */
export const PerimetreOffre = {
  institutionWide(principal: Principal): boolean {
    return principal.roles.includes(Role.SCOL_CENTRALE) || principal.roles.includes(Role.ADMIN);
  },

  /** Centre codes the caller's lists are limited to; undefined: all. */
  centres(principal: Principal): string[] | undefined {
    return PerimetreOffre.institutionWide(principal) ? undefined : principal.scopes.centres;
  },

  assertCentres(principal: Principal): void {
    if (!PerimetreOffre.institutionWide(principal)) {
      throw new Forbidden('CENTRES_RESERVES_SCOLARITE', "Seules la scolarité centrale et l'administration peuvent créer ou modifier un centre de candidature.");
    }
  },

  /** Campaigns are set up, switched and archived for the whole institution (anyone on staff's side may read them). */
  assertCampagnes(principal: Principal): void {
    if (!PerimetreOffre.institutionWide(principal)) {
      throw new Forbidden('CAMPAGNES_RESERVEES_SCOLARITE', "Seules la scolarité centrale et l'administration peuvent créer, modifier ou mettre en service une campagne de candidature.");
    }
  },

  /** The caller may manage the commissions and formations of each of these centres. */
  assertCentre(principal: Principal, ...centreCodes: string[]): void {
    const allowed = PerimetreOffre.centres(principal);
    if (allowed && !centreCodes.every((code) => allowed.includes(code))) {
      throw new Forbidden('CENTRE_HORS_PERIMETRE', "Ce centre de candidature ne fait pas partie de votre périmètre : vous ne pouvez pas gérer ses commissions ni ses formations.");
    }
  },
};
