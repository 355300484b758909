import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../common/auth/roles';
import { Langue } from '../../common/i18n/langue';

export class LoginDto {
  /** Staff login, or the candidate's numéro de dossier or e-mail @example "0WBZPM9X" */
  @IsString({ message: 'doit être une chaîne de caractères' })
  @MinLength(1, { message: 'est obligatoire' })
  @MaxLength(100, { message: 'ne doit pas dépasser 100 caractères' })
  login: string;

  /** @example "correct horse battery staple" */
  @IsString({ message: 'doit être une chaîne de caractères' })
  @MinLength(1, { message: 'est obligatoire' })
  @MaxLength(128, { message: 'ne doit pas dépasser 128 caractères' })
  password: string;
}

export class ScopesDto {
  /** Codes of the centres de candidature a gestionnaire works on @example ["SCI"] */
  centres: string[];
  /** Codes of the commissions a gestionnaire manages without the rest of their centre @example [] */
  commissionsGerees: string[];
  /** Codes of the commissions a member sits on @example [] */
  commissions: string[];
}

export class MeDto {
  // Explicit: the CLI plugin lists a union's members in whatever order the compiler created them.
  @ApiProperty({ enum: ['staff', 'candidat'], example: 'candidat', description: 'A member of staff or a candidate' })
  kind: 'staff' | 'candidat';
  /** @example 1 */
  id: number;
  /** Staff login, or the candidate's numéro de dossier @example "0WBZPM9X" */
  login: string;
  /** @example "Camille" */
  prenom: string;
  /** @example "Durand" */
  nom: string;
  /** @example "camille.durand@univ.fr" */
  email: string;
  // Explicit: an array of enum values needs its items described for the generated clients.
  @ApiProperty({ enum: Role, enumName: 'Role', isArray: true, example: ['gestionnaire'] })
  roles: Role[];
  /** Where a gestionnaire or a commission member acts; empty for candidates and institution-wide roles */
  scopes: ScopesDto;
  @ApiProperty({
    enum: Langue,
    enumName: 'Langue',
    required: false,
    description: "A candidate's language (mails, letters, and the web pages once logged in); changed with the identity. Staff have none",
  })
  langue?: Langue;
}

export class SessionDto {
  /** Bearer token: send it as `Authorization: Bearer <token>`. Shown once, never stored in clear. */
  token: string;
  /** Absolute end of the session (it also ends after 30 minutes without a request) @example "2026-11-23T06:00:00.000Z" */
  expiresAt: string;
  me: MeDto;
}
