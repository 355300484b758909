import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { STATUT_DOSSIER_LIBELLES, TYPE_TRAITEMENT_LIBELLES } from '../../candidature/candidature-rules';
import { TYPE_AVIS_LIBELLES } from '../../candidature/avis/avis-rules';
import { TypeAvis } from '../../candidature/entities/avis.entity';
import { StatutDossier } from '../../candidature/entities/candidature.entity';
import { Principal } from '../../common/auth/roles';
import { Clock, parisDate } from '../../common/clock/clock';
import { Cellule } from '../../common/csv/csv';
import { NotFound } from '../../common/errors/domain-errors';
import { TYPE_XLSX, xlsxEnFlux } from '../../common/xlsx/xlsx';
import { Campagne } from '../../offre/entities/campagne.entity';
import { TypeTraitement } from '../../offre/entities/formation.entity';
import { FichierExport } from '../fichier';
import { campagneDemandee, formationsDuPerimetre } from '../liste/requete-candidatures';
import { FORMATIONS_PAR_REQUETE, LigneAgregat, aliasAvis, aliasStatut, aliasTraitement, requeteAgregats, requeteAvisEnAttente } from './requete-statistiques';
import { ChiffresDto, LigneStatistiquesDto, Niveau, StatistiquesDto, StatistiquesQueryDto } from './statistiques.dto';

/** A formation of the scope as the offer query reads it. */
interface FormationOffre {
  id: number | string;
  code: string;
  libelle: string;
  capacite: number | string | null;
  actif: number | string | boolean;
  commissionCode: string;
  commissionLibelle: string;
  centreCode: string;
  centreLibelle: string;
}

const parValeur = <K extends string>(valeurs: K[], valeur: (k: K) => number): Record<K, number> =>
  Object.fromEntries(valeurs.map((k) => [k, valeur(k)])) as Record<K, number>;

const zero = (capacite: number | null): ChiffresDto => ({
  capacite,
  candidatures: 0,
  annulees: 0,
  statutsDossier: parValeur(Object.values(StatutDossier), () => 0),
  typesTraitement: parValeur(Object.values(TypeTraitement), () => 0),
  avis: { saisis: 0, valides: 0, publies: 0, parType: parValeur(Object.values(TypeAvis), () => 0) },
  confirmees: 0,
  desistees: 0,
  listeComplementaire: 0,
});

/** Adds `b`'s figures to `a` (capacities: the sum of those set, null while none is). */
function ajouter<T extends ChiffresDto>(a: T, b: ChiffresDto): T {
  a.capacite = a.capacite === null ? b.capacite : a.capacite + (b.capacite ?? 0);
  a.candidatures += b.candidatures;
  a.annulees += b.annulees;
  for (const k of Object.values(StatutDossier)) a.statutsDossier[k] += b.statutsDossier[k];
  for (const k of Object.values(TypeTraitement)) a.typesTraitement[k] += b.typesTraitement[k];
  for (const k of Object.values(TypeAvis)) a.avis.parType[k] += b.avis.parType[k];
  a.avis.saisis += b.avis.saisis;
  a.avis.valides += b.avis.valides;
  a.avis.publies += b.avis.publies;
  a.confirmees += b.confirmees;
  a.desistees += b.desistees;
  a.listeComplementaire += b.listeComplementaire;
  return a;
}

/** The live candidatures' figures of an aggregate line (published: validated, less those waiting for publication). */
function chiffresVivants(l: LigneAgregat, enAttente: number, capacite: number | null): ChiffresDto {
  const n = (alias: string) => Number(l[alias] ?? 0);
  return {
    ...zero(capacite),
    candidatures: Number(l.n),
    statutsDossier: parValeur(Object.values(StatutDossier), (s) => n(aliasStatut(s))),
    typesTraitement: parValeur(Object.values(TypeTraitement), (t) => n(aliasTraitement(t))),
    avis: { saisis: n('avisSaisis'), valides: n('avisValides'), publies: n('avisValides') - enAttente, parType: parValeur(Object.values(TypeAvis), (t) => n(aliasAvis(t))) },
    confirmees: n('confirmees'),
    desistees: n('desistees'),
    listeComplementaire: n('listeComplementaire'),
  };
}

/** The columns of the workbook after the places: header and value of a line's figures. */
const COLONNES_CHIFFRES: [entete: string, valeur: (c: ChiffresDto) => Cellule][] = [
  ['Capacité', (c) => c.capacite],
  ['Candidatures', (c) => c.candidatures],
  ['Annulées', (c) => c.annulees],
  ...Object.values(StatutDossier).map((s): [string, (c: ChiffresDto) => Cellule] => [`Dossier : ${STATUT_DOSSIER_LIBELLES[s]}`, (c) => c.statutsDossier[s]]),
  ...Object.values(TypeTraitement).map((t): [string, (c: ChiffresDto) => Cellule] => [`Traitement : ${TYPE_TRAITEMENT_LIBELLES[t]}`, (c) => c.typesTraitement[t]]),
  ['Avis saisis', (c) => c.avis.saisis],
  ['Avis validés', (c) => c.avis.valides],
  ['Avis publiés', (c) => c.avis.publies],
  ...Object.values(TypeAvis).map((t): [string, (c: ChiffresDto) => Cellule] => [`Avis : ${TYPE_AVIS_LIBELLES[t]}`, (c) => c.avis.parType[t]]),
  ['Confirmées', (c) => c.confirmees],
  ['Désistées', (c) => c.desistees],
  ['Sur liste complémentaire', (c) => c.listeComplementaire],
];

/** The place columns of each level: code and label of the centre, then of the commission, then of the formation. */
const COLONNES_PLACE: Record<Niveau, [entete: string, valeur: (l: LigneStatistiquesDto) => Cellule][]> = {
  centre: [
    ['Code centre', (l) => l.centre.code],
    ['Centre de candidature', (l) => l.centre.libelle],
  ],
  commission: [],
  formation: [],
};
COLONNES_PLACE.commission = [...COLONNES_PLACE.centre, ['Code commission', (l) => l.commission?.code ?? null], ['Commission', (l) => l.commission?.libelle ?? null]];
COLONNES_PLACE.formation = [...COLONNES_PLACE.commission, ['Code formation', (l) => l.formation?.code ?? null], ['Formation', (l) => l.formation?.libelle ?? null]];

/**
 * A campaign's statistics within the caller's scope (AccesCandidatures.restreindre, as the staff list), in a few
 * queries whatever the number of candidatures: the offer of the scope (at most its 2,000 formations), then for each
 * FORMATIONS_PAR_REQUETE of them the counts per formation (requeteAgregats) and the avis waiting for publication; the
 * lines of commissions and centres are the sums of their formations'.
 */
@Injectable()
export class StatistiquesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async statistiques(principal: Principal, query: StatistiquesQueryDto): Promise<StatistiquesDto> {
    const niveau = query.niveau ?? 'centre';
    const id = await campagneDemandee(this.dataSource, query.campagne);
    const campagne = await this.dataSource.getRepository(Campagne).findOne({ where: { id }, select: { id: true, code: true, libelle: true } });
    if (!campagne) {
      throw new NotFound('CAMPAGNE_INTROUVABLE', query.campagne === undefined ? "Aucune campagne n'existe encore." : `La campagne ${query.campagne} n'existe pas.`);
    }
    const offre = await formationsDuPerimetre(this.dataSource, principal, query)
      .addSelect(['f.id AS "id"', 'f.code AS "code"', 'f.libelle AS "libelle"', 'f.capacite AS "capacite"', 'f.actif AS "actif"'])
      .addSelect(['cm.code AS "commissionCode"', 'cm.libelle AS "commissionLibelle"', 'ce.code AS "centreCode"', 'ce.libelle AS "centreLibelle"'])
      .orderBy('ce.code')
      .addOrderBy('cm.code')
      .addOrderBy('f.code')
      .getRawMany<FormationOffre>();
    const ids = offre.map((f) => Number(f.id));
    const lots = Array.from({ length: Math.ceil(ids.length / FORMATIONS_PAR_REQUETE) }, (_, i) => ids.slice(i * FORMATIONS_PAR_REQUETE, (i + 1) * FORMATIONS_PAR_REQUETE));
    const agregats: LigneAgregat[] = [];
    const attente: { formationId: number | string; n: number | string }[] = [];
    for (const lot of lots) {
      const [a, b] = await Promise.all([
        requeteAgregats(this.dataSource, id, lot).getRawMany<LigneAgregat>(),
        requeteAvisEnAttente(this.dataSource, id, lot).getRawMany<{ formationId: number | string; n: number | string }>(),
      ]);
      agregats.push(...a);
      attente.push(...b);
    }
    const enAttente = new Map(attente.map((a) => [Number(a.formationId), Number(a.n)]));
    const parFormation = new Map<number, ChiffresDto>();
    for (const f of offre) if (Number(f.actif) === 1 || f.actif === true) parFormation.set(Number(f.id), zero(capaciteDe(f)));
    const capacites = new Map(offre.map((f) => [Number(f.id), capaciteDe(f)]));
    for (const l of agregats) {
      const formation = Number(l.formationId);
      const chiffres = parFormation.get(formation) ?? zero(capacites.get(formation) ?? null);
      parFormation.set(formation, chiffres);
      if (l.nonAnnulee === null) chiffres.annulees += Number(l.n);
      else ajouter(chiffres, chiffresVivants(l, enAttente.get(formation) ?? 0, null));
    }
    const lignes = new Map<string, LigneStatistiquesDto>();
    for (const f of offre) {
      const chiffres = parFormation.get(Number(f.id));
      if (!chiffres) continue;
      const cle = niveau === 'centre' ? f.centreCode : niveau === 'commission' ? f.commissionCode : String(f.id);
      const ligne = lignes.get(cle) ?? {
        ...zero(null),
        centre: { code: f.centreCode, libelle: f.centreLibelle },
        commission: niveau === 'centre' ? null : { code: f.commissionCode, libelle: f.commissionLibelle },
        formation: niveau === 'formation' ? { id: Number(f.id), code: f.code, libelle: f.libelle } : null,
      };
      lignes.set(cle, ajouter(ligne, chiffres));
    }
    const total = [...lignes.values()].reduce((t, l) => ajouter(t, l), zero(null));
    return { campagne: { id: campagne.id, code: campagne.code, libelle: campagne.libelle }, niveau, lignes: [...lignes.values()], total };
  }

  /** The same figures as a workbook: a row per line under a header row, then the total. */
  async exporter(principal: Principal, query: StatistiquesQueryDto): Promise<FichierExport> {
    const s = await this.statistiques(principal, query);
    const places = COLONNES_PLACE[s.niveau];
    const entetes = [...places.map(([entete]) => entete), ...COLONNES_CHIFFRES.map(([entete]) => entete)];
    const chiffres = (c: ChiffresDto) => COLONNES_CHIFFRES.map(([, valeur]) => valeur(c));
    const lignes = [...s.lignes.map((l) => [...places.map(([, valeur]) => valeur(l)), ...chiffres(l)]), ['Total', ...places.slice(1).map(() => null), ...chiffres(s.total)]];
    async function* pages(): AsyncGenerator<Cellule[][]> {
      yield lignes;
    }
    return { stream: xlsxEnFlux('Statistiques', entetes, pages()), type: TYPE_XLSX, nom: `statistiques-${s.campagne.code}-${s.niveau}-${parisDate(this.clock.now())}.xlsx` };
  }
}

const capaciteDe = (f: FormationOffre): number | null => (f.capacite === null ? null : Number(f.capacite));
