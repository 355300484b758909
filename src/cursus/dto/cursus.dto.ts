import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Min } from 'class-validator';
import { OptionalInt, OptionalRefCode, OptionalText, RequiredCode, RequiredIdentifiant, RequiredText } from '../../common/validation/decorators';
import { ResultatCursus } from '../entities/cursus-externe.entity';

export const PREMIERE_ANNEE = 1950;
// The upper bound, next year, depends on today's date in Paris: OwnedRows checks it with the clock.
const ANNEE_MESSAGE = `doit être une année sur 4 chiffres, ${PREMIERE_ANNEE} au plus tôt`;

export class CursusExterneInput {
  /** First year of the academic year (2024 for 2024-2025), at most next year @example 2024 */
  @IsInt({ message: ANNEE_MESSAGE })
  @Min(PREMIERE_ANNEE, { message: ANNEE_MESSAGE })
  annee: number;

  /** Country (code of /api/referentiels/pays) @example "FR" */
  @RequiredCode(2)
  pays: string;

  /** In France: département (code of /api/referentiels/departements) @example "45" */
  @OptionalRefCode(3)
  departement?: string;

  /** In France: commune (INSEE code of /api/referentiels/communes) @example "45234" */
  @OptionalRefCode(5)
  commune?: string;

  /** In France: the establishment (UAI of /api/referentiels/etablissements); else `libelleEtablissement` @example "0450855K" */
  @OptionalRefCode(10)
  etablissement?: string;

  /** The establishment's name, when it is not in the list (abroad, a school not listed) @example "Universidad de Salamanca" */
  @OptionalText(200)
  libelleEtablissement?: string;

  /** Type of diploma (code of /api/referentiels/types-diplome) @example "LIC" */
  @RequiredCode(10)
  typeDiplome: string;

  /** Title of the formation @example "L2 Géographie et aménagement" */
  @RequiredText(255)
  libelle: string;

  @ApiProperty({ enum: ResultatCursus, enumName: 'ResultatCursus', example: ResultatCursus.OBTENU, description: 'Year passed (obtenu), failed (non obtenu) or in progress (en cours)' })
  @IsIn(Object.values(ResultatCursus), { message: 'doit valoir OBTENU, NON_OBTENU ou EN_COURS' })
  resultat: ResultatCursus;

  /** Code of /api/referentiels/mentions @example "AB" */
  @OptionalRefCode(10)
  mention?: string;
}

export class CursusExterneDto extends CursusExterneInput {
  /** @example 12 */
  id: number;
  /** Send it back as If-Match to change or delete the row (also the ETag) @example 1 */
  version: number;
}

export class StageInput {
  /** At most next year @example 2023 */
  @IsInt({ message: ANNEE_MESSAGE })
  @Min(PREMIERE_ANNEE, { message: ANNEE_MESSAGE })
  annee: number;

  /** Free text @example "8 semaines" */
  @RequiredText(20)
  duree: string;

  /** @example 35 */
  @OptionalInt(1, 60)
  heuresParSemaine?: number;

  /** Employer or host organisation @example "Ville de Tours" */
  @RequiredText(100)
  organisme: string;

  /** @example "Inventaire des espaces verts, cartographie sous QGIS" */
  @RequiredText(500, { multiline: true })
  descriptif: string;
}

export class StageDto extends StageInput {
  /** @example 7 */
  id: number;
  /** Send it back as If-Match to change or delete the row (also the ETag) @example 1 */
  version: number;
}

export class ExperienceProInput {
  /** At most next year @example 2022 */
  @IsInt({ message: ANNEE_MESSAGE })
  @Min(PREMIERE_ANNEE, { message: ANNEE_MESSAGE })
  annee: number;

  /** Free text @example "CDD 8 mois" */
  @RequiredText(20)
  duree: string;

  /** Job title @example "Animateur" */
  @RequiredText(100)
  intitule: string;

  /** Employer @example "Foire de Bordeaux" */
  @RequiredText(100)
  organisme: string;

  /** @example "Accompagnement des visiteurs, tenue de stands" */
  @OptionalText(500, { multiline: true })
  descriptif?: string;
}

export class ExperienceProDto extends ExperienceProInput {
  /** @example 3 */
  id: number;
  /** Send it back as If-Match to change or delete the row (also the ETag) @example 1 */
  version: number;
}

/** What the candidate declared of their studies and work outside the university, each list by year then entry. */
export class CursusDto {
  cursusExterne: CursusExterneDto[];
  stages: StageDto[];
  experiencesPro: ExperienceProDto[];
}

/** The `{id}` of an item route. */
export class ElementParams {
  /** @example 1 */
  @RequiredIdentifiant('doit être un identifiant (nombre entier)')
  id: number;
}
