import { EntityManager, In } from 'typeorm';
import { Candidature } from './entities/candidature.entity';
import { idDernierAvis } from './etat-candidature';

/**
 * The copies the staff list reads on the candidature row (avis_type, avis_valide, nom_recherche), written here and
 * only here, always recomputed from their source in the same transaction as the change: the latest row of the avis
 * history, the identity's folded name. SQL valid on both engines; also the migration's backfill.
 */
const DERNIER_AVIS = (colonne: string) => `(SELECT a.${colonne} FROM avis a WHERE a.id = ${idDernierAvis('candidature.id')})`;
export const AVIS_COURANT_SQL = `avis_type = ${DERNIER_AVIS('type')}, avis_valide = ${DERNIER_AVIS('valide')}`;
const NOM_CANDIDAT = '(SELECT cd.nom_recherche FROM candidat cd WHERE cd.compte_candidat_id = candidature.compte_candidat_id)';
export const NOM_RECHERCHE_SQL = `nom_recherche = ${NOM_CANDIDAT}`;

/** After any write to the avis of these candidatures (entered, validated, deleted, promotion). */
export async function reporterAvisCourant(em: EntityManager, candidatureIds: number[]): Promise<void> {
  if (candidatureIds.length === 0) return;
  await em
    .createQueryBuilder()
    .update(Candidature)
    .set({ avisType: () => DERNIER_AVIS('type'), avisValide: () => DERNIER_AVIS('valide') })
    .where({ id: In([...new Set(candidatureIds)]) })
    .execute();
}

/** After the candidate's identity was written, and on a new candidature. */
export async function reporterNomRecherche(em: EntityManager, compteCandidatId: number): Promise<void> {
  await em
    .createQueryBuilder()
    .update(Candidature)
    .set({ nomRecherche: () => NOM_CANDIDAT })
    .where({ compteCandidatId })
    .execute();
}
