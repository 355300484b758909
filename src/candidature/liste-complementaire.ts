import { EntityManager, In, IsNull, Not } from 'typeorm';
import { CandidatureComplete } from './acces-candidatures';
import { verdict } from './candidature-rules';
import { Candidature } from './entities/candidature.entity';
import { avisCourants, etatDe } from './etat-candidature';

/**
 * The liste complémentaire of a formation (reference §2.7), in one place: the candidatures the transition rules
 * allow to be promoted (live, unarchived, unanswered, latest validated avis LC), by the rank the commission typed,
 * then by avis (the earlier first). The first of it is the next promoted.
 */
export async function listeComplementaire(em: EntityManager, formationId: number): Promise<CandidatureComplete[]> {
  const vivantes = (await em.getRepository(Candidature).find({ where: { formationId, nonAnnulee: true }, relations: { formation: { commission: { centre: true } } } })) as CandidatureComplete[];
  const avis = await avisCourants(em, vivantes.map((c) => c.id));
  // The promotion rule reads no date.
  const inscrites = vivantes.filter((c) => verdict('promouvoir', etatDe(c, avis.get(c.id)), '') === null);
  const cle = (c: CandidatureComplete) => avis.get(c.id)!.dernierValide!;
  return inscrites.sort((a, b) => (cle(a).rang ?? 0) - (cle(b).rang ?? 0) || cle(a).id - cle(b).id);
}

/**
 * Writes each candidature's rank (1..n) on its formation's liste complémentaire, and clears it for those no longer
 * on it: the one copy every view reads. Called after every change that can move the list (an avis validated, a
 * promotion), in the same transaction.
 */
export async function recalculerRangs(em: EntityManager, formationIds: number[]): Promise<void> {
  const repo = em.getRepository(Candidature);
  for (const formationId of new Set(formationIds)) {
    const liste = await listeComplementaire(em, formationId);
    const rangs = new Map(liste.map((c, i) => [c.id, i + 1]));
    const sorties = await repo.find({ where: { formationId, rangListeComplementaire: Not(IsNull()) }, select: { id: true } });
    const aEffacer = sorties.map((c) => c.id).filter((id) => !rangs.has(id));
    if (aEffacer.length > 0) await repo.update({ id: In(aEffacer) }, { rangListeComplementaire: null });
    for (const c of liste) {
      if (c.rangListeComplementaire !== rangs.get(c.id)) await repo.update({ id: c.id }, { rangListeComplementaire: rangs.get(c.id)! });
    }
  }
}
