import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OptionalFlag, OptionalText, RequiredText } from '../../common/validation/decorators';
import { TypeAvis } from '../entities/avis.entity';

const CODE_MESSAGE = 'doit être un code de 1 à 20 caractères : lettres, chiffres, « - » et « _ »';

/** A code typed by staff: trimmed, upper-cased, then checked. */
const CodeSaisi = () =>
  applyDecorators(
    IsDefined({ message: 'est obligatoire' }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    IsString({ message: CODE_MESSAGE }),
    Length(1, 20, { message: CODE_MESSAGE }),
    Matches(/^[A-Z0-9][A-Z0-9_-]*$/, { message: CODE_MESSAGE }),
  );

/** A type de décision as staff define it; omitted rules are its family's model's. */
export class TypeDecisionInput {
  /** Unique; upper-cased; never changes once created @example "FAV_RESERVE" */
  @CodeSaisi()
  code: string;

  /** What the candidate reads @example "Avis favorable sous réserve" */
  @RequiredText(100)
  libelle: string;

  /** For candidates who chose English; absent or null: the French one @example "Conditional offer" */
  @ApiProperty({ type: 'string', nullable: true, required: false, maxLength: 100 })
  @OptionalText(100)
  libelleEn?: string | null;

  @ApiProperty({ enum: TypeAvis, enumName: 'TypeAvis', description: 'The avis family (FA, DE, LC, LA, PR): the fields an avis asks and the liste complémentaire follow it; never changes once created' })
  @IsIn(Object.values(TypeAvis), { message: 'doit valoir FA, DE, LC, LA ou PR' })
  famille: TypeAvis;

  /** A final decision: the admission (FA) or refusal (DE) letter goes with it (absent: as the family's model) @example true */
  @OptionalFlag()
  definitif?: boolean;

  /** Favourable family only: the candidate confirms or withdraws before the deadline (absent: as the family's model) @example true */
  @OptionalFlag()
  confirmable?: boolean;

  /** The mail its publication sends: its family's (AVIS_FAVORABLE, AVIS_DEFAVORABLE, AVIS_LISTE_COMP, AVIS_LISTE_ATT, AVIS_PRESELECTION), or null for none (absent: its family's) */
  @ApiProperty({ type: 'string', nullable: true, required: false, example: 'AVIS_FAVORABLE' })
  @IsOptional()
  @IsString({ message: 'doit être un code de mail de décision, ou null' })
  mail?: string | null;

  /** Offered for new avis (true, the default); false deactivates it, the avis that name it keep it @example true */
  @OptionalFlag()
  actif?: boolean;
}

export class TypeDecisionDto {
  id: number;
  /** @example "FAV_RESERVE" */
  code: string;
  /** @example "Avis favorable sous réserve" */
  libelle: string;
  libelleEn: string | null;
  @ApiProperty({ enum: TypeAvis, enumName: 'TypeAvis' })
  famille: TypeAvis;
  definitif: boolean;
  confirmable: boolean;
  /** @example "AVIS_FAVORABLE" */
  mail: string | null;
  /** Seeded, one a family: what an avis naming no type means; only its labels change */
  modele: boolean;
  actif: boolean;
  /** Send it back as If-Match to change the type */
  version: number;
}

export class CreationMotifAvisInput {
  /** Unique; upper-cased; never changes once created (avis keep it) @example "LANGUE" */
  @CodeSaisi()
  code: string;

  /** What the candidate reads as the reason of a refusal @example "Niveau de langue insuffisant" */
  @RequiredText(200)
  libelle: string;

  /** Offered for new avis (true, the default) @example true */
  @OptionalFlag()
  actif?: boolean;
}

/** A motif renamed, deactivated or reactivated: its code stays (the avis that give it name it). */
export class MotifAvisInput {
  /** @example "Capacité d'accueil de la formation atteinte" */
  @RequiredText(200)
  libelle: string;

  /** false: no longer offered for new avis (true, the default) @example true */
  @OptionalFlag()
  actif?: boolean;
}
