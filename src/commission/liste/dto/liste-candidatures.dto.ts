import { applyDecorators } from '@nestjs/common';
import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DossierDto } from '../../../candidat/dto/dossier.dto';
import { CandidatureDto, ReponseDto, StatutDossierDto, TypeTraitementCandidatureDto } from '../../../candidature/dto/candidature.dto';
import { StatutDossier } from '../../../candidature/entities/candidature.entity';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { PageOf } from '../../../common/pagination/page';
import { OptionalInt, OptionalRefCode, OptionalText, RequiredText } from '../../../common/validation/decorators';
import { TypeTraitement } from '../../../offre/entities/formation.entity';
import { TypeAvis } from '../../../candidature/entities/avis.entity';
import { AvisDto } from '../../../candidature/avis/avis.dto';

export const SANS_AVIS = 'AUCUN';
export const TRIS = ['nom', 'numeroDossier', 'createdAt', 'formation', 'statutDossier'] as const;
export type Tri = (typeof TRIS)[number];

const OptionalBool = () =>
  applyDecorators(
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: 'doit valoir true ou false' }),
  );

/** The filters of the staff list, shared by its exports. */
export class FiltresCandidaturesDto {
  /** The campaign (id); by default the one in service (else the latest) @example 3 */
  @OptionalInt(1, 2_147_483_647)
  campagne?: number;

  /** Only this formation @example 12 */
  @OptionalInt(1, 2_147_483_647)
  formationId?: number;

  /** Only this commission (code) @example "OSUC-SCOL" */
  @OptionalRefCode(30)
  commission?: string;

  /** Only this centre de candidature (code) @example "OSUC" */
  @OptionalRefCode(20)
  centre?: string;

  @ApiProperty({ enum: StatutDossier, enumName: 'StatutDossier', required: false, description: 'AT en attente, RE réceptionné, IN incomplet, CO complet' })
  @IsOptional()
  @IsIn(Object.values(StatutDossier), { message: 'doit valoir AT, RE, IN ou CO' })
  statutDossier?: StatutDossier;

  @ApiProperty({ enum: TypeTraitement, enumName: 'TypeTraitement', required: false, description: 'AC accès contrôlé, AD accès direct, AT en attente' })
  @IsOptional()
  @IsIn(Object.values(TypeTraitement), { message: 'doit valoir AC, AD ou AT' })
  typeTraitement?: TypeTraitement;

  @ApiProperty({
    enum: [...Object.values(TypeAvis), SANS_AVIS],
    required: false,
    description: 'The current avis (the latest, validated or not): FA, DE, LC, LA, PR, or AUCUN for the candidatures without any',
  })
  @IsOptional()
  @IsIn([...Object.values(TypeAvis), SANS_AVIS], { message: 'doit valoir FA, DE, LC, LA, PR ou AUCUN' })
  avis?: TypeAvis | typeof SANS_AVIS;

  /** true: the current avis is validated; false: it is not yet (candidatures without avis match neither) @example false */
  @OptionalBool()
  avisValide?: boolean;

  /** true: confirmed by the candidate; false: withdrawn (désistement) @example true */
  @OptionalBool()
  acceptee?: boolean;

  /** false (default): live candidatures only; true: only the cancelled ones @example false */
  @OptionalBool()
  annulees?: boolean;

  /** Words, each the start of a word of the name (accents and case ignored), of the numéro de dossier or of the INE: "elise mar" @example "martin" */
  @OptionalText(100)
  q?: string;
}

class TriDto {
  @ApiProperty({ enum: TRIS, required: false, default: 'createdAt', description: 'Sort key; ties are broken by id' })
  @IsOptional()
  @IsIn(TRIS, { message: `doit valoir ${TRIS.join(', ')}` })
  sort?: Tri = 'createdAt';

  @ApiProperty({ enum: ['asc', 'desc'], required: false, default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'doit valoir asc ou desc' })
  order?: 'asc' | 'desc' = 'desc';
}

/** How deep `page` may go: page × limit at most this many rows (beyond, follow `suivant` with `apres`). */
export const PROFONDEUR_MAX = 10_000;

class CurseurDto {
  /**
   * The `suivant` of the previous page: the page after it, in the same sort and filters (keyset: as fast at any depth).
   * With `apres`, `page` is ignored.
   */
  @OptionalText(200)
  apres?: string;
}

export class ListeCandidaturesQueryDto extends IntersectionType(PageQueryDto, FiltresCandidaturesDto, TriDto, CurseurDto) {}

export class FormationCodeDto {
  id: number;
  /** @example "M1-GEO2ENV" */
  code: string;
  libelle: string;
}

export class AvisCourantDto {
  @ApiProperty({ enum: TypeAvis, enumName: 'TypeAvis' })
  type: TypeAvis;
  /** @example "Liste complémentaire" */
  libelle: string;
  valide: boolean;
  /** Liste complémentaire: the rank the commission typed (the order it asked for, not the rank: see rangListeComplementaire) */
  rangSaisi: number | null;
}

/** One line of the staff list */
export class CandidatureStaffItemDto {
  id: number;
  /** @example "T0000001" */
  numeroDossier: string;
  @ApiProperty({ enum: ['M', 'MME'], nullable: true })
  civilite: string | null;
  /** Nom d'usage, else nom de naissance */
  nom: string | null;
  prenom: string | null;
  ine: string | null;
  email: string;
  formation: FormationCodeDto;
  /** Code of the commission @example "OSUC-SCOL" */
  commission: string;
  /** Code of the centre de candidature @example "OSUC" */
  centre: string;
  statutDossier: StatutDossierDto;
  typeTraitement: TypeTraitementCandidatureDto;
  /** The current avis (the latest row, validated or not); null without any */
  avis: AvisCourantDto | null;
  /** The rank on the formation's liste complémentaire, the one the candidate sees; null when not on it */
  rangListeComplementaire: number | null;
  /** true confirmed, false withdrawn, null not answered */
  acceptee: boolean | null;
  /** The candidate's answer: confirmed or withdrawn, when, automatically or not */
  reponse: ReponseDto | null;
  createdAt: string;
  transmiseAt: string | null;
  annuleeAt: string | null;
}

export class CandidatureStaffPage extends PageOf(CandidatureStaffItemDto) {
  /**
   * The count is exact up to 1,000 matching candidatures; beyond, `total` is 1000 and `plusDe` is true (« plus de
   * 1 000 »): narrow the filters for an exact figure
   */
  plusDe: boolean;
  /** The `apres` of the next page (same sort, same filters); null on the last page */
  suivant: string | null;
}

export class NoteDto {
  id: number;
  message: string;
  /** Staff login */
  auteur: string;
  createdAt: string;
}

export class NoteInput {
  /** @example "Appelé le 12/03 : envoie son relevé de notes par courrier." */
  @RequiredText(255, { multiline: true })
  message: string;
}

/** A candidature as staff see it: the candidate's file, the récapitulatif, the avis history and the bloc-notes */
export class CandidatureStaffDetailDto {
  id: number;
  numeroDossier: string;
  commission: string;
  centre: string;
  acceptee: boolean | null;
  accepteeAt: string | null;
  /** Numéro de dossier of the candidate, or `autoDesist` for the automatic withdrawal */
  acceptePar: string | null;
  /** The candidate's answer (also in the récapitulatif) */
  reponse: ReponseDto | null;
  /** The rank on the formation's liste complémentaire; null when not on it */
  rangListeComplementaire: number | null;
  /** The OPI code, while the confirmation stands */
  codeOpi: string | null;
  annuleePar: string | null;
  /** Dates staff typed with the statut changes, YYYY-MM-DD */
  dateReception: string | null;
  dateComplet: string | null;
  dateIncomplet: string | null;
  /** The candidate-side summary: formation, dates, contact, pièces */
  recapitulatif: CandidatureDto;
  dossier: DossierDto;
  /** Newest first */
  avis: AvisDto[];
  /** Newest first */
  notes: NoteDto[];
}
