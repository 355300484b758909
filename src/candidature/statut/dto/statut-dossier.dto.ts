import { MAX_SELECTION, SelectionCandidatures } from '../../dto/selection-candidatures.dto';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, ValidateNested } from 'class-validator';
import { StatutDossierDto } from '../../dto/candidature.dto';
import { StatutDossier } from '../../entities/candidature.entity';
import { StatutPiece } from '../../entities/piece-candidature.entity';
import { OptionalText, RequiredIdentifiant } from '../../../common/validation/decorators';
import { CalendarDate } from '../../../common/validation/decorators';

const ID_MESSAGE = 'doit être un identifiant (nombre entier)';

/** The statuts staff may give a pièce; NC (the candidate's declaration) is the candidate's; AT (missing) only on paper. */
export const STATUTS_PIECE_GESTION = [StatutPiece.VA, StatutPiece.RE, StatutPiece.TR, StatutPiece.AT] as const;
export type StatutPieceGestion = (typeof STATUTS_PIECE_GESTION)[number];

export class StatutDossierInput extends SelectionCandidatures {

  @ApiProperty({ enum: StatutDossier, enumName: 'StatutDossier', description: 'AT en attente, RE réceptionné, IN incomplet, CO complet' })
  @IsDefined({ message: 'est obligatoire' })
  @IsIn(Object.values(StatutDossier), { message: 'doit valoir AT, RE, IN ou CO' })
  statut: StatutDossier;

  /** Date of the reception, completeness or incompleteness, YYYY-MM-DD (Europe/Paris), not in the future; absent: today @example "2027-04-02" */
  @CalendarDate(true)
  date?: string;
}

export class CandidatureStatutDto {
  id: number;
  statutDossier: StatutDossierDto;
}

export class StatutDossierResultatDto {
  /** How many candidatures were changed (and mailed) */
  modifiees: number;
  candidatures: CandidatureStatutDto[];
}

export class StatutPieceInput {
  @ApiProperty({
    enum: STATUTS_PIECE_GESTION,
    description:
      'VA validée (locked for the candidate), RE refusée (with a comment the candidate sees), TR back to transmise (not checked; on paper: received), AT manquante (paper files only: not in the envelope; an optional comment says what is expected)',
  })
  @IsDefined({ message: 'est obligatoire' })
  @IsIn(STATUTS_PIECE_GESTION, { message: 'doit valoir VA, RE, TR ou AT' })
  statut: StatutPieceGestion;

  /** Shown to the candidate; required to refuse a pièce (RE) @example "Le relevé de notes du semestre 2 manque." */
  @OptionalText(500, { multiline: true })
  commentaire?: string;
}

export class PieceCandidatureRef {
  @RequiredIdentifiant(ID_MESSAGE)
  candidatureId: number;

  @RequiredIdentifiant(ID_MESSAGE)
  pieceId: number;
}

export class StatutPiecesInput extends StatutPieceInput {
  /** The pièces of candidatures to set, 1 to 200, each once */
  @IsDefined({ message: 'est obligatoire' })
  @IsArray({ message: 'doit être une liste de { candidatureId, pieceId }' })
  @ArrayMinSize(1, { message: 'doit citer au moins une pièce' })
  @ArrayMaxSize(MAX_SELECTION, { message: `ne doit pas citer plus de ${MAX_SELECTION} pièces` })
  @ArrayUnique((i: PieceCandidatureRef) => `${i?.candidatureId}/${i?.pieceId}`, { message: 'ne doit pas citer deux fois la même pièce de la même candidature' })
  @ValidateNested({ each: true })
  @Type(() => PieceCandidatureRef)
  items: PieceCandidatureRef[];
}

/** A pièce of a candidature as staff just set it */
export class PieceStatutDto {
  candidatureId: number;
  pieceId: number;
  /** @example "Lettre de motivation" */
  libelle: string;
  @ApiProperty({ enum: ['TR', 'VA', 'RE', 'NC'], description: 'TR transmise, VA validée, RE refusée, NC non concerné' })
  statut: string;
  /** @example "Refusée" */
  statutLibelle: string;
  commentaire: string | null;
  /** Name of the uploaded file; null for a refused « non concerné » */
  fichier: string | null;
}

export class StatutPiecesResultatDto {
  modifiees: number;
  pieces: PieceStatutDto[];
}
