import type { Schemas } from '@client';
import { horodatage } from './outils';

export const STATUTS_RUN: Record<Schemas['JobRunDto']['status'], string> = { EN_COURS: 'En cours', SUCCES: 'Succès', ECHEC: 'Échec' };

/** What a run did, in one line: « Succès · 6 déc. 2026, 14:05:09 · envoyes 3, reportes 0 ». */
export function runLisible(run: Schemas['JobRunDto']): string {
  const comptes = run.counts ? Object.entries(run.counts).map(([nom, n]) => `${nom} ${n}`).join(', ') : '';
  return [STATUTS_RUN[run.status], horodatage(run.startedAt), comptes, run.error].filter(Boolean).join(' · ');
}
