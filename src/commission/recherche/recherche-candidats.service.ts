import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';
import { Candidat, Civilite } from '../../candidat/entities/candidat.entity';
import { Principal } from '../../common/auth/roles';
import { toPage } from '../../common/pagination/page';
import { cleIdentifiant, cleNumeroDossier } from '../../common/text/cle-identifiant';
import { compterBorne, rechercher, resoudreFiltres } from '../liste/requete-candidatures';
import { CandidatTrouveDto, CandidatTrouvePage, RechercheCandidatsQueryDto } from './dto/recherche-candidats.dto';

interface LigneCompte {
  id: number | string;
  numeroDossier: string;
  email: string;
  campagne: number | string;
  active: number | boolean;
  nomCompte: string;
  prenomCompte: string;
  civilite: Civilite | null;
  nomNaissance: string | null;
  nomUsage: string | null;
  prenom: string | null;
  dateNaissance: string | Date | null;
  ine: string | null;
}

/**
 * The accounts matching the criteria, of the campaign, within the scope (`formations`: those of resoudreFiltres, null
 * for everywhere), selecting what an item shows; unordered and unpaginated (the page and the count add those).
 */
export function requeteRecherche(dataSource: DataSource, campagne: number, formations: number[] | null, query: RechercheCandidatsQueryDto): SelectQueryBuilder<CompteCandidat> {
  const qb = dataSource
    .getRepository(CompteCandidat)
    .createQueryBuilder('cc')
    .leftJoin(Candidat, 'cd', 'cd.compteCandidatId = cc.id')
    .select([
      'cc.id AS "id"',
      'cc.numeroDossier AS "numeroDossier"',
      'cc.email AS "email"',
      'cc.campagneId AS "campagne"',
      'cc.active AS "active"',
      'cc.nom AS "nomCompte"',
      'cc.prenom AS "prenomCompte"',
      'cd.civilite AS "civilite"',
      'cd.nomNaissance AS "nomNaissance"',
      'cd.nomUsage AS "nomUsage"',
      'cd.prenom AS "prenom"',
      'cd.dateNaissance AS "dateNaissance"',
      'cd.ine AS "ine"',
    ])
    .where('cc.campagneId = :campagne', { campagne });
  if (query.q !== undefined) rechercher(qb, query.q, 'cc.id');
  if (query.ine !== undefined) qb.andWhere('cd.campagneId = :campagne AND cd.ine = :ine', { ine: query.ine.toUpperCase() });
  if (query.email !== undefined) qb.andWhere('cc.emailNormalise = :email', { email: cleIdentifiant(query.email) });
  if (query.numero !== undefined) qb.andWhere('cc.numeroDossier = :numero', { numero: cleNumeroDossier(query.numero) });
  if (query.avecCandidature !== undefined) qb.andWhere(`${query.avecCandidature ? '' : 'NOT '}EXISTS (SELECT 1 FROM candidature ca WHERE ca.compte_candidat_id = cc.id)`);
  // The scope: a candidature (cancelled ones included, as for reading the file) in one of the caller's formations.
  if (formations !== null) {
    qb.andWhere(
      formations.length > 0 ? 'EXISTS (SELECT 1 FROM candidature cp WHERE cp.compte_candidat_id = cc.id AND cp.formation_id IN (:...perimetre))' : '1 = 0',
      { perimetre: formations },
    );
  }
  return qb;
}

/** A page of the search: newest accounts first, which the index (campaign, id) gives in order. */
export function pageRecherche(qb: SelectQueryBuilder<CompteCandidat>, query: RechercheCandidatsQueryDto): SelectQueryBuilder<CompteCandidat> {
  const limit = query.limit ?? 20;
  return qb
    .clone()
    .orderBy('cc.id', 'DESC')
    .offset(((query.page ?? 1) - 1) * limit)
    .limit(limit);
}

/**
 * Staff search of candidates' accounts, with or without candidature: scolarité centrale and admin search them all; a
 * gestionnaire only the accounts with a candidature in their scope (the list's formations, resoudreFiltres), as a
 * condition of the query. Every criterion is an index seek: the words by mot_recherche (mot, account), the INE by
 * candidat (campaign, INE), the e-mail by compte_candidat (campaign, e-mail key), the numéro by its unique index;
 * pages walk the campaign's accounts newest first by (campaign, id).
 */
@Injectable()
export class RechercheCandidatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rechercher(principal: Principal, query: RechercheCandidatsQueryDto): Promise<CandidatTrouvePage> {
    const { campagne, formations } = await resoudreFiltres(this.dataSource, principal, { campagne: query.campagne });
    const qb = requeteRecherche(this.dataSource, campagne, formations, query);
    const [rows, { total, plusDe }] = await Promise.all([pageRecherche(qb, query).getRawMany<LigneCompte>(), compterBorne(qb.clone().select('cc.id', 'id'))]);
    const candidatures = await this.candidaturesLisibles(
      rows.map((r) => Number(r.id)),
      formations,
    );
    return { ...toPage(rows.map((r) => item(r, candidatures.get(Number(r.id)) ?? 0)), total, query), plusDe };
  }

  /** The live candidatures of these accounts the caller may read, counted in one statement. */
  private async candidaturesLisibles(comptes: number[], formations: number[] | null): Promise<Map<number, number>> {
    if (comptes.length === 0 || formations?.length === 0) return new Map();
    const qb = this.dataSource
      .createQueryBuilder()
      .select('c.compte_candidat_id', 'compte')
      .addSelect('COUNT(*)', 'n')
      .from('candidature', 'c')
      .where('c.compte_candidat_id IN (:...comptes)', { comptes })
      .andWhere('c.non_annulee = 1')
      .groupBy('c.compte_candidat_id');
    if (formations !== null) qb.andWhere('c.formation_id IN (:...perimetre)', { perimetre: formations });
    const rows = await qb.getRawMany<{ compte: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.compte), Number(r.n)]));
  }
}

function item(r: LigneCompte, candidatures: number): CandidatTrouveDto {
  const identite = r.nomNaissance !== null;
  return {
    numeroDossier: r.numeroDossier,
    email: r.email,
    campagne: Number(r.campagne),
    active: Boolean(Number(r.active)),
    civilite: r.civilite,
    nom: identite ? (r.nomUsage ?? r.nomNaissance!) : r.nomCompte,
    prenom: identite ? r.prenom! : r.prenomCompte,
    // A raw DATE: text on SQLite, a Date at local midnight from mysql2, as TypeORM itself reads it.
    dateNaissance: r.dateNaissance === null ? null : DateUtils.mixedDateToDateString(r.dateNaissance),
    ine: r.ine,
    candidatures,
  };
}
