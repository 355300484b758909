import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { OptionalCode, OptionalInt, OptionalText } from '../../common/validation/decorators';
import { TypeEtablissement } from '../entities/etablissement.entity';

const DEPARTEMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97\d|98\d)$/;
const DEPARTEMENT_MESSAGE = 'doit être un code de département (45, 2A, 974…)';

export class SearchQueryDto extends PageQueryDto {
  /** Text to find in the label, without regard to case or accents @example "orl" */
  @OptionalText(100)
  q?: string;
}

export class CommuneQueryDto extends SearchQueryDto {
  /** Only communes of this département @example "45" */
  @OptionalCode(DEPARTEMENT, DEPARTEMENT_MESSAGE)
  departement?: string;

  /** Only communes served by this postal code (or starting with these digits) @example "45000" */
  @OptionalCode(/^\d{2,5}$/, 'doit être un code postal de 2 à 5 chiffres')
  codePostal?: string;
}

export class AnneeQueryDto extends SearchQueryDto {
  /** Only what was awarded in this session year @example 2023 */
  @OptionalInt(1900, 2100)
  annee?: number;
}

export class EtablissementQueryDto extends SearchQueryDto {
  /** Only établissements of this département @example "45" */
  @OptionalCode(DEPARTEMENT, DEPARTEMENT_MESSAGE)
  departement?: string;

  /** Only établissements of this commune (code INSEE) @example "45234" */
  @OptionalCode(/^(\d{5}|2[AB]\d{3})$/, 'doit être un code INSEE de commune (5 caractères)')
  commune?: string;

  /** Only this kind of établissement */
  @IsOptional()
  @IsEnum(TypeEtablissement, { message: 'doit valoir LYCEE ou SUPERIEUR' })
  type?: TypeEtablissement;
}
