import { DataSource, SelectQueryBuilder } from 'typeorm';
import { idDernierAvis } from '../../candidature/etat-candidature';
import { Avis, TypeAvis } from '../../candidature/entities/avis.entity';
import { Candidature, StatutDossier } from '../../candidature/entities/candidature.entity';
import { TypeTraitement } from '../../offre/entities/formation.entity';

/** What the aggregate of a formation's candidatures (live or cancelled ones) answers, every count as the engine gives it. */
export type LigneAgregat = { formationId: number | string; nonAnnulee: number | string | boolean | null; n: number | string } & Record<string, number | string | null>;

const nombre = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** Aliases of the conditional counts, by value: `statut_AT`, `traitement_AC`, `avis_FA`. */
export const aliasStatut = (s: StatutDossier) => `statut_${s}`;
export const aliasTraitement = (t: TypeTraitement) => `traitement_${t}`;
export const aliasAvis = (t: TypeAvis) => `avis_${t}`;

/**
 * Formations per statement: MariaDB turns a longer IN list (in_predicate_conversion_threshold, 1,000) into a join
 * that scans the whole index, every campaign's entries; up to this, each formation is a range of
 * candidature_statistiques_idx (formation, campaign, …) holding that campaign's entries only.
 */
export const FORMATIONS_PAR_REQUETE = 500;

/**
 * The counts of a campaign's candidatures for these formations (at most FORMATIONS_PAR_REQUETE), live and cancelled
 * apart: one GROUP BY over the candidature table alone and the columns it carries for the staff list (statut, type de
 * traitement, current avis and whether it is validated, answer, rank on the liste complémentaire), answered by
 * candidature_statistiques_idx alone, so no row is loaded and no other table read. Enum values are the code's own
 * constants, never input. Booleans compare with 0/1, as both engines store them.
 */
export function requeteAgregats(dataSource: DataSource, campagne: number, formations: number[]): SelectQueryBuilder<Candidature> {
  const qb = dataSource
    .getRepository(Candidature)
    .createQueryBuilder('c')
    .select('c.formationId', 'formationId')
    .addSelect('c.nonAnnulee', 'nonAnnulee')
    .addSelect('COUNT(*)', 'n');
  for (const s of Object.values(StatutDossier)) qb.addSelect(nombre(`c.statutDossier = '${s}'`), aliasStatut(s));
  for (const t of Object.values(TypeTraitement)) qb.addSelect(nombre(`c.typeTraitement = '${t}'`), aliasTraitement(t));
  for (const t of Object.values(TypeAvis)) qb.addSelect(nombre(`c.avisType = '${t}'`), aliasAvis(t));
  qb.addSelect('COUNT(c.avisType)', 'avisSaisis')
    .addSelect(nombre('c.avisValide = 1'), 'avisValides')
    .addSelect(nombre('c.acceptee = 1'), 'confirmees')
    .addSelect(nombre('c.acceptee = 0'), 'desistees')
    .addSelect('COUNT(c.rangListeComplementaire)', 'listeComplementaire')
    .where('c.formationId IN (:...formations)', { formations })
    .andWhere('c.campagneId = :campagne', { campagne });
  return qb.groupBy('c.formationId').addGroupBy('c.nonAnnulee');
}

/**
 * Per formation (of these), the live candidatures whose current avis is validated but not published yet (waiting for the
 * formation's publication date): published = validated − these. The avis index (valide, publie_at) hands over only
 * those waiting, a handful, where counting the published ones would join every candidature to its latest avis.
 */
export function requeteAvisEnAttente(dataSource: DataSource, campagne: number, formations: number[]): SelectQueryBuilder<Avis> {
  const qb = dataSource
    .getRepository(Avis)
    .createQueryBuilder('a')
    .innerJoin(Candidature, 'c', 'c.id = a.candidatureId')
    .select('c.formationId', 'formationId')
    .addSelect('COUNT(*)', 'n')
    .where('a.valide = 1')
    .andWhere('a.publieAt IS NULL')
    .andWhere(`a.id = ${idDernierAvis('a.candidature_id')}`)
    .andWhere('c.campagneId = :campagne', { campagne })
    .andWhere('c.nonAnnulee = 1')
    .andWhere('c.formationId IN (:...formations)', { formations });
  return qb.groupBy('c.formationId');
}
