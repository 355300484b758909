import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { Civilite } from '../../../candidat/entities/candidat.entity';
import { PageOf } from '../../../common/pagination/page';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { OptionalInt, OptionalText } from '../../../common/validation/decorators';
import { OptionalBool } from '../../liste/dto/liste-candidatures.dto';

class CriteresRechercheDto {
  /** Words, each the start of a word of the name (accents and case ignored), of the numéro de dossier or of the INE: "eloise mar" @example "eloise" */
  @OptionalText(100)
  q?: string;

  /** The INE and its key, exactly (case ignored) @example "1234567890A" */
  @OptionalText(11)
  ine?: string;

  /** The account's e-mail, exactly (case and accents ignored) @example "eloise.martin@example.org" */
  @OptionalText(255)
  email?: string;

  /** The numéro de dossier, exactly (case ignored) @example "T0000042" */
  @OptionalText(8)
  numero?: string;

  /** The campaign (id): accounts belong to one; by default the one in service (else the latest) @example 3 */
  @OptionalInt(1, 2_147_483_647)
  campagne?: number;

  /** true: accounts with at least one candidature (cancelled ones count); false: accounts without any @example false */
  @OptionalBool()
  avecCandidature?: boolean;
}

export class RechercheCandidatsQueryDto extends IntersectionType(PageQueryDto, CriteresRechercheDto) {}

/** An account found by the search */
export class CandidatTrouveDto {
  /** @example "T0000042" */
  numeroDossier: string;
  email: string;
  /** The campaign of the account (id) */
  campagne: number;
  /** The account was activated */
  active: boolean;
  @ApiProperty({ enum: Object.values(Civilite), nullable: true, description: 'null until the identity is filled' })
  civilite: Civilite | null;
  /** Nom d'usage, else nom de naissance; the name typed at account creation until the identity is filled @example "Martin" */
  nom: string;
  /** @example "Éloïse" */
  prenom: string;
  /** YYYY-MM-DD; null until the identity is filled */
  dateNaissance: string | null;
  ine: string | null;
  /** Live candidatures of the account the caller may read (all of them for scolarité centrale and admin) */
  candidatures: number;
}

export class CandidatTrouvePage extends PageOf(CandidatTrouveDto) {
  /** The count is exact up to 1,000 accounts; beyond, `total` is 1000 and `plusDe` is true */
  plusDe: boolean;
}
