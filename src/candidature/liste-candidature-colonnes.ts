import { EntityManager, In } from 'typeorm';
import { CompteCandidat } from '../auth/entities/compte-candidat.entity';
import { Candidat } from '../candidat/entities/candidat.entity';
import { normalizeForSearch } from '../common/text/normalize';
import { Candidature } from './entities/candidature.entity';
import { LONGUEUR_MOT, MotRecherche } from './entities/mot-recherche.entity';
import { idDernierAvis } from './etat-candidature';

/**
 * The copies the staff list reads on the candidature row (avis_type, avis_valide, nom_recherche, formation_code), and the words it
 * searches an account by (mot_recherche), written here and only here, always recomputed from their source after the
 * change: the latest row of the avis history, the identity's folded name, its INE, the numéro de dossier, the
 * formation's code. SQL valid
 * on both engines; also the migrations' backfill.
 */
const DERNIER_AVIS = (colonne: string) => `(SELECT a.${colonne} FROM avis a WHERE a.id = ${idDernierAvis('candidature.id')})`;
export const AVIS_COURANT_SQL = `avis_type = ${DERNIER_AVIS('type')}, avis_valide = ${DERNIER_AVIS('valide')}`;
const NOM_CANDIDAT = '(SELECT cd.nom_recherche FROM candidat cd WHERE cd.compte_candidat_id = candidature.compte_candidat_id)';
export const NOM_RECHERCHE_SQL = `nom_recherche = ${NOM_CANDIDAT}`;
/**
 * The formation's code, read in the statement that writes the copy: on MariaDB a read inside a write is a locking
 * read, so an apply and a change of the code never cross (the later one sees the other's commit).
 */
const CODE_FORMATION = (formationId: string, formation = 'formation') => `(SELECT f.code FROM ${formation} f WHERE f.id = ${formationId})`;
export const CODE_FORMATION_SQL = `formation_code = ${CODE_FORMATION('candidature.formation_id')}`;

/** The value of nom_recherche for a new candidature of this account, read in the INSERT (an integer id: no parameter to bind). */
export const nomRechercheCopie = (compteCandidatId: number) => () => `(SELECT cd.nom_recherche FROM candidat cd WHERE cd.compte_candidat_id = ${Math.trunc(compteCandidatId)})`;

/** The value of formation_code for a new candidature of this formation (an integer id: no parameter to bind). */
export const codeFormationCopie = (formationId: number) => () => CODE_FORMATION(String(Math.trunc(formationId)));

/** After a formation's code changed (in the same transaction). */
export async function reporterCodeFormation(em: EntityManager, formationId: number): Promise<void> {
  await em
    .createQueryBuilder()
    .update(Candidature)
    // Quoted: in an UPDATE of candidature, TypeORM rewrites a bare `formation` (a relation's name) as formation_id.
    .set({ formationCode: () => CODE_FORMATION(String(Math.trunc(formationId)), em.connection.driver.escape('formation')) })
    .where({ formationId })
    .execute();
}

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

/** On a new candidature (its account's words are already there: an identity is needed to apply). */
export async function reporterNomRecherche(em: EntityManager, compteCandidatId: number): Promise<void> {
  await em
    .createQueryBuilder()
    .update(Candidature)
    .set({ nomRecherche: () => NOM_CANDIDAT })
    .where({ compteCandidatId })
    .execute();
}

/**
 * The words of an account staff search it by: each word of the folded names (the identity's, and the name typed when
 * the account was opened, which is all there is before the identity is filled), the numéro de dossier, the INE.
 */
export function motsRecherche(source: { numeroDossier: string; nomRecherche?: string | null; ine?: string | null; nomCompte?: string | null }): string[] {
  const texte = normalizeForSearch([source.numeroDossier, source.nomRecherche, source.ine, source.nomCompte].filter(Boolean).join(' '));
  return [...new Set(texte.split(' ').filter(Boolean).map((mot) => mot.slice(0, LONGUEUR_MOT)))];
}

/** After the candidate's identity was written: the name on the candidatures and the account's search words. */
export async function reporterIdentite(em: EntityManager, compteCandidatId: number): Promise<void> {
  await reporterNomRecherche(em, compteCandidatId);
  await reporterMots(em, compteCandidatId);
}

/** The account's search words, recomputed from the account and its identity: on opening an account, after an identity. */
export async function reporterMots(em: EntityManager, compteCandidatId: number): Promise<void> {
  const source = await em
    .createQueryBuilder(CompteCandidat, 'cc')
    .leftJoin(Candidat, 'cd', 'cd.compteCandidatId = cc.id')
    .select(['cc.numeroDossier AS "numeroDossier"', 'cc.nom AS "nom"', 'cc.prenom AS "prenom"', 'cd.nomRecherche AS "nomRecherche"', 'cd.ine AS "ine"'])
    .where('cc.id = :compteCandidatId', { compteCandidatId })
    .getRawOne<{ numeroDossier: string; nom: string; prenom: string; nomRecherche: string | null; ine: string | null }>();
  if (!source) return;
  await ecrireMots(em, compteCandidatId, motsRecherche({ ...source, nomCompte: `${source.nom} ${source.prenom}` }));
}

/** The words of an account just opened (in its transaction): its numéro and the name typed, until an identity adds more. */
export async function motsNouveauCompte(em: EntityManager, compte: { id: number; numeroDossier: string; nom: string; prenom: string }): Promise<void> {
  const mots = motsRecherche({ numeroDossier: compte.numeroDossier, nomCompte: `${compte.nom} ${compte.prenom}` });
  await em.insert(MotRecherche, mots.map((mot) => ({ compteCandidatId: compte.id, mot })));
}

/** Replaces the account's words, in one transaction (two identity writes at once leave the words of the last one). */
export async function ecrireMots(em: EntityManager, compteCandidatId: number, mots: string[]): Promise<void> {
  await em.transaction(async (tx) => {
    await tx.delete(MotRecherche, { compteCandidatId });
    if (mots.length > 0) await tx.insert(MotRecherche, mots.map((mot) => ({ compteCandidatId, mot })));
  });
}
