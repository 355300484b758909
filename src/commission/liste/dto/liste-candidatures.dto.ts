import { applyDecorators } from '@nestjs/common';
import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DossierDto } from '../../../candidat/dto/dossier.dto';
import { CandidatureDto, CandidatureParams, ReponseDto, StatutDossierDto, TypeTraitementCandidatureDto } from '../../../candidature/dto/candidature.dto';
import { StatutDossier } from '../../../candidature/entities/candidature.entity';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { PageOf } from '../../../common/pagination/page';
import { OptionalInt, OptionalRefCode, OptionalText, RequiredIdentifiant, RequiredText } from '../../../common/validation/decorators';
import { TypeTraitement } from '../../../offre/entities/formation.entity';
import { TypeAvis } from '../../../candidature/entities/avis.entity';
import { AvisDto } from '../../../candidature/avis/avis.dto';
import { ACTIONS_HISTORIQUE, ActionHistorique } from '../../../candidature/historique';
import { EtiquetteDto } from '../../etiquettes/etiquettes.dto';
import { GROUPES, GroupeColonne } from '../colonnes-export';

export const SANS_AVIS = 'AUCUN';
export const TRIS = ['nom', 'numeroDossier', 'createdAt', 'formation', 'statutDossier'] as const;
export type Tri = (typeof TRIS)[number];

export const OptionalBool = () =>
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

  /** Only the candidatures carrying this label (id, one of GET /api/etiquettes) @example 1 */
  @OptionalInt(1, 2_147_483_647)
  etiquette?: number;

  /** Words, each the start of a word of the name (accents and case ignored), of the numéro de dossier or of the INE: "elise mar" @example "martin" */
  @OptionalText(100)
  q?: string;
}

/** The exports' query: the list's filters and the columns wanted. */
export class ExportCandidaturesQueryDto extends FiltresCandidaturesDto {
  /**
   * The columns, by code, separated by commas, in the order wanted (GET /api/candidatures/export/colonnes lists them);
   * absent: the default columns @example "numeroDossier,nomNaissance,prenom,adresse,bacSerie,bacSpecialites"
   */
  @OptionalText(2000)
  colonnes?: string;
}

/** A column of the exports' catalogue */
export class ColonneExportDto {
  /** What `colonnes` names it by @example "bacSpecialites" */
  code: string;
  /** Its header in the file @example "Spécialités du bac" */
  entete: string;
  @ApiProperty({ enum: Object.keys(GROUPES), description: 'The group it belongs to' })
  groupe: GroupeColonne;
  /** @example "Baccalauréat" */
  libelleGroupe: string;
  /** What it holds and how it is written */
  description: string;
  /** In the export without `colonnes` */
  parDefaut: boolean;
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
  /** The labels it carries, by label */
  etiquettes: EtiquetteDto[];
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

/** What a member of staff did on the candidate's behalf (historique.ts) */
export class HistoriqueDto {
  /** PIECE_DEPOSEE, PIECE_NON_CONCERNE, PIECE_RETIREE, CONFIRMATION, DESISTEMENT, PROPOSITION, RESTAURATION */
  @ApiProperty({ enum: Object.keys(ACTIONS_HISTORIQUE) })
  action: ActionHistorique;
  libelle: string;
  /** The pièce concerned, or what the action undid */
  detail: string | null;
  /** Staff login of who did it */
  par: string;
  createdAt: string;
}

export class NoteParams extends CandidatureParams {
  /** @example 1 */
  @RequiredIdentifiant('doit être un identifiant de note')
  noteId: number;
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
  /** What staff did on the candidate's behalf, oldest first */
  historique: HistoriqueDto[];
  /** The labels it carries, by label */
  etiquettes: EtiquetteDto[];
}
