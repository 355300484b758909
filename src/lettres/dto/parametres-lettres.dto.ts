import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Langue } from '../../common/i18n/langue';
import { OptionalInt, OptionalRefCode, OptionalText, RequiredCode, RequiredText } from '../../common/validation/decorators';

const LIGNES_ADRESSE_MAX = 6;
const LIGNE_ADRESSE_MAX = 100;

/** Address lines as a letter prints them: 6 at most, each of one line and 100 characters at most; blank lines dropped. */
function LignesAdresse() {
  const each = true;
  return applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((l) => (typeof l === 'string' ? l.trim() : l)).filter((l) => l !== '') : value)),
    IsArray({ message: 'doit être une liste de lignes' }),
    ArrayMaxSize(LIGNES_ADRESSE_MAX, { message: `compte au plus ${LIGNES_ADRESSE_MAX} lignes` }),
    IsString({ each, message: 'doit être une liste de lignes (chaînes de caractères)' }),
    // eslint-disable-next-line no-control-regex
    Matches(/^[^\u0000-\u001f\u007f-\u009f]*$/, { each, message: 'ne doit pas contenir de caractère de contrôle ni de retour à la ligne' }),
    MaxLength(LIGNE_ADRESSE_MAX, { each, message: `a des lignes d'au plus ${LIGNE_ADRESSE_MAX} caractères` }),
  );
}

/** A stored image of the letters (PNG or JPEG); its bytes only ever go into the letters. */
export class ImageLettreDto {
  /** @example "image/png" */
  type: string;
}

/**
 * Who signs: the institution's signatory signs the letters of commissions that name none (neither here nor in their
 * `signataire`); a commission's signs its letters.
 */
class SignataireLettreInput {
  /** @example "Éric Blond" */
  @OptionalText(200)
  signataireNom?: string;

  /** @example "Président de l'université" */
  @OptionalText(200)
  signataireTitre?: string;

  /** For candidates who chose English; blank: the French one @example "President of the University" */
  @OptionalText(200)
  signataireTitreEn?: string;
}

export class EtablissementLettreInput extends SignataireLettreInput {
  /** The institution's name at the top of every letter; blank: the application's name @example "Université d'Orléans" */
  @OptionalText(200)
  nom?: string;

  /** For candidates who chose English; blank: the French one @example "University of Orléans" */
  @OptionalText(200)
  nomEn?: string;

  /** Postal address under the name, one line each (6 at most) @example ["Château de la Source", "Avenue du Parc Floral", "45100 Orléans"] */
  @LignesAdresse()
  adresse?: string[];

}

export class EtablissementLettreDto {
  /** null: letters print the application's name */
  nom: string | null;
  nomEn: string | null;
  /** Lines of the address */
  adresse: string[];
  signataireNom: string | null;
  signataireTitre: string | null;
  signataireTitreEn: string | null;
  logo: ImageLettreDto | null;
  signature: ImageLettreDto | null;
  /** Who saved it last; null: never set, letters are as shipped */
  updatedBy: string | null;
  updatedAt: string | null;
}

export class CommissionLettreInput extends SignataireLettreInput {
  /** The sender's address lines instead of the commission's postal address (6 at most) @example ["OSUC - Scolarité", "1A rue de la Férollerie", "45071 Orléans Cedex 2"] */
  @LignesAdresse()
  adresse?: string[];

  /** A paragraph every letter of this commission prints @example "Les enseignements commencent le 1er septembre ; une réunion de rentrée a lieu la veille." */
  @OptionalText(4000, { multiline: true })
  texte?: string;

  /** @example "Classes start on 1 September; an induction meeting is held the day before." */
  @OptionalText(4000, { multiline: true })
  texteEn?: string;
}

export class CommissionLettreDto {
  /** @example 1 */
  commissionId: number;
  signataireNom: string | null;
  signataireTitre: string | null;
  signataireTitreEn: string | null;
  /** Lines of the sender's address; empty: the commission's postal address */
  adresse: string[];
  texte: string | null;
  texteEn: string | null;
  signature: ImageLettreDto | null;
  /** null: never set, the commission's letters are the institution's */
  updatedBy: string | null;
  updatedAt: string | null;
}

export class TypeDiplomeLettreInput {
  /** The paragraph the letters of this type de diplôme's formations print @example "Conformément à l'arrêté du 22 janvier 2014, votre inscription administrative vaut acceptation du règlement des études." */
  @RequiredText(4000, { multiline: true })
  texte: string;

  /** For candidates who chose English; blank: the French one @example "Under the decree of 22 January 2014, enrolling means accepting the study regulations." */
  @OptionalText(4000, { multiline: true })
  texteEn?: string;
}

export class TypeDiplomeLettreDto {
  /** @example "MAS" */
  typeDiplome: string;
  /** @example "Master" */
  libelle: string;
  texte: string;
  texteEn: string | null;
  updatedBy: string;
  updatedAt: string;
}

export class TypeDiplomeParams {
  /** Code of the reference data's types de diplôme @example "MAS" */
  @RequiredCode(10)
  code: string;
}

export const TYPES_LETTRE = ['admission', 'refus'] as const;

export class ApercuLettreQuery {
  /** Which letter: `admission` or `refus` @example "admission" */
  @IsIn(TYPES_LETTRE, { message: 'doit valoir admission ou refus' })
  type: (typeof TYPES_LETTRE)[number];

  /** The letter's language (the candidate's): `fr` (default) or `en` @example "en" */
  @IsOptional()
  @IsIn(Object.values(Langue), { message: 'doit valoir fr ou en' })
  langue?: Langue;

  /** A commission of the caller's scope, whose settings the letter uses; absent: an example commission @example 1 */
  @OptionalInt(1, 2147483647)
  commissionId?: number;

  /** A type de diplôme whose text the letter prints @example "MAS" */
  @OptionalRefCode(10)
  typeDiplome?: string;
}

export class ImageEtablissementParams {
  /** `logo` or `signature` (the institution signatory's) @example "logo" */
  @IsIn(['logo', 'signature'], { message: 'doit valoir logo ou signature' })
  image: 'logo' | 'signature';
}
