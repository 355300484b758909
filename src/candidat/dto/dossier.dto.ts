import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CursusDto } from '../../cursus/dto/cursus.dto';
import { OptionalRefCode, OptionalText, RequiredCode, RequiredText } from '../../common/validation/decorators';
import { Langue } from '../../common/i18n/langue';
import { Civilite } from '../entities/candidat.entity';
import { IsIne } from '../ine/is-ine.decorator';
import { CursusInterneDto } from './scolarite.dto';

const PHONE = /^[0-9+()./ -]{6,20}$/;
const PHONE_MESSAGE = 'doit être un numéro de téléphone (chiffres, espaces et + ( ) - . / ; 20 caractères au plus)';

/** What stays editable when the identity is locked (imported, or once the candidate has applied) */
export class CoordonneesInput {
  /** @example "02 38 41 71 71" */
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  telephone?: string;

  /** @example "06 12 34 56 78" */
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  telephonePortable?: string;

  @ApiProperty({ enum: Langue, enumName: 'Langue', required: false, description: 'Language of mails and letters (fr by default)' })
  @IsOptional()
  @IsIn(Object.values(Langue), { message: 'doit valoir fr ou en' })
  langue?: Langue;
}

export class IdentiteInput extends CoordonneesInput {
  @ApiProperty({ enum: Civilite, enumName: 'Civilite', example: Civilite.MME })
  @IsIn(Object.values(Civilite), { message: 'doit valoir M ou MME' })
  civilite: Civilite;

  /** @example "Martin" */
  @RequiredText(100)
  nomNaissance: string;

  /** @example "Durand" */
  @OptionalText(100)
  nomUsage?: string;

  /** @example "Élise" */
  @RequiredText(100)
  prenom: string;

  /** @example "Marie Jeanne" */
  @OptionalText(200)
  autresPrenoms?: string;

  /** Aged 10 to 100 @example "2005-03-14" */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  dateNaissance: string;

  /** Pays de naissance (code of /api/referentiels/pays) @example "FR" */
  @RequiredCode(2)
  paysNaissance: string;

  /** Born in France: département (code) @example "45" */
  @OptionalRefCode(3)
  departementNaissance?: string;

  /** Born in France: commune (INSEE code) @example "45234" */
  @OptionalRefCode(5)
  communeNaissance?: string;

  /** Born abroad: the city @example "Montréal" */
  @OptionalText(100)
  villeNaissance?: string;

  /** Nationality (code of /api/referentiels/pays) @example "FR" */
  @RequiredCode(2)
  nationalite: string;

  /** INE and its key in one field (11 characters; spaces and dashes are removed); leave empty without a French INE. Saved as typed; when a letter O and a digit 0 may have been confused, the answer's `avertissements` names the other reading @example "1234567890V" */
  @IsOptional()
  @IsIne()
  ine?: string;
}

export class IdentiteDto extends IdentiteInput {
  /** Filled from the university's student records: locked, the scolarité corrects it */
  importe: boolean;
  /**
   * Locked since the first candidature (cancelling it does not unlock it): `PUT /api/candidat/identite` then answers
   * 422 IDENTITE_VERROUILLEE, the scolarité corrects it. True also when `importe`.
   */
  verrouillee: boolean;
  /** Send it back as If-Match (also the ETag) */
  version: number;
}

export class AvertissementDto {
  @ApiProperty({
    enum: ['INE_LECTURE_ALTERNATIVE'],
    description:
      'INE_LECTURE_ALTERNATIVE: the INE was saved as typed, in the INES form (9 digits and 2 letters, which only a remote check confirms), ' +
      'while reading a letter O as the digit 0 (or the reverse) gives an INE whose key is right: ask « Vouliez-vous saisir <suggestion> ? »',
  })
  code: 'INE_LECTURE_ALTERNATIVE';
  /** The field it is about, as `field` of a problem's `errors` @example "ine" */
  field: string;
  // The example in the decorator: the comment plugin drops apostrophes from @example.
  @ApiProperty({
    description: 'For the candidate, in French',
    example:
      'Vouliez-vous saisir 1856816120S (le chiffre 0 au lieu de la lettre O en 10e position) ? La lettre O et le chiffre 0 se confondent facilement. ' +
      "L'INE 185681612OS est accepté tel que saisi : vérifiez-le sur votre relevé de notes et corrigez-le s'il le faut.",
  })
  message: string;
  /** The value to offer instead, to send back as is if the candidate takes it @example "1856816120S" */
  suggestion?: string;
}

/** The answer to a change of the informations personnelles: what was saved, and what deserves a second look */
export class IdentiteEnregistreeDto extends IdentiteDto {
  /** Saved, but worth checking with the candidate; empty when there is nothing to say */
  avertissements: AvertissementDto[];
}

export class AdresseInput {
  /** Country (code of /api/referentiels/pays) @example "FR" */
  @RequiredCode(2)
  pays: string;

  /** @example "12 rue de Bourgogne" */
  @RequiredText(100)
  ligne1: string;

  @OptionalText(100)
  ligne2?: string;

  @OptionalText(100)
  ligne3?: string;

  /** In France @example "45000" */
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'doit faire 5 chiffres' })
  codePostal?: string;

  /** In France: commune (INSEE code) of that postal code @example "45234" */
  @OptionalRefCode(5)
  commune?: string;

  /** In France, optional @example "CEDEX 2" */
  @OptionalText(50)
  cedex?: string;

  /** Abroad: the city @example "Bruxelles" */
  @OptionalText(100)
  villeEtrangere?: string;
}

export class AdresseDto extends AdresseInput {
  version: number;
}

export class BacInput {
  /** Série (code of /api/referentiels/series-bac), "SANS" without bac @example "GEN" */
  @RequiredCode(6)
  serie: string;

  /** Year obtained (not for "sans bac") @example 2023 */
  @IsOptional()
  @IsInt({ message: 'doit être une année' })
  @Min(1950, { message: 'doit être une année à partir de 1950' })
  @Max(2100, { message: 'doit être une année' })
  annee?: number;

  /** Code of /api/referentiels/mentions @example "B" */
  @OptionalRefCode(3)
  mention?: string;

  /** Spécialités of the general bac from 2021 (codes of /api/referentiels/specialites-bac) @example ["MATHS","PC"] */
  @IsOptional()
  @IsArray({ message: 'doit être une liste de codes' })
  @ArrayMaxSize(3, { message: 'compte au plus 3 spécialités' })
  @IsString({ each: true, message: 'doit être une liste de codes' })
  specialites?: string[];

  /** Country where it was obtained @example "FR" */
  @OptionalRefCode(2)
  pays?: string;

  /** In France @example "45" */
  @OptionalRefCode(3)
  departement?: string;

  /** In France, optional @example "45234" */
  @OptionalRefCode(5)
  commune?: string;

  /** In France, optional: the lycée (UAI of /api/referentiels/etablissements) @example "0450782F" */
  @OptionalRefCode(8)
  etablissement?: string;
}

export class BacDto extends BacInput {
  importe: boolean;
  version: number;
}

export class ManquantDto {
  /** Section of the file @example "adresse" */
  section: string;
  /** What a front-end can show @example "Renseignez votre adresse." */
  libelle: string;
}

/** The whole file in one call, with what is still missing before applying. */
export class DossierDto {
  /** @example "0WBZPM9X" */
  numeroDossier: string;
  /** The account's e-mail @example "elise.martin@example.org" */
  email: string;
  identite: IdentiteDto | null;
  adresse: AdresseDto | null;
  bac: BacDto | null;
  /** From the student records (read-only) */
  cursusInterne: CursusInterneDto[];
  cursus: CursusDto;
  /** Empty when the file is complete enough to apply (identity, address and bac) */
  manquants: ManquantDto[];
  complet: boolean;
}
