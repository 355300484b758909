import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';
import { Candidat } from '../../candidat/entities/candidat.entity';
import { Candidature, StatutDossier } from '../../candidature/entities/candidature.entity';
import { AccesCandidatures } from '../../candidature/acces-candidatures';
import { avisCourants } from '../../candidature/etat-candidature';
import { Principal } from '../../common/auth/roles';
import { ValidationFailed } from '../../common/errors/domain-errors';
import { normalizeForSearch } from '../../common/text/normalize';
import { CentreCandidature } from '../../offre/entities/centre-candidature.entity';
import { Commission } from '../../offre/entities/commission.entity';
import { Formation } from '../../offre/entities/formation.entity';
import { Campagne } from '../../offre/entities/campagne.entity';
import { Avis } from '../../candidature/entities/avis.entity';
import { FiltresCandidaturesDto, SANS_AVIS, Tri } from './dto/liste-candidatures.dto';

/** A candidature as the staff list reads it: its place in the offer, the account, the identity, the current avis. */
export type LigneCandidature = Candidature & {
  formation: Formation & { commission: Commission & { centre: CentreCandidature } };
  compteCandidat: CompteCandidat;
  candidat?: Candidat | null;
  avisCourant?: Avis | null;
};

/** The filters with the campaign decided: the one asked, else the one in service. */
export type FiltresResolus = FiltresCandidaturesDto & { campagne: number };

/**
 * The sort keys, all columns of the candidature row (liste-candidature-colonnes.ts keeps the copies) so that an
 * index of candidature (campaign, live or cancelled, key) hands rows over in order and the LIMIT stops the read.
 * `formation` is the exception: the formation's code is not copied (see the note on the list).
 */
const COLONNES_TRI: Record<Tri, string> = {
  nom: 'c.nomRecherche',
  numeroDossier: 'c.numeroDossier',
  createdAt: 'c.createdAt',
  formation: 'f.code',
  statutDossier: 'c.statutDossier',
};

/** The statuts in the order of a file's life: MariaDB sorts its ENUM by position (this order); SQLite by text. */
const ORDRE_STATUT = [StatutDossier.AT, StatutDossier.RE, StatutDossier.IN, StatutDossier.CO];
const ORDRE_STATUT_SQLITE = "CASE c.statutDossier WHEN 'AT' THEN 1 WHEN 'RE' THEN 2 WHEN 'IN' THEN 3 ELSE 4 END";

/** Every candidature of the caller's scope (cancelled ones included), with what the list shows of it (the avis apart). */
export function candidaturesDuPerimetre(dataSource: DataSource | EntityManager, principal: Principal): SelectQueryBuilder<LigneCandidature> {
  const qb = dataSource
    .getRepository(Candidature)
    .createQueryBuilder('c')
    .innerJoinAndSelect('c.formation', 'f')
    .innerJoinAndSelect('f.commission', 'cm')
    .innerJoinAndSelect('cm.centre', 'ce')
    .innerJoinAndSelect('c.compteCandidat', 'cc')
    .leftJoinAndMapOne('c.candidat', Candidat, 'cd', 'cd.compteCandidatId = c.compteCandidatId') as SelectQueryBuilder<LigneCandidature>;
  return AccesCandidatures.restreindre(principal, qb, { centre: 'ce.code', commission: 'cm.code' });
}

/** The campaign a list shows: the one asked, else the one in service, else the latest. */
export async function resoudreFiltres(dataSource: DataSource, filtres: FiltresCandidaturesDto): Promise<FiltresResolus> {
  if (filtres.campagne !== undefined) return { ...filtres, campagne: filtres.campagne };
  const repo = dataSource.getRepository(Campagne);
  const campagne = (await repo.findOne({ where: { enService: true }, select: { id: true } })) ?? (await repo.findOne({ where: {}, order: { id: 'DESC' }, select: { id: true } }));
  return { ...filtres, campagne: campagne?.id ?? 0 };
}

/**
 * The candidatures of the caller's scope matching the filters, as one query: the scope is a condition of the query
 * (AccesCandidatures.restreindre), so pages, counts and exports never see a row outside it. Every filter is an
 * equality on a column of candidature that follows (campaign, live or cancelled) in one of its list indexes.
 */
export function requeteCandidatures(dataSource: DataSource | EntityManager, principal: Principal, filtres: FiltresResolus): SelectQueryBuilder<LigneCandidature> {
  const qb = candidaturesDuPerimetre(dataSource, principal);
  qb.andWhere('c.campagneId = :campagne', { campagne: filtres.campagne });
  // An equality (never IS NOT NULL, a range): the index's next column then comes in order.
  qb.andWhere(filtres.annulees ? 'c.nonAnnulee IS NULL' : 'c.nonAnnulee = 1');
  if (filtres.formationId !== undefined) qb.andWhere('c.formationId = :formationId', { formationId: filtres.formationId });
  if (filtres.commission !== undefined) qb.andWhere('cm.code = :commission', { commission: filtres.commission });
  if (filtres.centre !== undefined) qb.andWhere('ce.code = :centre', { centre: filtres.centre });
  if (filtres.statutDossier !== undefined) qb.andWhere('c.statutDossier = :statutDossier', { statutDossier: filtres.statutDossier });
  if (filtres.typeTraitement !== undefined) qb.andWhere('c.typeTraitement = :typeTraitement', { typeTraitement: filtres.typeTraitement });
  if (filtres.avis === SANS_AVIS) qb.andWhere('c.avisType IS NULL');
  else if (filtres.avis !== undefined) qb.andWhere('c.avisType = :avis', { avis: filtres.avis });
  // Booleans as 0/1: better-sqlite3 binds no JavaScript boolean, and both engines store 0/1.
  if (filtres.avisValide !== undefined) qb.andWhere('c.avisValide = :avisValide', { avisValide: filtres.avisValide ? 1 : 0 });
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
            mots.forEach((mot, i) => nom.andWhere(`(c.nomRecherche LIKE :debut${i} OR c.nomRecherche LIKE :mot${i})`, { [`debut${i}`]: `${mot}%`, [`mot${i}`]: `% ${mot}%` }));
          }),
        );
      }
      if (code) {
        w.orWhere('c.numeroDossier LIKE :numero', { numero: `${code}%` });
        w.orWhere('cd.ine = :ine', { ine: code });
      }
      if (mots.length === 0 && !code) w.where('1 = 0');
    }),
  );
}

/** Where a page ends in the list's order: the sort key's value and the id (the `apres` cursor, opaque to clients). */
export interface Curseur {
  cle: string | number | null;
  id: number;
}

export const encoderCurseur = (c: Curseur): string => Buffer.from(JSON.stringify([c.cle, c.id])).toString('base64url');

export function decoderCurseur(apres: string): Curseur {
  try {
    const [cle, id] = JSON.parse(Buffer.from(apres, 'base64url').toString('utf8')) as [unknown, unknown];
    if (Number.isInteger(id) && (cle === null || typeof cle === 'string' || typeof cle === 'number')) return { cle, id: id as number };
  } catch {
    // answered below
  }
  throw new ValidationFailed([{ field: 'apres', message: "n'est pas un curseur rendu par cette liste (champ suivant)" }]);
}

/** The value of the sort key of a row, as a cursor holds it (dates as ISO strings). */
export function cleDeTri(c: LigneCandidature, tri: Tri): string | number | null {
  switch (tri) {
    case 'nom':
      return c.nomRecherche;
    case 'numeroDossier':
      return c.numeroDossier;
    case 'createdAt':
      return c.createdAt.toISOString();
    case 'formation':
      return c.formation.code;
    case 'statutDossier':
      return ORDRE_STATUT.indexOf(c.statutDossier);
  }
}

const estSqlite = (qb: SelectQueryBuilder<LigneCandidature>) => qb.connection.options.type === 'better-sqlite3';

/**
 * The list's order: the chosen key, then id in the same direction, so pages never overlap or skip; with `apres`, the
 * rows after that cursor in this order (keyset: the index seeks there instead of counting rows from the start).
 */
export function trier(qb: SelectQueryBuilder<LigneCandidature>, tri: Tri = 'createdAt', ordre: 'asc' | 'desc' = 'desc', apres?: Curseur): SelectQueryBuilder<LigneCandidature> {
  const sens = ordre === 'asc' ? 'ASC' : 'DESC';
  const colonne = tri === 'statutDossier' && estSqlite(qb) ? ORDRE_STATUT_SQLITE : COLONNES_TRI[tri];
  if (apres) suivre(qb, tri, colonne, sens, apres);
  if (tri === 'statutDossier' && estSqlite(qb)) qb.addSelect(ORDRE_STATUT_SQLITE, 'ordre_statut');
  return qb.orderBy(tri === 'statutDossier' && estSqlite(qb) ? 'ordre_statut' : colonne, sens).addOrderBy('c.id', sens);
}

/** `(key, id)` strictly after the cursor in the order; NULL keys come first ascending, last descending (both engines). */
function suivre(qb: SelectQueryBuilder<LigneCandidature>, tri: Tri, colonne: string, sens: 'ASC' | 'DESC', apres: Curseur): void {
  const apresCle = sens === 'ASC' ? '>' : '<';
  let cle: unknown = apres.cle;
  let egal = `${colonne} = :cleCurseur`;
  let auDela = `${colonne} ${apresCle} :cleCurseur`;
  if (tri === 'statutDossier') {
    // Statuts compare by their place in a file's life, never as text: the ones after, by name (an index range).
    const rang = Number(apres.cle);
    const suivants = ORDRE_STATUT.filter((_, i) => (sens === 'ASC' ? i > rang : i < rang));
    cle = ORDRE_STATUT[rang] ?? StatutDossier.AT;
    egal = 'c.statutDossier = :cleCurseur';
    auDela = suivants.length > 0 ? 'c.statutDossier IN (:...statutsSuivants)' : '1 = 0';
    qb.setParameter('statutsSuivants', suivants);
  } else if (tri === 'createdAt' && typeof cle === 'string') {
    // As each engine stores a datetime (better-sqlite3 binds no Date).
    const createdAt = qb.expressionMap.mainAlias!.metadata.findColumnWithPropertyName('createdAt')!;
    cle = qb.connection.driver.preparePersistentValue(new Date(cle), createdAt);
  }
  qb.setParameter('cleCurseur', cle).setParameter('idCurseur', apres.id);
  if (cle === null) {
    qb.andWhere(sens === 'ASC' ? `((${colonne} IS NULL AND c.id > :idCurseur) OR ${colonne} IS NOT NULL)` : `(${colonne} IS NULL AND c.id < :idCurseur)`);
    return;
  }
  const nuls = sens === 'DESC' ? ` OR ${colonne} IS NULL` : '';
  qb.andWhere(`(${auDela} OR (${egal} AND c.id ${apresCle} :idCurseur)${nuls})`);
}

/** Sets each row's current avis (the latest of its history), one query for the page. */
export async function avecAvisCourant(em: EntityManager, rows: LigneCandidature[]): Promise<LigneCandidature[]> {
  const courants = await avisCourants(em, rows.map((c) => c.id));
  for (const c of rows) c.avisCourant = courants.get(c.id)?.dernier ?? null;
  return rows;
}

/** How many rows a count reads at most: beyond, the list says « more than BORNE_TOTAL ». */
export const BORNE_TOTAL = 1000;

/** The number of rows of the query, read up to BORNE_TOTAL + 1 in an index: `plusDe` when there are more. */
export async function compterBorne(qb: SelectQueryBuilder<LigneCandidature>): Promise<{ total: number; plusDe: boolean }> {
  const ids = qb.clone().select('c.id', 'id').orderBy().offset(undefined).limit(BORNE_TOTAL + 1);
  const [sql, params] = ids.getQueryAndParameters();
  const [{ n }] = (await qb.connection.query(`SELECT COUNT(*) AS n FROM (${sql}) t`, params)) as [{ n: number | string }];
  const total = Number(n);
  return total > BORNE_TOTAL ? { total: BORNE_TOTAL, plusDe: true } : { total, plusDe: false };
}
