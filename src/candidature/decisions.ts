import { EntityManager, In } from 'typeorm';
import { CandidatureComplete } from './acces-candidatures';
import { TYPE_AVIS_LIBELLES } from './avis/avis-rules';
import { DecisionDto, ReponseDto } from './dto/candidature.dto';
import { Candidature } from './entities/candidature.entity';
import { Avis, TypeAvis } from './entities/avis.entity';
import { MotifAvis } from './entities/motif-avis.entity';
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
  for (const c of candidatures) {
    const a = courants.get(c.id)?.dernierPublie;
    decisions.set(c.id, a ? toDecision(c, a, motifs) : SANS_DECISION);
  }
  return decisions;
}

function toDecision(c: CandidatureComplete, a: Avis, motifs: Map<string, string>): DecisionDto {
  return {
    code: a.type,
    libelle: TYPE_AVIS_LIBELLES[a.type],
    rang: a.type === TypeAvis.LC ? c.rangListeComplementaire : null,
    motif: a.motif ? (motifs.get(a.motif) ?? a.motif) : null,
    commentaire: a.commentaireVisible ? a.commentaire : null,
    preselection: a.type === TypeAvis.PR ? { date: a.preselectionDate ?? '', heure: a.preselectionHeure ?? '', lieu: a.preselectionLieu ?? '' } : null,
    dateLimiteConfirmation: limiteDeReponse(c, a),
  };
}
