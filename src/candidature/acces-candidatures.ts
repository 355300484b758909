import { Brackets, EntityManager, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CompteCandidat } from '../auth/entities/compte-candidat.entity';
import { NO_SCOPES, Principal, Role } from '../common/auth/roles';
import { Forbidden, NotFound } from '../common/errors/domain-errors';
import { requetePreparee } from '../database/requete-preparee';
import { lockRows } from '../database/row-lock';
import { Commission } from '../offre/entities/commission.entity';
import { Formation } from '../offre/entities/formation.entity';
import { Candidature } from './entities/candidature.entity';

/** A candidature with its formation, commission and centre loaded. */
export type CandidatureComplete = Candidature & { formation: Formation & { commission: Commission & { centre: NonNullable<Commission['centre']> } } };
export type CandidatureAvecCompte = CandidatureComplete & { compteCandidat: CompteCandidat };

/** Who asks: a member of staff, or a candidate (their account id). */
export type Demandeur = Pick<Principal, 'kind' | 'id' | 'roles' | 'scopes'>;

/** Who acts, with the name the action is recorded under: the candidate's numéro de dossier, or a staff login. */
export type Acteur = Demandeur & Pick<Principal, 'login'>;

/**
 * What acting on a candidate's behalf needs: the candidate on their own candidature, or a gestionnaire of its
 * centre (scolarité centrale, admin): commission members do not act for candidates.
 */
export const usagePourCandidat = (d: Demandeur): Exclude<Usage, 'lecture'> => (d.kind === 'candidat' ? 'saisie' : 'gestion');

/** The candidate whose account this is, as the access policy sees them. */
export const candidat = (compteId: number): Demandeur => ({ kind: 'candidat', id: compteId, roles: [Role.CANDIDAT], scopes: NO_SCOPES });

/**
 * What staff ask for on candidatures: `lecture` reads; `saisie` (avis, bloc-notes) also writes, commission members
 * included; `gestion` (statuts, pièce checks, validations, type de traitement, deadlines) is for gestionnaires of the
 * candidature's centre, scolarité centrale and admin.
 */
export type Usage = 'lecture' | 'saisie' | 'gestion';

/** Where a candidature sits in the offer, by codes */
interface Place {
  centre: string;
  commission: string;
}

const RELATIONS = { formation: { commission: { centre: true } }, compteCandidat: true } as const;

/** The candidatures named with RELATIONS, in one statement built once (the récapitulatif is read on every page). */
const candidaturesParId = requetePreparee((em) =>
  em
    .getRepository(Candidature)
    .createQueryBuilder('c')
    .innerJoinAndSelect('c.formation', 'formation')
    .innerJoinAndSelect('formation.commission', 'commission')
    .innerJoinAndSelect('commission.centre', 'centre')
    .innerJoinAndSelect('c.compteCandidat', 'compteCandidat')
    .where('c.id IN (:...ids)'),
);

/** The one wording of « not there, or not yours »: the same whether the candidature is missing or out of reach. */
const introuvable = (ids: number[]) =>
  new NotFound(
    'CANDIDATURE_INTROUVABLE',
    ids.length === 0
      ? "Cette candidature n'existe pas ou ne vous est pas accessible."
      : ids.length === 1
        ? `La candidature ${ids[0]} n'existe pas ou ne vous est pas accessible.`
        : `Ces candidatures n'existent pas ou ne vous sont pas accessibles : ${[...ids].sort((a, b) => a - b).join(', ')}.`,
  );

const institutionWide = (d: Demandeur) => d.roles.includes(Role.SCOL_CENTRALE) || d.roles.includes(Role.ADMIN);
// A gestionnaire manages whole centres, or chosen commissions of a centre (TypePerimetre.COMMISSION_GEREE).
const gestionnaireDe = (d: Demandeur, p: Place) =>
  d.roles.includes(Role.GESTIONNAIRE) && (d.scopes.centres.includes(p.centre) || d.scopes.commissionsGerees.includes(p.commission));
const membreDe = (d: Demandeur, p: Place) => d.roles.includes(Role.COMMISSION) && d.scopes.commissions.includes(p.commission);
const placeDe = (c: CandidatureComplete): Place => ({ centre: c.formation.commission.centre.code, commission: c.formation.commission.code });

/** The rule itself: may `d` do `usage` on a candidature at this place (a candidate: only on their own). */
function permis(d: Demandeur, c: CandidatureComplete, usage: Usage): boolean {
  if (d.kind === 'candidat') return c.compteCandidatId === d.id;
  if (institutionWide(d)) return true;
  const p = placeDe(c);
  // A gestionnaire who also sits on a commission manages only their centres' candidatures, not the commission's others.
  if (usage === 'gestion') return gestionnaireDe(d, p);
  return gestionnaireDe(d, p) || membreDe(d, p);
}

/** Staff without the role for `usage` get 403 before any candidature is read. */
function exigerRole(d: Demandeur, usage: Usage): void {
  if (usage === 'gestion' && d.kind === 'staff' && !AccesCandidatures.gere(d)) {
    throw new Forbidden('GESTION_RESERVEE', 'Les membres de commission consultent les candidatures et saisissent des avis ; le reste revient aux gestionnaires et à la scolarité.');
  }
}

/** The candidatures named, in the order asked, when `d` may do `usage` on every one; 404 naming the others. */
async function choisir(em: EntityManager, d: Demandeur, ids: number[], usage: Usage): Promise<CandidatureAvecCompte[]> {
  const rows = (await candidaturesParId(em, { ids })) as CandidatureAvecCompte[];
  const permises = rows.filter((c) => permis(d, c, usage));
  const manquantes = ids.filter((id) => !permises.some((c) => c.id === id));
  if (manquantes.length > 0) throw introuvable(d.kind === 'candidat' ? [] : manquantes);
  return ids.map((id) => permises.find((c) => c.id === id)!);
}

/**
 * Who may touch which candidature, in one place, one entry point per question: `lire` one candidature (or
 * `lirePlusieurs`), `agir` on several (all or nothing, rows locked), `restreindre` a list query, `lireDossier` a candidate's file. Scolarité
 * centrale and admin reach every candidature; a gestionnaire those of the centres (or chosen commissions) of their scope; a commission member
 * those of their commissions (reading and avis only); a candidate their own. Out of reach answers exactly as missing.
 */
export const AccesCandidatures = {
  /** May this principal read (or do `usage` on) this candidature? Cancelled ones included; 403 or 404 otherwise, as `agir`, without a lock. */
  async lire(em: EntityManager, d: Demandeur, id: number, usage: Usage = 'lecture'): Promise<CandidatureAvecCompte> {
    exigerRole(d, usage);
    const [c] = (await candidaturesParId(em, { ids: [id] })) as (CandidatureAvecCompte | undefined)[];
    if (!c || !permis(d, c, usage)) throw introuvable([]);
    return c;
  },

  /**
   * May this principal act on these candidatures? All or nothing: staff without the role get 403, then 404 naming
   * those missing or out of reach. The rows are locked first, in the caller's transaction, so the state the
   * transition rules then check still holds at commit.
   */
  async agir(em: EntityManager, d: Demandeur, ids: number[], usage: Exclude<Usage, 'lecture'>): Promise<CandidatureAvecCompte[]> {
    exigerRole(d, usage);
    await lockRows(em, Candidature, { id: In(ids) });
    return choisir(em, d, ids, usage);
  },

  /** May this principal read all these candidatures (a bulk download)? All or nothing: 404 naming those out of reach, in the order asked. */
  lirePlusieurs(em: EntityManager, d: Demandeur, ids: number[]): Promise<CandidatureAvecCompte[]> {
    return choisir(em, d, ids, 'lecture');
  },

  /**
   * Which candidatures may this principal list? The rule as a condition of the query, so lists, counts and exports
   * only ever read rows of the scope: `colonnes` name the query's centre code and commission code. Staff with no
   * scope get none.
   */
  restreindre<T extends ObjectLiteral>(d: Demandeur, qb: SelectQueryBuilder<T>, colonnes: { centre: string; commission: string }): SelectQueryBuilder<T> {
    if (institutionWide(d)) return qb;
    const centres = d.roles.includes(Role.GESTIONNAIRE) ? d.scopes.centres : [];
    const commissions = [...(d.roles.includes(Role.GESTIONNAIRE) ? d.scopes.commissionsGerees : []), ...(d.roles.includes(Role.COMMISSION) ? d.scopes.commissions : [])];
    if (centres.length === 0 && commissions.length === 0) return qb.andWhere('1 = 0');
    return qb.andWhere(
      new Brackets((w) => {
        if (centres.length > 0) w.orWhere(`${colonnes.centre} IN (:...perimetreCentres)`, { perimetreCentres: centres });
        if (commissions.length > 0) w.orWhere(`${colonnes.commission} IN (:...perimetreCommissions)`, { perimetreCommissions: commissions });
      }),
    );
  },

  /**
   * May this member of staff read this candidate's file? When one of the candidate's candidatures (cancelled ones
   * included) is theirs to read; 404 otherwise, as if the file did not exist.
   */
  async lireDossier(em: EntityManager, d: Demandeur, compteId: number): Promise<void> {
    if (institutionWide(d)) return;
    const candidatures = (await em.getRepository(Candidature).find({ where: { compteCandidatId: compteId }, relations: RELATIONS })) as CandidatureComplete[];
    if (!candidatures.some((c) => permis(d, c, 'lecture'))) {
      throw new NotFound('DOSSIER_INTROUVABLE', 'Aucun dossier de votre périmètre ne porte ce numéro : vous ne lisez que les dossiers des candidats de vos centres ou commissions.');
    }
  },

  /**
   * May this member of staff create a candidature in this formation (a proposition)? Gestionnaires of its centre (or
   * commission), scolarité centrale and admin; 403 otherwise: the offer is public, only the right is missing.
   */
  gererFormation(d: Demandeur, formation: CandidatureComplete['formation']): void {
    exigerRole(d, 'gestion');
    const p = { centre: formation.commission.centre.code, commission: formation.commission.code };
    if (!institutionWide(d) && !gestionnaireDe(d, p)) {
      throw new Forbidden('FORMATION_HORS_PERIMETRE', `La formation « ${formation.libelle} » ne relève pas de vos centres de candidature : vous ne pouvez pas y proposer de candidature.`);
    }
  },

  /** Does this principal reach every candidature (so a list needs no condition of scope)? */
  partout(d: Demandeur): boolean {
    return institutionWide(d);
  },

  /** Gestionnaires, scolarité centrale and admin change statuts and validate; commission members read and give avis. */
  gere(d: Demandeur): boolean {
    return institutionWide(d) || d.roles.includes(Role.GESTIONNAIRE);
  },
};
