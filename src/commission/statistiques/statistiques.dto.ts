import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OptionalInt, OptionalRefCode } from '../../common/validation/decorators';

export const NIVEAUX = ['centre', 'commission', 'formation'] as const;
export type Niveau = (typeof NIVEAUX)[number];

/** Which figures: the campaign, the level of the lines, and optionally one centre or commission of the caller's scope. */
export class StatistiquesQueryDto {
  /** The campaign (id); by default the one in service (else the latest) @example 3 */
  @OptionalInt(1, 2_147_483_647)
  campagne?: number;

  @ApiPropertyOptional({ enum: NIVEAUX, description: 'One line per centre de candidature (default), per commission or per formation' })
  @IsOptional()
  @IsIn(NIVEAUX, { message: 'doit valoir centre, commission ou formation' })
  niveau?: Niveau;

  /** Only this centre de candidature (code) @example "OSUC" */
  @OptionalRefCode(20)
  centre?: string;

  /** Only this commission (code) @example "OSUC-SCOL" */
  @OptionalRefCode(30)
  commission?: string;
}

/** Live candidatures by statut du dossier (AT en attente, RE réceptionné, IN incomplet, CO complet). */
export class ParStatutDossierDto {
  AT: number;
  RE: number;
  IN: number;
  CO: number;
}

/** Live candidatures by type de traitement (AC accès contrôlé, AD accès direct, AT en attente). */
export class ParTypeTraitementDto {
  AC: number;
  AD: number;
  AT: number;
}

/** Live candidatures by family of their current avis (FA favorable, DE défavorable, LC liste complémentaire, LA liste d'attente, PR présélection). */
export class ParTypeAvisDto {
  FA: number;
  DE: number;
  LC: number;
  LA: number;
  PR: number;
}

/** The current avis (the latest of each candidature's history) of the live candidatures. */
export class ChiffresAvisDto {
  /** Candidatures with an avis entered (validated or not) */
  saisis: number;
  /** ... whose avis is validated */
  valides: number;
  /** ... whose validated avis is published (the candidate sees it; the others wait for the formation's publication date) */
  publies: number;
  parType: ParTypeAvisDto;
}

/** The figures of a line (or of the whole scope). */
export class ChiffresDto {
  /** The capacité d'accueil: the formation's, or the sum of those its formations have set; null when none is set */
  capacite: number | null;
  /** Live candidatures (not cancelled) */
  candidatures: number;
  /** Cancelled candidatures */
  annulees: number;
  statutsDossier: ParStatutDossierDto;
  typesTraitement: ParTypeTraitementDto;
  avis: ChiffresAvisDto;
  /** Confirmed by the candidate (or for them) */
  confirmees: number;
  /** Withdrawn (désistement, automatic ones included) */
  desistees: number;
  /** On the liste complémentaire (a rank while the validated avis is LC) */
  listeComplementaire: number;
}

export class PlaceDto {
  /** @example "OSUC" */
  code: string;
  /** @example "Observatoire des sciences de l'univers" */
  libelle: string;
}

export class FormationPlaceDto extends PlaceDto {
  id: number;
}

/** A line: a centre, a commission (with its centre) or a formation (with its commission and centre). */
export class LigneStatistiquesDto extends ChiffresDto {
  centre: PlaceDto;
  /** Null at the level of centres */
  commission: PlaceDto | null;
  /** Null at the levels of centres and commissions */
  formation: FormationPlaceDto | null;
}

export class CampagneStatistiquesDto {
  id: number;
  /** @example "C2026" */
  code: string;
  /** @example "Campagne 2026" */
  libelle: string;
}

/** A campaign's figures within the caller's scope, computed when asked. */
export class StatistiquesDto {
  campagne: CampagneStatistiquesDto;

  @ApiProperty({ enum: NIVEAUX })
  niveau: Niveau;

  /** One line per centre, commission or formation of the scope (formations open or with candidatures this campaign), by code */
  lignes: LigneStatistiquesDto[];

  /** The sums over the lines */
  total: ChiffresDto;
}
