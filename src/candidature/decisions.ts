import { EntityManager, In } from 'typeorm';
import { CandidatureComplete } from './acces-candidatures';
import { DecisionDto, ReponseDto } from './dto/candidature.dto';
import { Candidature } from './entities/candidature.entity';
import { Avis, TypeAvis } from './entities/avis.entity';
import { MotifAvis } from './entities/motif-avis.entity';
import { TypeDecision } from './entities/type-decision.entity';
import { Langue } from '../common/i18n/langue';
import { AvisCourants, avisCourants, limiteDeReponse } from './etat-candidature';

/** Who withdrew for the candidate: the job, once the confirmation deadline passed. */
export const DESISTEMENT_AUTO = 'autoDesist';

/** The candidate's answer as every view shows it; null while none. */
export function reponseDe(c: Pick<Candidature, 'acceptee' | 'accepteeAt' | 'acceptePar'>): ReponseDto | null {
  if (c.acceptee === null) return null;
  return c.acceptee
    ? { code: 'CONFIRMEE', libelle: 'Confirmée', date: c.accepteeAt?.toISOString() ?? null, automatique: false }
    : { code: 'DESISTEE', libelle: 'Désistement', date: c.accepteeAt?.toISOString() ?? null, automatique: c.acceptePar === DESISTEMENT_AUTO };
}

/** The OPI code stands while the candidate's confirmation does. */
export const codeOpiDe = (c: Pick<Candidature, 'acceptee' | 'codeOpi'>): string | null => (c.acceptee === true ? c.codeOpi : null);

export const SANS_DECISION: DecisionDto = { code: null, libelle: 'En attente' };

/**
 * The type de décision of avis, for what they show (label, code): the one an avis names, read with it, or its
 * family's model, read here only when one of them names none.
 */
export async function typesDesAvis(em: EntityManager, avis: Avis[]): Promise<(a: Avis) => TypeDecision> {
  const modeles = avis.some((a) => a.typeDecisionId === null) ? await em.getRepository(TypeDecision).findBy({ modele: true }) : [];
  const parFamille = new Map(modeles.map((t) => [t.famille, t]));
  return (a) => {
    const t = a.typeDecisionId === null ? parFamille.get(a.type) : a.typeDecision;
    if (!t) throw new Error(`Type de décision introuvable pour l'avis ${a.id}`);
    return t;
  };
}

/** A type's label in the candidate's language (the French one when it has no English one). */
export const libelleDecision = (t: Pick<TypeDecision, 'libelle' | 'libelleEn'>, langue: Langue): string => (langue === Langue.EN ? (t.libelleEn ?? t.libelle) : t.libelle);

/** Whether a decision mail or letter names the type: only one the institution defined (a model says no more than its family). */
export const typeNomme = (t: Pick<TypeDecision, 'modele'>): boolean => !t.modele;

/**
 * What candidates see of the avis: the latest published one (validated, and its publication date come), never an
 * unvalidated or unpublished one; a liste complémentaire shows the candidature's one rank. One query for any number
 * of candidatures (none when the caller has already read their current avis: `courantsLus`).
 */
export async function decisionsVisibles(em: EntityManager, candidatures: CandidatureComplete[], courantsLus?: Map<number, AvisCourants>): Promise<Map<number, DecisionDto>> {
  const decisions = new Map<number, DecisionDto>();
  if (candidatures.length === 0) return decisions;
  const courants = courantsLus ?? (await avisCourants(em, candidatures.map((c) => c.id)));
  const publies = [...courants.values()].map((a) => a.dernierPublie).filter((a): a is Avis => a !== null);
  const codes = [...new Set(publies.map((a) => a.motif).filter((m): m is string => m !== null))];
  const motifs = new Map((codes.length ? await em.getRepository(MotifAvis).findBy({ code: In(codes) }) : []).map((m) => [m.code, m.libelle]));
  const typeDe = await typesDesAvis(em, publies);
  for (const c of candidatures) {
    const a = courants.get(c.id)?.dernierPublie;
    decisions.set(c.id, a ? toDecision(c, a, typeDe(a), motifs) : SANS_DECISION);
  }
  return decisions;
}

function toDecision(c: CandidatureComplete, a: Avis, type: TypeDecision, motifs: Map<string, string>): DecisionDto {
  return {
    code: a.type,
    libelle: type.libelle,
    typeDecision: type.code,
    definitif: type.definitif,
    rang: a.type === TypeAvis.LC ? c.rangListeComplementaire : null,
    motif: a.motif ? (motifs.get(a.motif) ?? a.motif) : null,
    commentaire: a.commentaireVisible ? a.commentaire : null,
    preselection: a.type === TypeAvis.PR ? { date: a.preselectionDate ?? '', heure: a.preselectionHeure ?? '', lieu: a.preselectionLieu ?? '' } : null,
    dateLimiteConfirmation: limiteDeReponse(c, a),
  };
}
