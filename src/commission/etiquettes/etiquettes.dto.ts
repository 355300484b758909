import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsString, Matches } from 'class-validator';
import { SelectionCandidatures } from '../../candidature/dto/selection-candidatures.dto';
import { OptionalRefCode, RequiredIdentifiant, RequiredText } from '../../common/validation/decorators';

const ID_MESSAGE = "doit être l'identifiant d'une étiquette (nombre entier)";

/** A label's colour, as browsers take it: # and six hexadecimal digits, stored in lower case. */
export const COULEUR = /^#[0-9a-f]{6}$/;

export class EtiquetteModification {
  /** Unique among its owner's labels (case and accents ignored) @example "Boursier" */
  @RequiredText(50)
  libelle: string;

  @ApiProperty({ example: '#1f77b4', description: '#rrggbb' })
  @IsDefined({ message: 'est obligatoire' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString({ message: 'doit être une couleur #rrggbb, par exemple #1f77b4' })
  @Matches(COULEUR, { message: 'doit être une couleur #rrggbb, par exemple #1f77b4' })
  couleur: string;
}

export class EtiquetteInput extends EtiquetteModification {
  /** The owning centre (code), whose gestionnaires manage it and whose candidatures only carry it; absent: the institution's (scolarité centrale) @example "OSUC" */
  @OptionalRefCode(20)
  centre?: string;
}

export class EtiquetteDto {
  /** @example 1 */
  id: number;
  /** @example "Boursier" */
  libelle: string;
  /** @example "#1f77b4" */
  couleur: string;
  /** Code of the owning centre; null: the institution's @example null */
  centre: string | null;
}

export class EtiquetteParams {
  /** @example 1 */
  @RequiredIdentifiant(ID_MESSAGE)
  id: number;
}

export class EtiquetteCandidatureParams {
  /** The candidature @example 1 */
  @RequiredIdentifiant('doit être un identifiant de candidature')
  id: number;

  /** The label @example 1 */
  @RequiredIdentifiant(ID_MESSAGE)
  etiquetteId: number;
}

export class PoseEtiquettes extends SelectionCandidatures {
  /** The label to put on every one of them @example 1 */
  @RequiredIdentifiant(ID_MESSAGE)
  etiquetteId: number;
}

export class PoseEtiquettesDto {
  /** Candidatures that did not carry it yet (the others are left as they were) @example 2 */
  posees: number;
}
