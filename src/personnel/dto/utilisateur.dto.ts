import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDefined, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Role } from '../../common/auth/roles';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { OptionalFlag, OptionalText, RequiredIdentifiant, RequiredText } from '../../common/validation/decorators';
import { NatureHabilitation, OperationHabilitation } from '../entities/journal-habilitation.entity';
import { ROLES_PERSONNEL } from '../regles-personnel';

const CODE_MESSAGE = "doit être le code d'un centre ou d'une commission (lettres, chiffres, . _ -)";
const MAX_PERIMETRES = 100;

/** A centre or commission code as the offer spells it (upper case). */
const Code = (each = false) =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : value)),
    IsString({ each, message: CODE_MESSAGE }),
    Length(1, 30, { each, message: 'doit faire de 1 à 30 caractères' }),
    Matches(/^[A-Z0-9][A-Z0-9_.-]*$/, { each, message: CODE_MESSAGE }),
  );

const ROLES_MESSAGE = `doit être une liste de rôles parmi ${ROLES_PERSONNEL.join(', ')}`;

export class CentreGereInput {
  /** Code of the centre de candidature @example "OSUC" */
  @IsDefined({ message: 'est obligatoire' })
  @Code()
  code: string;

  /** Only these commissions of the centre; absent: the whole centre, its future commissions included @example ["OSUC-SCOL"] */
  @IsOptional()
  @IsArray({ message: 'doit être une liste de codes de commissions' })
  @ArrayMaxSize(MAX_PERIMETRES, { message: `ne doit pas compter plus de ${MAX_PERIMETRES} commissions` })
  @Code(true)
  commissions?: string[];
}

export class CommissionMembreInput {
  /** Code of the commission @example "OSUC-SCOL" */
  @IsDefined({ message: 'est obligatoire' })
  @Code()
  code: string;

  /** Presides the commission (false by default) @example false */
  @OptionalFlag()
  president?: boolean;
}

/** What both creating and changing an account set: identity, roles, scopes. */
class ProfilInput {
  /** @example "claire.martin@univ.fr" */
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  @MaxLength(255, { message: 'ne doit pas dépasser 255 caractères' })
  email: string;

  /** @example "Martin" */
  @RequiredText(100)
  nom: string;

  /** @example "Claire" */
  @RequiredText(100)
  prenom: string;

  @ApiProperty({ enum: [...ROLES_PERSONNEL], enumName: 'RolePersonnel', isArray: true, example: ['gestionnaire'], description: 'At least one; scolarité centrale grants gestionnaire and commission only' })
  @IsArray({ message: ROLES_MESSAGE })
  @ArrayMinSize(1, { message: 'doit compter au moins un rôle' })
  @ArrayUnique({ message: 'ne doit pas citer deux fois le même rôle' })
  @IsIn(ROLES_PERSONNEL, { each: true, message: ROLES_MESSAGE })
  roles: Role[];

  /** A gestionnaire's centres de candidature (none by default) */
  @IsOptional()
  @IsArray({ message: 'doit être une liste de centres' })
  @ArrayMaxSize(MAX_PERIMETRES, { message: `ne doit pas compter plus de ${MAX_PERIMETRES} centres` })
  @ValidateNested({ each: true })
  @Type(() => CentreGereInput)
  centres?: CentreGereInput[];

  /** A member's commissions (none by default) */
  @IsOptional()
  @IsArray({ message: 'doit être une liste de commissions' })
  @ArrayMaxSize(MAX_PERIMETRES, { message: `ne doit pas compter plus de ${MAX_PERIMETRES} commissions` })
  @ValidateNested({ each: true })
  @Type(() => CommissionMembreInput)
  commissions?: CommissionMembreInput[];
}

export class CreateUtilisateurInput extends ProfilInput {
  /** Staff login, also their CAS login; stored folded (cleIdentifiant): « Claire.Martin » is « claire.martin » @example "claire.martin" */
  @RequiredText(100)
  @Matches(/^\S+$/, { message: "ne doit pas contenir d'espace" })
  login: string;

  /** 12 to 128 characters; absent: the account logs in through CAS only @example "une phrase de passe du service" */
  @IsOptional()
  @IsString({ message: 'doit être une chaîne de caractères' })
  password?: string;
}

export class UpdateUtilisateurInput extends ProfilInput {
  /** false deactivates the account, whose sessions end at once; true reactivates it @example true */
  @IsDefined({ message: 'est obligatoire' })
  @IsBoolean({ message: 'doit valoir true ou false' })
  actif: boolean;

  /** A new password (12 to 128 characters): the account's sessions end; absent: unchanged */
  @IsOptional()
  @IsString({ message: 'doit être une chaîne de caractères' })
  password?: string;

  /** true removes the password: the account logs in through CAS only @example false */
  @OptionalFlag()
  casUniquement?: boolean;
}

export class UtilisateurQueryDto extends PageQueryDto {
  /** Words of the login, name or e-mail, accents and case ignored @example "martin" */
  @OptionalText(100)
  q?: string;

  @ApiProperty({ enum: [...ROLES_PERSONNEL], enumName: 'RolePersonnel', required: false, description: 'Accounts holding this role' })
  @IsOptional()
  @IsIn(ROLES_PERSONNEL, { message: ROLES_MESSAGE })
  role?: Role;

  /** Gestionnaires of this centre (whole or some of its commissions) @example "OSUC" */
  @IsOptional()
  @Code()
  centre?: string;

  /** Members of this commission @example "OSUC-SCOL" */
  @IsOptional()
  @Code()
  commission?: string;

  /** true: active accounts only; false: deactivated ones only @example true */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'doit valoir true ou false' })
  actif?: boolean;
}

export class UtilisateurParams {
  /** @example 5 */
  @RequiredIdentifiant("doit être l'identifiant d'un compte (nombre entier)")
  id: number;
}

export class CentreGereDto {
  /** @example "OSUC" */
  code: string;
  /** The commissions managed, or null for the whole centre @example null */
  commissions: string[] | null;
}

export class CommissionMembreDto {
  /** @example "OSUC-SCOL" */
  code: string;
  /** @example false */
  president: boolean;
}

export class UtilisateurDto {
  /** @example 5 */
  id: number;
  /** @example "claire.martin" */
  login: string;
  /** @example "claire.martin@univ.fr" */
  email: string;
  /** @example "Martin" */
  nom: string;
  /** @example "Claire" */
  prenom: string;
  /** false: deactivated, cannot log in @example true */
  actif: boolean;
  /** No password: logs in through CAS only @example false */
  casUniquement: boolean;
  @ApiProperty({ enum: Role, enumName: 'Role', isArray: true, example: ['gestionnaire'] })
  roles: Role[];
  centres: CentreGereDto[];
  commissions: CommissionMembreDto[];
  /** UTC @example "2026-11-20T10:00:00.000Z" */
  createdAt: string;
  /** Send it back as If-Match to change the account (also the ETag) @example 1 */
  version: number;
}

export class AuteurDto {
  /** @example 1 */
  id: number;
  /** @example "admin" */
  login: string;
}

export class HabilitationDto {
  /** @example 12 */
  id: number;
  /** UTC @example "2026-11-20T10:00:00.000Z" */
  date: string;
  @ApiProperty({ enum: OperationHabilitation, enumName: 'OperationHabilitation', example: 'attribution' })
  operation: OperationHabilitation;
  @ApiProperty({
    enum: NatureHabilitation,
    enumName: 'NatureHabilitation',
    example: 'centre',
    description: 'compte: opened or reactivated (attribution), deactivated (retrait); role; centre (whole); commission-geree (a gestionnaire\'s chosen commission); commission (member); presidence',
  })
  nature: NatureHabilitation;
  /** The role, centre or commission; null for the account itself @example "OSUC" */
  code: string | null;
  /** Who did it */
  auteur: AuteurDto | null;
}
