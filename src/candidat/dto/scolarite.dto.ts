import { ApiProperty } from '@nestjs/swagger';

export class IdentiteScolariteDto {
  // Explicit: the CLI plugin does not describe a union of string literals.
  @ApiProperty({ enum: ['M.', 'Mme'], nullable: true, example: 'Mme', type: String })
  civilite: 'M.' | 'Mme' | null;
  /** @example "MARTIN" */
  nomNaissance: string;
  /** Nom d'usage, when it differs @example "DURAND" */
  nomUsage: string | null;
  /** @example "Élise" */
  prenom: string;
  /** @example "Marie Jeanne" */
  autresPrenoms: string | null;
  /** YYYY-MM-DD @example "2004-03-17" */
  dateNaissance: string | null;
  /** Code INSEE of the commune of birth (France) @example "45234" */
  communeNaissance: string | null;
  /** The town of birth as written (abroad, the only information) @example "Orléans" */
  libelleCommuneNaissance: string | null;
  /** ISO 3166-1 alpha-2 @example "FR" */
  paysNaissance: string | null;
  /** ISO 3166-1 alpha-2 @example "FR" */
  nationalite: string | null;
  /** @example "elise.martin@example.org" */
  email: string | null;
  /** @example "06 12 34 56 78" */
  telephone: string | null;
}

export class AdresseScolariteDto {
  /** @example "12 rue des Carmes" */
  ligne1: string;
  /** @example "Appartement 4" */
  ligne2: string | null;
  /** @example null */
  ligne3: string | null;
  /** @example "45000" */
  codePostal: string | null;
  /** Code INSEE of the commune (France) @example "45234" */
  commune: string | null;
  /** The town as written (abroad, the only information) @example "Orléans" */
  libelleCommune: string | null;
  /** ISO 3166-1 alpha-2 @example "FR" */
  pays: string;
}

export class BacScolariteDto {
  /** Session year @example 2022 */
  annee: number;
  /** Code of the série (GET /api/referentiels/series-bac) @example "GEN" */
  serie: string;
  /** Code of the mention (GET /api/referentiels/mentions) @example "AB" */
  mention: string | null;
  /** UAI of the lycée @example "0450040Y" */
  etablissement: string | null;
  /** Département of the lycée @example "45" */
  departement: string | null;
}

export class CursusInterneDto {
  /** First calendar year of the academic year (2024 for 2024-2025) @example 2024 */
  annee: number;
  /** Code of the formation in the SI Scol @example "L3INFO" */
  codeFormation: string;
  /** @example "Licence 3e année Informatique" */
  libelleFormation: string;
  /** Result of the year (ADM admis, AJ ajourné, DEF défaillant…); null while the year runs @example "ADM" */
  resultat: string | null;
  /** Code of the mention, when one was given @example "B" */
  mention: string | null;
}

/**
 * What the university's student records (SI Scol) said of the candidate at their last CAS login. Read-only: the
 * candidate file (identity, address, bac, with the imported blocks locked) is built on it by a later issue.
 */
export class ScolariteDto {
  /** Where the data came from: `file` (export of the SI Scol), later `apogee` or `pegase` @example "file" */
  source: string;
  /** Number of the student in the SI Scol @example "21900123" */
  codeEtudiant: string;
  /** When the data was read (each CAS login refreshes it) @example "2026-11-23T08:15:00.000Z" */
  importedAt: string;
  /** INE and its key, 11 characters @example "1234567890A" */
  ine: string | null;
  identite: IdentiteScolariteDto;
  adresse: AdresseScolariteDto | null;
  /** The last baccalauréat (or equivalent) known */
  bac: BacScolariteDto | null;
  /** Years of study in the university, oldest first */
  cursusInterne: CursusInterneDto[];
}
