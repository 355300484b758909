import { EntityManager } from 'typeorm';
import { HistoriqueCandidature } from './entities/historique-candidature.entity';

/** What staff may do on a candidate's behalf, with the words the history shows. */
export const ACTIONS_HISTORIQUE = {
  PIECE_DEPOSEE: 'Pièce déposée pour le candidat',
  PIECE_NON_CONCERNE: 'Pièce déclarée « non concerné » pour le candidat',
  PIECE_RETIREE: 'Pièce retirée pour le candidat',
  CONFIRMATION: 'Admission confirmée pour le candidat',
  DESISTEMENT: 'Désistement pour le candidat',
  PROPOSITION: 'Proposition : candidature créée par la scolarité',
  RESTAURATION: 'Candidature annulée restaurée',
} as const;

export type ActionHistorique = keyof typeof ACTIONS_HISTORIQUE;

/** One line of the history as staff read it. */
export interface LigneHistorique {
  action: ActionHistorique;
  libelle: string;
  detail: string | null;
  /** Staff login */
  par: string;
  createdAt: string;
}

/** Records, in the caller's transaction, what a member of staff did on these candidatures for their candidate. */
export async function tracer(em: EntityManager, candidatureIds: number[], action: ActionHistorique, par: string, at: Date, detail: string | null = null): Promise<void> {
  if (candidatureIds.length === 0) return;
  await em.getRepository(HistoriqueCandidature).insert(candidatureIds.map((candidatureId) => ({ candidatureId, action, detail, par, createdAt: at })));
}

/** The history of a candidature, oldest first. */
export async function historiqueDe(em: EntityManager, candidatureId: number): Promise<LigneHistorique[]> {
  const rows = await em.getRepository(HistoriqueCandidature).find({ where: { candidatureId }, order: { createdAt: 'ASC', id: 'ASC' } });
  return rows.map((r) => ({ action: r.action as ActionHistorique, libelle: ACTIONS_HISTORIQUE[r.action as ActionHistorique] ?? r.action, detail: r.detail, par: r.par, createdAt: r.createdAt.toISOString() }));
}
