import { PageOf } from '../../common/pagination/page';
import { CategorieSerieBac } from '../entities/serie-bac.entity';
import { StatutEtablissement, TypeEtablissement } from '../entities/etablissement.entity';

export class PaysDto {
  /** ISO 3166-1 alpha-2 @example "FR" */
  code: string;
  /** ISO 3166-1 alpha-3 @example "FRA" */
  codeIso3: string;
  /** @example "France" */
  libelle: string;
  /** Nationality label, when one exists @example "Français" */
  nationalite: string | null;
}

export class DepartementDto {
  /** @example "45" */
  code: string;
  /** @example "Loiret" */
  libelle: string;
  /** @example "24" */
  codeRegion: string;
}

export class CommuneDto {
  /** Code INSEE @example "45234" */
  code: string;
  /** @example "Orléans" */
  libelle: string;
  /** Code of the département @example "45" */
  departement: string;
  /** @example ["45000", "45100"] */
  codesPostaux: string[];
}

export class SerieBacDto {
  /** @example "STMG" */
  code: string;
  /** @example "STMG - Sciences et technologies du management et de la gestion" */
  libelle: string;
  categorie: CategorieSerieBac;
  /** First session year, null when unbounded @example 2013 */
  anneeDebut: number | null;
  /** Last session year, null while still awarded @example null */
  anneeFin: number | null;
  /** Two spécialités of terminale are recorded (general bac from 2021) */
  avecSpecialites: boolean;
  /** A French bac of this série gives an INE: it is required of French nationals (from the configured year) */
  ineAttendu: boolean;
}

export class SpecialiteBacDto {
  /** @example "NSI" */
  code: string;
  /** @example "Numérique et sciences informatiques" */
  libelle: string;
  /** @example 2021 */
  anneeDebut: number | null;
  /** @example null */
  anneeFin: number | null;
}

export class MentionDto {
  /** @example "AB" */
  code: string;
  /** @example "Assez bien" */
  libelle: string;
}

export class TypeDiplomeDto {
  /** @example "BUT" */
  code: string;
  /** @example "Bachelor universitaire de technologie (BUT)" */
  libelle: string;
}

export class EtablissementDto {
  /** UAI @example "0450855K" */
  code: string;
  /** @example "Université d'Orléans" */
  libelle: string;
  /** LYCEE (a bac's lycée) or SUPERIEUR (higher education, for the cursus) */
  type: TypeEtablissement;
  /** Public or private sector, when the directory gives it */
  statut: StatutEtablissement | null;
  /** Code INSEE of the commune @example "45234" */
  commune: string;
  /** @example "Orléans" */
  libelleCommune: string;
  /** @example "45" */
  departement: string;
  /** False once closed: the search lists open ones only, a file may still name a closed one @example true */
  actif: boolean;
}

export class PaysPage extends PageOf(PaysDto) {}
export class DepartementPage extends PageOf(DepartementDto) {}
export class CommunePage extends PageOf(CommuneDto) {}
export class SerieBacPage extends PageOf(SerieBacDto) {}
export class SpecialiteBacPage extends PageOf(SpecialiteBacDto) {}
export class MentionPage extends PageOf(MentionDto) {}
export class TypeDiplomePage extends PageOf(TypeDiplomeDto) {}
export class EtablissementPage extends PageOf(EtablissementDto) {}
