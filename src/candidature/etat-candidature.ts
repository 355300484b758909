import { EntityManager } from 'typeorm';
import { parisDate } from '../common/clock/clock';
import { requetePreparee } from '../database/requete-preparee';
import { CandidatureComplete } from './acces-candidatures';
import { dateLimiteConfirmation } from './avis/avis-rules';
import { ActionAutomatique, ActionGestion, EtatCandidature, attendConfirmation, exigerPourTous, reglesDe } from './candidature-rules';
import { datesDe } from './dates-archivees';
import { Avis } from './entities/avis.entity';

/** The avis rows that make a candidature's state: the latest (what staff work on), validated, and published (what the candidate sees). */
export interface AvisCourants {
  dernier: Avis | null;
  dernierValide: Avis | null;
  dernierPublie: Avis | null;
}

const AUCUN: AvisCourants = { dernier: null, dernierValide: null, dernierPublie: null };

// With its type de décision, whose rules the state reads (candidature-rules.ts, reglesDe).
const avisDe = requetePreparee((em) =>
  em.getRepository(Avis).createQueryBuilder('a').leftJoinAndSelect('a.typeDecision', 'td').where('a.candidatureId IN (:...ids)').orderBy('a.id', 'ASC'),
);

/**
 * The same rule in SQL, for reads that join the current avis instead of loading the history: the id of the latest
 * avis row of the candidature whose id is `candidatureId` (an SQL expression), through avis_candidature_id_idx.
 */
export const idDernierAvis = (candidatureId: string): string => `(SELECT MAX(dernier.id) FROM avis dernier WHERE dernier.candidature_id = ${candidatureId})`;

/** The current avis of any number of candidatures, in one query (avis_candidature_id_idx). */
export async function avisCourants(em: EntityManager, ids: number[]): Promise<Map<number, AvisCourants>> {
  const courants = new Map<number, AvisCourants>();
  if (ids.length === 0) return courants;
  const rows = await avisDe(em, { ids });
  for (const a of rows) {
    const c = courants.get(a.candidatureId) ?? { ...AUCUN };
    c.dernier = a;
    if (a.valide) c.dernierValide = a;
    if (a.publieAt !== null) c.dernierPublie = a;
    courants.set(a.candidatureId, c);
  }
  return courants;
}

/** Until when a published decision waiting for the candidate's answer may be answered; null for any other decision. */
export function limiteDeReponse(c: CandidatureComplete, publie: Avis | null): string | null {
  if (!publie || publie.publieAt === null || !attendConfirmation(reglesDe(publie))) return null;
  return dateLimiteConfirmation(c, datesDe(c), parisDate(publie.publieAt));
}

/** The state the transition rules (candidature-rules.ts) read, from the candidature and its current avis. */
export function etatDe(c: CandidatureComplete, a: AvisCourants = AUCUN, piecesManquantes: string[] = []): EtatCandidature {
  return {
    statutDossier: c.statutDossier,
    annulee: c.nonAnnulee === null,
    archivee: c.datesArchivees !== null,
    demat: c.formation.demat,
    dateRetour: datesDe(c).dateRetour,
    piecesManquantes,
    typeTraitementValide: c.typeTraitementValide,
    dernierAvis: a.dernier && { type: a.dernier.type, valide: a.dernier.valide },
    avisValide: a.dernierValide?.type ?? null,
    favorable: a.dernierPublie !== null && attendConfirmation(reglesDe(a.dernierPublie)),
    acceptee: c.acceptee,
    limiteConfirmation: limiteDeReponse(c, a.dernierPublie),
  };
}

/**
 * The state of each candidature, from one avis query. `manquantes` gives the pièces still to provide, which only the
 * candidate's transmission reads.
 */
export async function etatsDe(em: EntityManager, candidatures: CandidatureComplete[], manquantes: Map<number, string[]> = new Map()): Promise<Map<number, EtatCandidature>> {
  const avis = await avisCourants(em, candidatures.map((c) => c.id));
  return new Map(candidatures.map((c) => [c.id, etatDe(c, avis.get(c.id), manquantes.get(c.id))]));
}

/** The rules' verdict on a staff or job action over these candidatures, all or nothing (a 422 naming each refused one). */
export async function exigerEtat(em: EntityManager, action: ActionGestion | ActionAutomatique, candidatures: CandidatureComplete[], today: string): Promise<void> {
  const etats = await etatsDe(em, candidatures);
  exigerPourTous(
    action,
    candidatures.map((c) => ({ id: c.id, etat: etats.get(c.id)! })),
    today,
  );
}
