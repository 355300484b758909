import { IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../common/auth/roles';

export class LoginDto {
  /** Staff login (or CAS uid) @example "admin" */
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

export class MeDto {
  /** @example "staff" */
  kind: 'staff';
  /** @example 1 */
  id: number;
  /** @example "admin" */
  login: string;
  /** @example "Camille" */
  prenom: string;
  /** @example "Durand" */
  nom: string;
  /** @example "camille.durand@univ.fr" */
  email: string;
  /** @example ["admin"] */
  roles: Role[];
}

export class SessionDto {
  /** Bearer token: send it as `Authorization: Bearer <token>`. Shown once, never stored in clear. */
  token: string;
  /** Absolute end of the session (it also ends after 30 minutes without a request) @example "2026-11-23T06:00:00.000Z" */
  expiresAt: string;
  me: MeDto;
}
