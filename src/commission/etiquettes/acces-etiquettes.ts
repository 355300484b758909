import { Brackets, EntityManager } from 'typeorm';
import { AccesCandidatures, Demandeur } from '../../candidature/acces-candidatures';
import { Role } from '../../common/auth/roles';
import { Forbidden, NotFound } from '../../common/errors/domain-errors';
import { normalizeForSearch } from '../../common/text/normalize';
import { CentreCandidature } from '../../offre/entities/centre-candidature.entity';
import { Etiquette } from './entities/etiquette.entity';

/** What makes a label unique: its owner (the centre's id, 0 for the institution) and its label folded (case and accents ignored). */
export const cleEtiquette = (centreId: number | null, libelle: string): string => `${centreId ?? 0}:${normalizeForSearch(libelle)}`.slice(0, 80);

export const etiquetteIntrouvable = () => new NotFound('ETIQUETTE_INTROUVABLE', "Cette étiquette n'existe pas ou n'est pas l'une des vôtres : vous n'utilisez que les étiquettes de l'établissement et celles de vos centres.");

/**
 * Who may use and manage which label, in one place. Everyone on staff uses the institution's labels; a centre's are
 * used by those who reach its candidatures (its gestionnaires, including those of some of its commissions, and its
 * commission members) and managed by its gestionnaires; scolarité centrale and admin use and manage all of them.
 * A label out of reach answers as missing.
 */
export const AccesEtiquettes = {
  /** The ids of the centres whose labels `d` uses; null: every centre. */
  async centres(em: EntityManager, d: Demandeur): Promise<number[] | null> {
    if (AccesCandidatures.partout(d)) return null;
    const gestionnaire = d.roles.includes(Role.GESTIONNAIRE);
    const centres = gestionnaire ? d.scopes.centres : [];
    const commissions = [...(gestionnaire ? d.scopes.commissionsGerees : []), ...(d.roles.includes(Role.COMMISSION) ? d.scopes.commissions : [])];
    if (centres.length === 0 && commissions.length === 0) return [];
    const qb = em.getRepository(CentreCandidature).createQueryBuilder('ce').select('ce.id', 'id');
    qb.where(
      new Brackets((w) => {
        if (centres.length > 0) w.orWhere('ce.code IN (:...centres)', { centres });
        if (commissions.length > 0) w.orWhere('ce.id IN (SELECT cm.centre_id FROM commission cm WHERE cm.code IN (:...commissions))', { commissions });
      }),
    );
    return (await qb.getRawMany<{ id: number | string }>()).map((r) => Number(r.id));
  },

  /** The labels `d` uses, the institution's first, then by centre and label. */
  async utilisables(em: EntityManager, d: Demandeur): Promise<(Etiquette & { centre: CentreCandidature | null })[]> {
    const centres = await AccesEtiquettes.centres(em, d);
    const qb = em.getRepository(Etiquette).createQueryBuilder('e').leftJoinAndSelect('e.centre', 'ce');
    if (centres !== null) qb.where(new Brackets((w) => w.where('e.centreId IS NULL').orWhere(centres.length > 0 ? 'e.centreId IN (:...centres)' : '1 = 0', { centres })));
    return (await qb.orderBy('ce.code', 'ASC').addOrderBy('e.libelle', 'ASC').addOrderBy('e.id', 'ASC').getMany()) as (Etiquette & { centre: CentreCandidature | null })[];
  },

  /** A label `d` may put on, take off or filter with; 404 otherwise. */
  async utilisable(em: EntityManager, d: Demandeur, id: number): Promise<Etiquette> {
    const e = await em.getRepository(Etiquette).findOneBy({ id });
    if (!e) throw etiquetteIntrouvable();
    if (e.centreId === null) return e;
    const centres = await AccesEtiquettes.centres(em, d);
    if (centres !== null && !centres.includes(e.centreId)) throw etiquetteIntrouvable();
    return e;
  },

  /** May `d` create, rename, recolour or delete the labels of this owner (a centre's code; null: the institution)? 403 otherwise. */
  gerer(d: Demandeur, centre: string | null): void {
    if (AccesCandidatures.partout(d)) return;
    if (centre === null) {
      throw new Forbidden('ETIQUETTES_ETABLISSEMENT_RESERVEES', "Les étiquettes de l'établissement sont gérées par la scolarité centrale : créez plutôt une étiquette de votre centre.");
    }
    if (!d.roles.includes(Role.GESTIONNAIRE) || !d.scopes.centres.includes(centre)) {
      throw new Forbidden('CENTRE_HORS_PERIMETRE', `Le centre ${centre} ne fait pas partie de votre périmètre : vous ne gérez que les étiquettes de vos centres.`);
    }
  },
};
