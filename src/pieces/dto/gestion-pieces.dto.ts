import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { Identifiant, OptionalInt, OptionalRefCode, RequiredText, OptionalFlag } from '../../common/validation/decorators';
import { TypeTraitement } from '../../offre/entities/formation.entity';

const CODE_MESSAGE = 'doit être un code fait de lettres, de chiffres et des signes « - », « _ » ou « . »';
const ID_MESSAGE = 'doit être un identifiant (nombre entier)';
const FLAG_MESSAGE = 'doit valoir true ou false';
export const MAX_FORMATIONS = 500;


export class PieceInput {
  /** Unique in the institution; upper-cased @example "CV" */
  @IsDefined({ message: 'est obligatoire' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString({ message: CODE_MESSAGE })
  @Length(1, 20, { message: 'doit faire de 1 à 20 caractères' })
  @Matches(/^[A-Z0-9][A-Z0-9_.-]*$/, { message: CODE_MESSAGE })
  code: string;

  /** What candidates read @example "Curriculum vitae" */
  @RequiredText(200)
  libelle: string;

  /** Asked for every formation of its owner (the institution, or its centre); false: only for the formations in `formationIds` @example true */
  @IsDefined({ message: 'est obligatoire' })
  @IsBoolean({ message: FLAG_MESSAGE })
  commun: boolean;

  /** A common pièce only: one file per candidature (true) instead of one file shared by all the candidate's candidatures (false, the default) @example false */
  @OptionalFlag()
  unicite?: boolean;

  /** The candidate may declare themselves "non concerné" (false, the default) @example false */
  @OptionalFlag()
  conditionnel?: boolean;

  /** Asked of new candidatures (true, the default) @example true */
  @OptionalFlag()
  actif?: boolean;

  /** Display order in the candidate's file (1, the default) @example 10 */
  @OptionalInt(0, 10_000)
  ordre?: number;

  /** Owner: a centre de candidature; null or absent: the whole institution (scolarité centrale and admin only) @example 1 */
  @ApiProperty({ type: 'integer', nullable: true, required: false, example: 1 })
  @IsOptional()
  @Identifiant(ID_MESSAGE)
  centreId?: number | null;

  // Inline rather than the named TypeTraitement schema: OpenAPI 3.0 cannot make a $ref nullable.
  @ApiProperty({
    type: 'string',
    enum: Object.values(TypeTraitement),
    nullable: true,
    required: false,
    description: 'Only asked of candidatures of this type de traitement (AC accès contrôlé, AD accès de droit, AT en attente); null or absent: of every candidature',
  })
  @IsOptional()
  @IsIn(Object.values(TypeTraitement), { message: 'doit valoir AC, AD ou AT (ou null : tous)' })
  typeTraitement?: TypeTraitement | null;

  /** A specific pièce (commun false) only: the formations it is asked for, of its centre when it has one @example [3, 4] */
  @IsOptional()
  @IsArray({ message: "doit être une liste d'identifiants de formations" })
  @ArrayMaxSize(MAX_FORMATIONS, { message: `ne doit pas compter plus de ${MAX_FORMATIONS} formations` })
  @ArrayUnique({ message: 'ne doit pas citer deux fois la même formation' })
  @Identifiant("doit être une liste d'identifiants de formations (nombres entiers)", { each: true })
  formationIds?: number[];
}

export class ModeleDto {
  /** Name of the file as uploaded @example "modele-lettre-motivation.pdf" */
  nom: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'], example: 'application/pdf' })
  type: string;
}

export class PieceDto {
  /** @example 1 */
  id: number;
  /** @example "CV" */
  code: string;
  /** @example "Curriculum vitae" */
  libelle: string;
  commun: boolean;
  unicite: boolean;
  conditionnel: boolean;
  actif: boolean;
  /** @example 10 */
  ordre: number;
  /** null: the whole institution @example 1 */
  @ApiProperty({ type: 'integer', nullable: true })
  centreId: number | null;
  /** @example "OSUC" */
  @ApiProperty({ type: 'string', nullable: true })
  centreCode: string | null;
  @ApiProperty({ type: 'string', enum: Object.values(TypeTraitement), nullable: true, description: 'AC, AD or AT; null: every type de traitement' })
  typeTraitement: TypeTraitement | null;
  /** Formations a specific pièce is asked for (empty for a common one) @example [3, 4] */
  formationIds: number[];
  /** Model document candidates may download (GET /api/offre/pieces/{id}/modele) */
  @ApiProperty({ type: ModeleDto, nullable: true })
  modele: ModeleDto | null;
  /** Send it back as If-Match to change the pièce (also the ETag) @example 1 */
  version: number;
}

export class PieceQueryDto extends PageQueryDto {
  /** Only the pièces of this centre (code) @example "OSUC" */
  @OptionalRefCode(20)
  centre?: string;

  /** Only the pièces asked for this formation: common ones of the institution and of its centre, and those attached to it @example 3 */
  @OptionalInt(1, 2_147_483_647)
  formationId?: number;
}
