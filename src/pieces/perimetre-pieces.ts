import { Forbidden } from '../common/errors/domain-errors';
import { Principal } from '../common/auth/roles';
import { PerimetreOffre } from '../offre/perimetre-offre';

/**
 * Who may set up which pièces justificatives, in one place and on the offer's rules (PerimetreOffre): the
 * institution-wide ones only scolarité centrale and admin; a centre's ones whoever manages that centre's offer.
 */
export const PerimetrePieces = {
  /** Centre codes whose pièces the caller's lists show, besides the institution-wide ones; undefined: all. */
  centres(principal: Principal): string[] | undefined {
    return PerimetreOffre.centres(principal);
  },

  /** The caller may create or change a pièce owned by this centre (code), or by the institution (null). */
  assertOwner(principal: Principal, centreCode: string | null): void {
    if (centreCode !== null) return PerimetreOffre.assertCentre(principal, centreCode);
    if (!PerimetreOffre.institutionWide(principal)) {
      throw new Forbidden(
        'PIECES_RESERVEES_SCOLARITE',
        "Seules la scolarité centrale et l'administration peuvent gérer les pièces justificatives communes à tout l'établissement : rattachez la pièce à un centre de candidature de votre périmètre.",
      );
    }
  },
};
