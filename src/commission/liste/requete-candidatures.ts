import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';
import { Candidat } from '../../candidat/entities/candidat.entity';
import { Candidature, StatutDossier } from '../../candidature/entities/candidature.entity';
import { AccesCandidatures } from '../../candidature/acces-candidatures';
import { avisCourants, idDernierAvis } from '../../candidature/etat-candidature';
import { Principal } from '../../common/auth/roles';
import { ValidationFailed } from '../../common/errors/domain-errors';
import { normalizeForSearch } from '../../common/text/normalize';
import { CentreCandidature } from '../../offre/entities/centre-candidature.entity';
import { Commission } from '../../offre/entities/commission.entity';
import { Formation } from '../../offre/entities/formation.entity';
import { Campagne } from '../../offre/entities/campagne.entity';
import { Avis } from '../../candidature/entities/avis.entity';
import { LONGUEUR_MOT } from '../../candidature/entities/mot-recherche.entity';
import { FiltresCandidaturesDto, SANS_AVIS, Tri } from './dto/liste-candidatures.dto';
import { AccesEtiquettes } from '../etiquettes/acces-etiquettes';

/** A candidature as the staff list reads it: its place in the offer, the account, the identity, the current avis. */
export type LigneCandidature = Candidature & {
  formation: Formation & { commission: Commission & { centre: CentreCandidature } };
  compteCandidat: CompteCandidat;
  candidat?: Candidat | null;
  avisCourant?: Avis | null;
};

/**
 * The sort keys, all columns of the candidature row (liste-candidature-colonnes.ts keeps the copies) so that an
 * index of candidature (campaign, live or cancelled, key) hands rows over in order and the LIMIT stops the read.
 */
const COLONNES_TRI: Record<Tri, string> = {
  nom: 'c.nomRecherche',
  numeroDossier: 'c.numeroDossier',
  createdAt: 'c.createdAt',
  formation: 'c.formationCode',
  statutDossier: 'c.statutDossier',
};

/** The statuts in the order of a file's life: MariaDB sorts its ENUM by position (this order); SQLite by text. */
const ORDRE_STATUT = [StatutDossier.AT, StatutDossier.RE, StatutDossier.IN, StatutDossier.CO];
const ORDRE_STATUT_SQLITE = "CASE c.statutDossier WHEN 'AT' THEN 1 WHEN 'RE' THEN 2 WHEN 'IN' THEN 3 ELSE 4 END";

/**
 * The filters with the campaign decided and the formations the list may show (null: all of them), by id and by code
 * (one formation per code: sorted by formation, the codes bound the walk of the index that gives that order).
 */
export type FiltresResolus = FiltresCandidaturesDto & { campagne: number; formations: number[] | null; codesFormations: string[] | null };

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

/** The campaign a staff read is about: the one asked, else the one in service, else the latest (0: none at all). */
export async function campagneDemandee(dataSource: DataSource, campagne?: number): Promise<number> {
  const campagnes = dataSource.getRepository(Campagne);
  return (
    campagne ??
    ((await campagnes.findOne({ where: { enService: true }, select: { id: true } })) ?? (await campagnes.findOne({ where: {}, order: { id: 'DESC' }, select: { id: true } })))?.id ??
    0
  );
}

/**
 * The formations of the caller's scope (AccesCandidatures.restreindre) and of the centre and commission filters, as a
 * query of the offer (at most its 2,000 formations) joining `f` to its commission `cm` and centre `ce`, selecting nothing yet.
 */
export function formationsDuPerimetre(dataSource: DataSource, principal: Principal, filtres: { centre?: string; commission?: string }): SelectQueryBuilder<Formation> {
  const qb = dataSource.getRepository(Formation).createQueryBuilder('f').innerJoin('f.commission', 'cm').innerJoin('cm.centre', 'ce').select([]);
  AccesCandidatures.restreindre(principal, qb, { centre: 'ce.code', commission: 'cm.code' });
  if (filtres.commission !== undefined) qb.andWhere('cm.code = :commission', { commission: filtres.commission });
  if (filtres.centre !== undefined) qb.andWhere('ce.code = :centre', { centre: filtres.centre });
  return qb;
}

/**
 * What a list reads before its candidatures: the campaign (campagneDemandee) and the formations of the caller's scope
 * and of the centre and commission filters (formationsDuPerimetre), so that the list itself is a query of the
 * candidature table alone, which its indexes answer in order.
 */
export async function resoudreFiltres(dataSource: DataSource, principal: Principal, filtres: FiltresCandidaturesDto): Promise<FiltresResolus> {
  const campagne = await campagneDemandee(dataSource, filtres.campagne);
  // A label out of reach (another centre's) is refused, as it would be on a candidature.
  if (filtres.etiquette !== undefined) await AccesEtiquettes.utilisable(dataSource.manager, principal, filtres.etiquette);
  if (AccesCandidatures.partout(principal) && filtres.commission === undefined && filtres.centre === undefined) return { ...filtres, campagne, formations: null, codesFormations: null };
  const formations = await formationsDuPerimetre(dataSource, principal, filtres).addSelect('f.id', 'id').addSelect('f.code', 'code').getRawMany<{ id: number | string; code: string }>();
  return { ...filtres, campagne, formations: formations.map((f) => Number(f.id)), codesFormations: formations.map((f) => f.code) };
}

/**
 * The candidatures matching the filters, within the scope resolved by resoudreFiltres, as a query of the candidature
 * table alone, selecting the ids: every filter is a condition on its own columns (the search words and labels by a subquery), and
 * (campaign, live or cancelled) lead each of its list indexes, so pages, counts and exports read an index in order.
 */
export function requeteCandidatures(dataSource: DataSource | EntityManager, filtres: FiltresResolus): SelectQueryBuilder<Candidature> {
  const qb = dataSource.getRepository(Candidature).createQueryBuilder('c').select('c.id', 'id');
  qb.where('c.campagneId = :campagne', { campagne: filtres.campagne });
  // An equality (never IS NOT NULL, a range): the index's next column then comes in order.
  qb.andWhere(filtres.annulees ? 'c.nonAnnulee IS NULL' : 'c.nonAnnulee = 1');
  if (filtres.formations !== null) qb.andWhere(filtres.formations.length > 0 ? 'c.formationId IN (:...formations)' : '1 = 0', { formations: filtres.formations });
  if (filtres.formationId !== undefined) qb.andWhere('c.formationId = :formationId', { formationId: filtres.formationId });
  if (filtres.statutDossier !== undefined) qb.andWhere('c.statutDossier = :statutDossier', { statutDossier: filtres.statutDossier });
  if (filtres.typeTraitement !== undefined) qb.andWhere('c.typeTraitement = :typeTraitement', { typeTraitement: filtres.typeTraitement });
  if (filtres.avis === SANS_AVIS) qb.andWhere('c.avisType IS NULL');
  else if (filtres.avis !== undefined) qb.andWhere('c.avisType = :avis', { avis: filtres.avis });
  // Booleans as 0/1: better-sqlite3 binds no JavaScript boolean, and both engines store 0/1.
  if (filtres.avisValide !== undefined) qb.andWhere('c.avisValide = :avisValide', { avisValide: filtres.avisValide ? 1 : 0 });
  if (filtres.acceptee !== undefined) qb.andWhere('c.acceptee = :acceptee', { acceptee: filtres.acceptee ? 1 : 0 });
  // The label's candidatures, one seek of its unique index (etiquette, candidature).
  if (filtres.etiquette !== undefined) qb.andWhere('c.id IN (SELECT ec.candidature_id FROM etiquette_candidature ec WHERE ec.etiquette_id = :etiquette)', { etiquette: filtres.etiquette });
  if (filtres.q) rechercher(qb, filtres.q);
  return qb;
}

/** The rows of these candidatures as the list shows them, in this order (the scope checked again, the current avis loaded). */
export async function lignes(dataSource: DataSource, principal: Principal, ids: number[]): Promise<LigneCandidature[]> {
  if (ids.length === 0) return [];
  const rows = await candidaturesDuPerimetre(dataSource, principal).andWhere('c.id IN (:...ids)', { ids }).getMany();
  const parId = new Map(rows.map((c) => [c.id, c]));
  return avecAvisCourant(
    dataSource.manager,
    ids.map((id) => parId.get(id)).filter((c): c is LigneCandidature => c !== undefined),
  );
}

/**
 * A page of the list's ids: by offset, or after the cursor (then `page` is ignored). Sorted by formation within some
 * formations, the page names their codes too: the index (campaign, live, formation_code, …) is then read over those
 * codes' ranges only, in order, where it would otherwise walk every other formation's entries first.
 */
export function pageListe(
  requete: SelectQueryBuilder<Candidature>,
  filtres: Pick<FiltresResolus, 'codesFormations'>,
  q: { sort?: Tri; order?: 'asc' | 'desc'; page?: number; limit?: number },
  apres?: Curseur,
): SelectQueryBuilder<Candidature> {
  const limit = q.limit ?? 20;
  const page = requete.clone();
  if (q.sort === 'formation' && filtres.codesFormations !== null && filtres.codesFormations.length > 0) page.andWhere('c.formationCode IN (:...codesFormations)', { codesFormations: filtres.codesFormations });
  return trier(page, q.sort, q.order, apres)
    .offset(apres ? undefined : ((q.page ?? 1) - 1) * limit)
    .limit(limit);
}

/** Rows an export reads per query. */
export const TAILLE_PAGE_EXPORT = 1000;

/** An export's next page of ids: by the primary key, after the last one read (keyset). */
export function pageExport(dataSource: DataSource | EntityManager, filtres: FiltresResolus, apres: number): SelectQueryBuilder<Candidature> {
  return requeteCandidatures(dataSource, filtres).andWhere('c.id > :apres', { apres }).orderBy('c.id', 'ASC').limit(TAILLE_PAGE_EXPORT);
}

/** An export's statement for any page: its SQL, built once, and how to read the page after an id. */
export interface PagesExport<T> {
  /** The statement of the page after this id, and its parameters (EXPLAIN reads it too). */
  requete(apres: number): [string, unknown[]];
  lire(apres: number): Promise<T[]>;
}

/**
 * An export's pages of raw rows, one statement a page: the next TAILLE_PAGE_EXPORT ids of pageExport (the candidature
 * table alone, a derived table), joined to their rows within the caller's scope (candidaturesDuPerimetre) and to
 * their current avis (`a`) and to the rows `jointures` add, selecting `colonnes` (name → `alias.property`, aliases of candidaturesDuPerimetre, `a` or the jointures')
 * as plain values converted as each column's entity would hold them (dates, booleans), no entity built. TypeORM
 * builds the SQL once; each page only binds `apres`.
 */
export function pagesExport<T extends ObjectLiteral>(
  dataSource: DataSource,
  principal: Principal,
  filtres: FiltresResolus,
  colonnes: Partial<Record<keyof T & string, string>>,
  jointures: ((qb: SelectQueryBuilder<Candidature>) => void)[] = [],
): PagesExport<T> {
  const ids = pageExport(dataSource, filtres, 0);
  const qb = candidaturesDuPerimetre(dataSource, principal)
    .innerJoin(`(${ids.getQuery()})`, 'p', 'p.id = c.id', ids.getParameters())
    .leftJoin(Avis, 'a', `a.id = ${idDernierAvis('c.id')}`)
    .select([])
    .orderBy('c.id', 'ASC');
  for (const joindre of jointures) joindre(qb);
  const conversions: [string, ColumnMetadata][] = [];
  for (const [nom, colonne] of Object.entries(colonnes) as [string, string][]) {
    qb.addSelect(colonne, nom);
    const [alias, propriete] = colonne.split('.');
    conversions.push([nom, qb.expressionMap.findAliasByName(alias).metadata.findColumnWithPropertyName(propriete)!]);
  }
  const sql = qb.getQuery();
  const parametres = qb.getParameters();
  const driver = dataSource.driver;
  const requete = (apres: number) => driver.escapeQueryWithParameters(sql, { ...parametres, apres });
  return {
    requete,
    async lire(apres) {
      const rows = (await dataSource.query(...requete(apres))) as ObjectLiteral[];
      for (const row of rows) for (const [nom, colonne] of conversions) row[nom] = driver.prepareHydratedValue(row[nom], colonne);
      return rows as T[];
    },
  };
}

/** The ids of a query of requeteCandidatures, in its order. */
export async function idsDe(qb: SelectQueryBuilder<Candidature>): Promise<number[]> {
  return (await qb.getRawMany<{ id: number | string }>()).map((r) => Number(r.id));
}

/**
 * Text search as staff type it: every word is the start of one of the account's search words (mot_recherche: the
 * folded names, the numéro de dossier, the INE), so "elise mar" finds MARTIN Élise and "T0001" the numéros starting
 * so. Each word is a seek of the index (mot, account) joined to the query's rows by their account (`compte`: the
 * candidatures' by default, the accounts' for the search of accounts). Folded words hold only A-Z and 0-9, so nothing
 * in them is a LIKE wildcard.
 */
export function rechercher<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, q: string, compte = 'c.compteCandidatId'): void {
  const mots = normalizeForSearch(q).split(' ').filter(Boolean);
  if (mots.length === 0) qb.andWhere('1 = 0');
  mots.forEach((mot, i) =>
    qb.andWhere(`${compte} IN (SELECT m${i}.compte_candidat_id FROM mot_recherche m${i} WHERE m${i}.mot LIKE :mot${i})`, { [`mot${i}`]: `${mot.slice(0, LONGUEUR_MOT)}%` }),
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
      return c.formationCode;
    case 'statutDossier':
      return ORDRE_STATUT.indexOf(c.statutDossier);
  }
}

const estSqlite = (qb: SelectQueryBuilder<Candidature>) => qb.connection.options.type === 'better-sqlite3';

/**
 * The list's order: the chosen key, then id in the same direction, so pages never overlap or skip; with `apres`, the
 * rows after that cursor in this order (keyset: the index seeks there instead of counting rows from the start).
 */
export function trier(qb: SelectQueryBuilder<Candidature>, tri: Tri = 'createdAt', ordre: 'asc' | 'desc' = 'desc', apres?: Curseur): SelectQueryBuilder<Candidature> {
  const sens = ordre === 'asc' ? 'ASC' : 'DESC';
  const colonne = tri === 'statutDossier' && estSqlite(qb) ? ORDRE_STATUT_SQLITE : COLONNES_TRI[tri];
  if (apres) suivre(qb, tri, colonne, sens, apres);
  if (tri === 'statutDossier' && estSqlite(qb)) qb.addSelect(ORDRE_STATUT_SQLITE, 'ordre_statut');
  qb.orderBy(tri === 'statutDossier' && estSqlite(qb) ? 'ordre_statut' : colonne, sens);
  // One formation per code: the same order, which its index (…, formation_code, formation_id) then gives as it is.
  if (tri === 'formation') qb.addOrderBy('c.formationId', sens);
  return qb.addOrderBy('c.id', sens);
}

/** `(key, id)` strictly after the cursor in the order; NULL keys come first ascending, last descending (both engines). */
function suivre(qb: SelectQueryBuilder<Candidature>, tri: Tri, colonne: string, sens: 'ASC' | 'DESC', apres: Curseur): void {
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

/** The statement of the bounded count: at most BORNE_TOTAL + 1 ids of the query, counted. */
export function requeteCompte(qb: SelectQueryBuilder<ObjectLiteral>): [string, unknown[]] {
  const [sql, params] = qb.clone().orderBy().offset(undefined).limit(BORNE_TOTAL + 1).getQueryAndParameters();
  return [`SELECT COUNT(*) AS n FROM (${sql}) t`, params];
}

/** The number of rows of the query, read up to BORNE_TOTAL + 1 in an index: `plusDe` when there are more. */
export async function compterBorne(qb: SelectQueryBuilder<ObjectLiteral>): Promise<{ total: number; plusDe: boolean }> {
  const [{ n }] = (await qb.connection.query(...requeteCompte(qb))) as [{ n: number | string }];
  const total = Number(n);
  return total > BORNE_TOTAL ? { total: BORNE_TOTAL, plusDe: true } : { total, plusDe: false };
}
