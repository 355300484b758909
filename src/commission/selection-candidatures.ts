import { EntityManager, In } from 'typeorm';
import { CandidatureComplete } from '../candidature/candidature.service';
import { Candidature } from '../candidature/entities/candidature.entity';
import { PerimetreCandidatures } from '../candidature/perimetre-candidatures';
import { Principal } from '../common/auth/roles';
import { BusinessRule, Forbidden, NotFound } from '../common/errors/domain-errors';
import { lockRows } from '../database/row-lock';

export type CandidatureAvecCompte = CandidatureComplete & { compteCandidat: NonNullable<Candidature['compteCandidat']> };

/**
 * What a staff action may do with the candidatures it names: `lecture` reads those of the caller's scope; `saisie`
 * (avis) also changes them, commission members included; `gestion` (statuts, validations, type de traitement) is for
 * gestionnaires of the candidature's centre, scolarité centrale and admin.
 */
export type Usage = 'lecture' | 'saisie' | 'gestion';

const idsListe = (ids: number[]) => [...ids].sort((a, b) => a - b).join(', ');

/**
 * The candidatures named, all or nothing: 404 naming those that do not exist or are out of the caller's scope (as if
 * they did not exist), 422 naming cancelled or archived ones when they are to be changed. Changing ones are locked
 * first, in the caller's transaction.
 */
export async function selectionner(em: EntityManager, principal: Principal, ids: number[], usage: Usage): Promise<CandidatureAvecCompte[]> {
  if (usage === 'gestion' && !PerimetreCandidatures.gere(principal)) {
    throw new Forbidden('GESTION_RESERVEE', 'Les membres de commission consultent les candidatures et saisissent des avis ; le reste revient aux gestionnaires et à la scolarité.');
  }
  if (usage !== 'lecture') await lockRows(em, Candidature, { id: In(ids) });
  const rows = (await em.getRepository(Candidature).find({ where: { id: In(ids) }, relations: { formation: { commission: { centre: true } }, compteCandidat: true } })) as CandidatureAvecCompte[];
  const permis = usage === 'gestion' ? PerimetreCandidatures.gereCandidature : PerimetreCandidatures.couvre;
  const visibles = rows.filter((c) => permis(principal, { centre: c.formation.commission.centre.code, commission: c.formation.commission.code }));
  const introuvables = ids.filter((id) => !visibles.some((c) => c.id === id));
  if (introuvables.length > 0) {
    throw new NotFound(
      'CANDIDATURE_INTROUVABLE',
      introuvables.length === 1
        ? `La candidature ${introuvables[0]} n'existe pas ou n'est pas de votre périmètre : rien n'a été modifié.`
        : `Ces candidatures n'existent pas ou ne sont pas de votre périmètre : ${idsListe(introuvables)}. Rien n'a été modifié.`,
    );
  }
  if (usage === 'lecture') return visibles;
  const annulees = visibles.filter((c) => c.nonAnnulee === null).map((c) => c.id);
  const archivees = visibles.filter((c) => c.nonAnnulee !== null && c.datesArchivees !== null).map((c) => c.id);
  if (annulees.length + archivees.length > 0) {
    const raisons = [annulees.length > 0 ? `annulées : ${idsListe(annulees)}` : null, archivees.length > 0 ? `d'une campagne archivée : ${idsListe(archivees)}` : null].filter(Boolean);
    throw new BusinessRule('CANDIDATURE_NON_MODIFIABLE', `Ces candidatures ne peuvent plus être modifiées (${raisons.join(' ; ')}). Rien n'a été modifié.`);
  }
  return visibles;
}
