import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import communesData from '@etalab/decoupage-administratif/data/communes.json';
import { DataSource, In } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { normalizeForSearch } from '../common/text/normalize';
import { LigneAnnuaire, SourceAnnuaire, lireAnnuaire } from './annuaire/lecture-annuaire';
import { Commune, Etablissement, StatutEtablissement, TypeEtablissement } from './entities';
import { ReferentielService } from './referentiel.service';

/** What an import did, line by line of the file. */
export interface BilanImportEtablissements {
  /** Lines read (header excluded) */
  lues: number;
  creees: number;
  modifiees: number;
  /** Already there, identical */
  inchangees: number;
  /** Kinds a candidate never names (écoles, collèges, services…), counted by the file's type */
  ignorees: Record<string, number>;
  /** Lines left out because of a bad UAI, an empty name or a commune code absent from the COG, first ones given */
  rejetees: number;
  exemplesRejets: string[];
  /** With desactiverAbsents: rows of the same kind the file no longer lists, now inactive */
  desactivees: number;
  dureeMs: number;
}

const UAI = /^\d{7}[A-Z]$/;
/** Rows read, checked and written per transaction: bounded by the placeholder limits of both engines (9 columns). */
const LOT = 500;
const COLONNES_MAJ = ['libelle', 'type', 'commune_code', 'departement_code', 'libelle_recherche', 'statut', 'actif', 'maj_le'];

interface EtablissementLu {
  code: string;
  libelle: string;
  type: TypeEtablissement;
  communeCode: string;
  departementCode: string;
  libelleRecherche: string;
  statut: StatutEtablissement | null;
  actif: boolean;
}

interface EtalabCommune {
  code: string;
  type: string;
  commune?: string;
  chefLieu?: string;
}

/**
 * Loads établissements from the national directories' open-data CSV exports (Annuaire de l'éducation; principaux
 * établissements d'enseignement supérieur), upserting by UAI: a row already there is updated in place, none is
 * deleted (files of candidates name them), so an import run twice leaves the same rows. Only what a candidate names
 * is kept: lycées (their bac) and higher education (their cursus); écoles, collèges and services are counted, not
 * loaded. The file is read as a stream and written in batches of LOT rows, each in its own transaction.
 */
@Injectable()
export class EtablissementsImportService {
  private readonly logger = new Logger(EtablissementsImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referentiel: ReferentielService,
    private readonly clock: Clock,
  ) {}

  async importer(fichier: AsyncIterable<string | Buffer>, options: { desactiverAbsents?: boolean } = {}): Promise<BilanImportEtablissements> {
    const debut = Date.now();
    const majLe = this.clock.now();
    const communes = await this.communes();
    const bilan: BilanImportEtablissements = { lues: 0, creees: 0, modifiees: 0, inchangees: 0, ignorees: {}, rejetees: 0, exemplesRejets: [], desactivees: 0, dureeMs: 0 };
    const vus = new Set<string>();
    const types = new Set<TypeEtablissement>();
    let lot: EtablissementLu[] = [];
    for await (const { source, ligne } of lireAnnuaire(fichier)) {
      bilan.lues++;
      const type = typeDe(source, ligne.type);
      if (!type) {
        const cle = ligne.type || '(type vide)';
        bilan.ignorees[cle] = (bilan.ignorees[cle] ?? 0) + 1;
        continue;
      }
      const lu = this.verifier(ligne, type, communes);
      if (typeof lu === 'string') {
        bilan.rejetees++;
        if (bilan.exemplesRejets.length < 10) bilan.exemplesRejets.push(`ligne ${bilan.lues + 1} : ${lu}`);
        continue;
      }
      // A UAI listed twice (multi-site lines of the Annuaire): the first line wins, as the directory orders them.
      if (vus.has(lu.code)) continue;
      vus.add(lu.code);
      types.add(type);
      lot.push(lu);
      if (lot.length >= LOT) {
        await this.ecrire(lot, majLe, bilan);
        lot = [];
      }
    }
    if (lot.length > 0) await this.ecrire(lot, majLe, bilan);
    if (options.desactiverAbsents && vus.size > 0) bilan.desactivees = await this.desactiverAbsents([...types], vus, majLe);
    await this.referentiel.charger();
    bilan.dureeMs = Date.now() - debut;
    this.logger.log(`Établissements importés : ${JSON.stringify({ ...bilan, exemplesRejets: undefined })}`);
    return bilan;
  }

  private verifier(ligne: LigneAnnuaire, type: TypeEtablissement, communes: Map<string, { code: string; departement: string }>): EtablissementLu | string {
    const code = ligne.uai.toUpperCase();
    if (!UAI.test(code)) return `UAI « ${ligne.uai} » invalide (7 chiffres et une lettre)`;
    const libelle = ligne.libelle.replace(/\s+/g, ' ').trim().slice(0, 150);
    if (!libelle) return `${code} : nom vide`;
    const commune = communes.get(ligne.commune.padStart(5, '0'));
    if (!commune) return `${code} : commune « ${ligne.commune} » inconnue du code officiel géographique`;
    const statut = normalizeForSearch(ligne.statut);
    return {
      code,
      libelle,
      type,
      communeCode: commune.code,
      departementCode: commune.departement,
      libelleRecherche: normalizeForSearch(libelle).slice(0, 150),
      statut: statut.startsWith('PUBLIC') ? StatutEtablissement.PUBLIC : statut.startsWith('PRIV') ? StatutEtablissement.PRIVE : null,
      actif: !normalizeForSearch(ligne.etat).startsWith('FERME'),
    };
  }

  /** Creates the new rows and updates the changed ones of a batch; identical rows are not written (nor dated). */
  private async ecrire(lot: EtablissementLu[], majLe: Date, bilan: BilanImportEtablissements): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const existants = new Map(
        (await em.getRepository(Etablissement).find({ where: { code: In(lot.map((e) => e.code)) } })).map((e) => [e.code, e]),
      );
      const aEcrire = lot.filter((e) => {
        const avant = existants.get(e.code);
        if (!avant) bilan.creees++;
        else if (identique(avant, e)) bilan.inchangees++;
        else bilan.modifiees++;
        return !avant || !identique(avant, e);
      });
      if (aEcrire.length === 0) return;
      await em
        .createQueryBuilder()
        .insert()
        .into(Etablissement)
        .values(aEcrire.map((e) => ({ ...e, majLe })))
        .orUpdate(COLONNES_MAJ, ['code'])
        .updateEntity(false)
        .execute();
    });
  }

  /** Rows of the kinds the file brought that it no longer lists: kept (files name them), marked inactive. */
  private async desactiverAbsents(types: TypeEtablissement[], vus: Set<string>, majLe: Date): Promise<number> {
    const actifs = await this.dataSource.getRepository(Etablissement).find({ select: { code: true }, where: { type: In(types), actif: true } });
    const absents = actifs.map((e) => e.code).filter((code) => !vus.has(code));
    for (let i = 0; i < absents.length; i += LOT) {
      await this.dataSource.getRepository(Etablissement).update({ code: In(absents.slice(i, i + LOT)) }, { actif: false, majLe });
    }
    return absents.length;
  }

  /**
   * Commune codes a directory may give, to the commune of the COG they belong to: current communes as they are,
   * Paris, Lyon and Marseille arrondissements to their city, communes déléguées and associées to their chef-lieu.
   */
  private async communes(): Promise<Map<string, { code: string; departement: string }>> {
    const actuelles = new Map(
      (await this.dataSource.getRepository(Commune).find({ select: { code: true, departementCode: true } })).map((c) => [
        c.code,
        { code: c.code, departement: c.departementCode },
      ]),
    );
    const communes = new Map(actuelles);
    for (const c of communesData as EtalabCommune[]) {
      const parent = c.type === 'arrondissement-municipal' ? c.commune : c.type === 'commune-actuelle' ? undefined : c.chefLieu;
      const cible = parent ? actuelles.get(parent) : undefined;
      if (cible && !communes.has(c.code)) communes.set(c.code, cible);
    }
    return communes;
  }
}

/** The kind of établissement a line is, or undefined for those a candidate never names. */
function typeDe(source: SourceAnnuaire, typeFichier: string): TypeEtablissement | undefined {
  if (source === SourceAnnuaire.SUPERIEUR) return TypeEtablissement.SUPERIEUR;
  return normalizeForSearch(typeFichier).startsWith('LYCEE') ? TypeEtablissement.LYCEE : undefined;
}

function identique(avant: Etablissement, e: EtablissementLu): boolean {
  return (
    avant.libelle === e.libelle &&
    avant.type === e.type &&
    avant.communeCode === e.communeCode &&
    avant.departementCode === e.departementCode &&
    avant.libelleRecherche === e.libelleRecherche &&
    (avant.statut ?? null) === e.statut &&
    Boolean(avant.actif) === e.actif
  );
}
