import { DossierDto } from '../../candidat/dto/dossier.dto';
import { ScolariteDto } from '../../candidat/dto/scolarite.dto';
import { MailEnvoyeDto } from '../../mail/dto/mail.dto';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { Langue } from '../../common/i18n/langue';
import { RequiredText } from '../../common/validation/decorators';

export class CreateCompteDto {
  /** @example "Martin" */
  @RequiredText(100)
  nom: string;

  /** @example "Élise" */
  @RequiredText(100)
  prenom: string;

  /** @example "elise.martin@example.org" */
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  @MaxLength(255, { message: 'ne doit pas dépasser 255 caractères' })
  email: string;

  /** The same address, typed a second time @example "elise.martin@example.org" */
  @IsString({ message: 'doit être une chaîne de caractères' })
  emailConfirmation: string;

  /** 12 to 128 characters; a passphrase is best @example "une phrase de passe toute simple" */
  @IsString({ message: 'doit être une chaîne de caractères' })
  @MinLength(1, { message: 'est obligatoire' })
  password: string;

  /** The same password, typed a second time @example "une phrase de passe toute simple" */
  @IsString({ message: 'doit être une chaîne de caractères' })
  passwordConfirmation: string;

  @ApiProperty({
    enum: Langue,
    enumName: 'Langue',
    required: false,
    description: 'Language of mails and letters, from the activation mail on (fr by default); changed later with the identity (`PUT /api/candidat/identite` or `/identite/coordonnees`)',
  })
  @IsOptional()
  @IsIn(Object.values(Langue), { message: 'doit valoir fr ou en' })
  langue?: Langue;
}

export class TokenDto {
  /** The token of the link received by mail (the `token` parameter of its address) */
  @IsString({ message: 'doit être une chaîne de caractères' })
  @Length(20, 200, { message: "n'est pas le jeton d'un lien valide" })
  token: string;
}

export class MessageDto {
  /** @example "Si cette adresse peut recevoir un compte, un mail vient de lui être envoyé." */
  message: string;
}

export class ActivationResultDto {
  /** The login to use from now on @example "0WBZPM9X" */
  numeroDossier: string;
  /** @example "Votre compte est activé : connectez-vous avec votre numéro de dossier." */
  message: string;
}

export class EmailDto {
  /** The address of the account @example "elise.martin@example.org" */
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  @MaxLength(255, { message: 'ne doit pas dépasser 255 caractères' })
  email: string;
}

export class ReinitialisationDto {
  /** The token of the link received by mail */
  @IsString({ message: 'doit être une chaîne de caractères' })
  @Length(20, 200, { message: "n'est pas un jeton valide" })
  token: string;

  /** 12 to 128 characters */
  @IsString({ message: 'doit être une chaîne de caractères' })
  password: string;

  @IsString({ message: 'doit être une chaîne de caractères' })
  passwordConfirmation: string;
}

export class ChangementMotDePasseDto {
  /** The current password */
  @IsString({ message: 'doit être une chaîne de caractères' })
  @MinLength(1, { message: 'est obligatoire' })
  ancienPassword: string;

  /** 12 to 128 characters */
  @IsString({ message: 'doit être une chaîne de caractères' })
  password: string;

  @IsString({ message: 'doit être une chaîne de caractères' })
  passwordConfirmation: string;
}

export class ChangementEmailDto {
  /** The new address; a link sent to it validates the change @example "elise.martin@nouveau.example" */
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  @MaxLength(255, { message: 'ne doit pas dépasser 255 caractères' })
  email: string;

  /** The same address, typed a second time @example "elise.martin@nouveau.example" */
  @IsString({ message: 'doit être une chaîne de caractères' })
  emailConfirmation: string;

  /** The current password */
  @IsString({ message: 'doit être une chaîne de caractères' })
  @MinLength(1, { message: 'est obligatoire' })
  password: string;
}

export class CompteDonneesDto {
  numeroDossier: string;
  email: string;
  /** A new address waiting for its validation link */
  emailNouveau: string | null;
  nom: string;
  prenom: string;
  @ApiProperty({ enum: Langue, enumName: 'Langue', description: 'Language of mails and letters' })
  langue: Langue;
  /** Login at the university's CAS, for accounts linked to it */
  casLogin: string | null;
  active: boolean;
  createdAt: string;
  activatedAt: string | null;
}

export class SessionDonneesDto {
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** Everything the service holds about the candidate (right of access, RGPD art. 15), secrets excepted. */
export class DonneesPersonnellesDto {
  /** When this export was made */
  exporteLe: string;
  compte: CompteDonneesDto;
  dossier: DossierDto;
  /** What the university's student records said at the last CAS login */
  scolarite: ScolariteDto | null;
  sessions: SessionDonneesDto[];
  mails: MailEnvoyeDto[];
}
