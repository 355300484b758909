import { EntityManager, In, IsNull, Not } from 'typeorm';
import { parisDate } from '../common/clock/clock';
import { TYPE_AVIS_LIBELLES, dateLimiteConfirmation } from '../commission/avis/avis-rules';
import { Avis, TypeAvis } from '../commission/entities/avis.entity';
import { MotifAvis } from '../commission/entities/motif-avis.entity';
import { datesDe } from './dates-archivees';
import { DecisionDto } from './dto/candidature.dto';
import { CandidatureComplete } from './candidature.service';

export const SANS_DECISION: DecisionDto = { code: null, libelle: 'En attente' };

/**
 * What candidates see of the avis: the latest published one (validated, and its publication date come), never an
 * unvalidated or unpublished one. One query for any number of candidatures.
 */
export async function decisionsVisibles(em: EntityManager, candidatures: CandidatureComplete[]): Promise<Map<number, DecisionDto>> {
  const decisions = new Map<number, DecisionDto>();
  if (candidatures.length === 0) return decisions;
  const rows = await em.getRepository(Avis).find({ where: { candidatureId: In(candidatures.map((c) => c.id)), publieAt: Not(IsNull()) }, order: { id: 'ASC' } });
  const latest = new Map(rows.map((a) => [a.candidatureId, a]));
  const codes = [...new Set([...latest.values()].map((a) => a.motif).filter((m): m is string => m !== null))];
  const motifs = new Map((codes.length ? await em.getRepository(MotifAvis).findBy({ code: In(codes) }) : []).map((m) => [m.code, m.libelle]));
  for (const c of candidatures) {
    const a = latest.get(c.id);
    decisions.set(c.id, a ? toDecision(c, a, motifs) : SANS_DECISION);
  }
  return decisions;
}

/** Whether any avis, validated or not, was given: a candidature with an avis can no longer be cancelled. */
export async function aDesAvis(em: EntityManager, candidatureId: number): Promise<boolean> {
  return em.getRepository(Avis).existsBy({ candidatureId });
}

function toDecision(c: CandidatureComplete, a: Avis, motifs: Map<string, string>): DecisionDto {
  return {
    code: a.type,
    libelle: TYPE_AVIS_LIBELLES[a.type],
    rang: a.type === TypeAvis.LC ? (a.rangReel ?? a.rang) : null,
    motif: a.motif ? (motifs.get(a.motif) ?? a.motif) : null,
    commentaire: a.commentaireVisible ? a.commentaire : null,
    preselection: a.type === TypeAvis.PR ? { date: a.preselectionDate ?? '', heure: a.preselectionHeure ?? '', lieu: a.preselectionLieu ?? '' } : null,
    dateLimiteConfirmation: a.type === TypeAvis.FA ? dateLimiteConfirmation(c, datesDe(c), parisDate(a.publieAt as Date)) : null,
  };
}
