import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';
import { Candidat } from '../../candidat/entities/candidat.entity';
import { Candidature } from '../../candidature/entities/candidature.entity';
import { AccesCandidatures } from '../../candidature/acces-candidatures';
import { Principal } from '../../common/auth/roles';
import { normalizeForSearch } from '../../common/text/normalize';
import { CentreCandidature } from '../../offre/entities/centre-candidature.entity';
import { Commission } from '../../offre/entities/commission.entity';
import { Formation } from '../../offre/entities/formation.entity';
import { Avis } from '../../candidature/entities/avis.entity';
import { FiltresCandidaturesDto, SANS_AVIS, Tri } from './dto/liste-candidatures.dto';

/** A candidature as the staff list reads it: its place in the offer, the account, the identity, the current avis. */
export type LigneCandidature = Candidature & {
  formation: Formation & { commission: Commission & { centre: CentreCandidature } };
  compteCandidat: CompteCandidat;
  candidat?: Candidat | null;
  avisCourant?: Avis | null;
};

/** The current avis is the latest row of the candidature's history (avis_candidature_id_idx answers the MAX). */
const AVIS_COURANT = 'a.id = (SELECT MAX(a2.id) FROM avis a2 WHERE a2.candidature_id = c.id)';

const COLONNES_TRI: Record<Tri, string> = {
  nom: 'cd.nomRecherche',
  numeroDossier: 'cc.numeroDossier',
  createdAt: 'c.createdAt',
  formation: 'f.code',
  statutDossier: 'ordre_statut',
};

/** The statuts in the order of a file's life, the same on both engines (MariaDB sorts an ENUM by position, SQLite by text) */
const ORDRE_STATUT = "CASE c.statutDossier WHEN 'AT' THEN 1 WHEN 'RE' THEN 2 WHEN 'IN' THEN 3 ELSE 4 END";

/** Every candidature of the caller's scope (cancelled ones included), with what the list shows of it. */
export function candidaturesDuPerimetre(dataSource: DataSource, principal: Principal): SelectQueryBuilder<LigneCandidature> {
  const qb = dataSource
    .getRepository(Candidature)
    .createQueryBuilder('c')
    .innerJoinAndSelect('c.formation', 'f')
    .innerJoinAndSelect('f.commission', 'cm')
    .innerJoinAndSelect('cm.centre', 'ce')
    .innerJoinAndSelect('c.compteCandidat', 'cc')
    .leftJoinAndMapOne('c.candidat', Candidat, 'cd', 'cd.compteCandidatId = c.compteCandidatId')
    .leftJoinAndMapOne('c.avisCourant', Avis, 'a', AVIS_COURANT) as SelectQueryBuilder<LigneCandidature>;
  return AccesCandidatures.restreindre(principal, qb, { centre: 'ce.code', commission: 'cm.code' });
}

/**
 * The candidatures of the caller's scope matching the filters, as one query: the scope is a condition of the query
 * (AccesCandidatures.restreindre), so pages, counts and exports never see a row outside it.
 */
export function requeteCandidatures(dataSource: DataSource, principal: Principal, filtres: FiltresCandidaturesDto): SelectQueryBuilder<LigneCandidature> {
  const qb = candidaturesDuPerimetre(dataSource, principal);
  qb.andWhere(filtres.annulees ? 'c.nonAnnulee IS NULL' : 'c.nonAnnulee IS NOT NULL');
  if (filtres.formationId !== undefined) qb.andWhere('c.formationId = :formationId', { formationId: filtres.formationId });
  if (filtres.commission !== undefined) qb.andWhere('cm.code = :commission', { commission: filtres.commission });
  if (filtres.centre !== undefined) qb.andWhere('ce.code = :centre', { centre: filtres.centre });
  if (filtres.statutDossier !== undefined) qb.andWhere('c.statutDossier = :statutDossier', { statutDossier: filtres.statutDossier });
  if (filtres.typeTraitement !== undefined) qb.andWhere('c.typeTraitement = :typeTraitement', { typeTraitement: filtres.typeTraitement });
  if (filtres.avis === SANS_AVIS) qb.andWhere('a.id IS NULL');
  else if (filtres.avis !== undefined) qb.andWhere('a.type = :avis', { avis: filtres.avis });
  // Booleans as 0/1: better-sqlite3 binds no JavaScript boolean, and both engines store 0/1.
  if (filtres.avisValide !== undefined) qb.andWhere('a.valide = :avisValide', { avisValide: filtres.avisValide ? 1 : 0 });
  if (filtres.acceptee !== undefined) qb.andWhere('c.acceptee = :acceptee', { acceptee: filtres.acceptee ? 1 : 0 });
  if (filtres.q) rechercher(qb, filtres.q);
  return qb;
}

/**
 * Text search as staff type it: every word is the start of a word of the folded name (nom de naissance, nom
 * d'usage, prénom: "elise mar" finds MARTIN Élise), or the beginning of a numéro de dossier, or a whole INE.
 * Folded and numéro terms hold only A-Z, 0-9 and spaces, so nothing in them is a LIKE wildcard.
 */
function rechercher(qb: SelectQueryBuilder<LigneCandidature>, q: string): void {
  const mots = normalizeForSearch(q).split(' ').filter(Boolean);
  const compact = q.replace(/\s/g, '').toUpperCase();
  const code = /^[A-Z0-9]+$/.test(compact) ? compact : null;
  qb.andWhere(
    new Brackets((w) => {
      if (mots.length > 0) {
        w.orWhere(
          new Brackets((nom) => {
            mots.forEach((mot, i) => nom.andWhere(`(cd.nomRecherche LIKE :debut${i} OR cd.nomRecherche LIKE :mot${i})`, { [`debut${i}`]: `${mot}%`, [`mot${i}`]: `% ${mot}%` }));
          }),
        );
      }
      if (code) {
        w.orWhere('cc.numeroDossier LIKE :numero', { numero: `${code}%` });
        w.orWhere('cd.ine = :ine', { ine: code });
      }
      if (mots.length === 0 && !code) w.where('1 = 0');
    }),
  );
}

/** The list's order: the chosen key, then id in the same direction, so pages never overlap or skip. */
export function trier(qb: SelectQueryBuilder<LigneCandidature>, tri: Tri = 'createdAt', ordre: 'asc' | 'desc' = 'desc'): SelectQueryBuilder<LigneCandidature> {
  const sens = ordre === 'asc' ? 'ASC' : 'DESC';
  if (tri === 'statutDossier') qb.addSelect(ORDRE_STATUT, 'ordre_statut');
  return qb.orderBy(COLONNES_TRI[tri], sens).addOrderBy('c.id', sens);
}
