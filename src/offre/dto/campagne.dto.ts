import { IsOptional } from 'class-validator';
import { Identifiant, OptionalFlag, RequiredText } from '../../common/validation/decorators';
import { CalendarDate } from '../../common/validation/decorators';
import { OffreCode } from './gestion-offre.dto';

const ID_MESSAGE = 'doit être un identifiant (nombre entier)';

export class CampagneInput {
  /** Unique @example "2028" */
  @OffreCode(20)
  code: string;

  /** @example "Campagne 2028" */
  @RequiredText(150)
  libelle: string;

  /** First day accounts may be created and candidatures made, YYYY-MM-DD (Europe/Paris) @example "2027-11-01" */
  @CalendarDate(false)
  dateDebut: string;

  /** Last day (inclusive), not before the first @example "2028-09-30" */
  @CalendarDate(false)
  dateFin: string;

  /**
   * Day the archiving job puts it in service, today or later; absent: only by POST …/activation. Ignored for the
   * very first campaign, put in service at once @example "2027-10-15"
   */
  @CalendarDate(true)
  dateActivationPrevue?: string;

  /** The campaign archived when this one is put in service: the one in service now @example 1 */
  @IsOptional()
  @Identifiant(ID_MESSAGE)
  campagneAArchiverId?: number;

  /**
   * Last day candidates may log in (inclusive, Europe/Paris), not before the campaign's last day (eCandidat's
   * datFinCandidatCamp); absent: no limit. Staff are not concerned @example "2028-10-31"
   */
  @CalendarDate(true)
  dateFinCandidat?: string;

  /**
   * Whether accounts may be created with an e-mail and a password (`POST /api/comptes`); false when the institution
   * wants its CAS only: candidates then open their account by logging in through CAS. Absent: true @example true
   */
  @OptionalFlag()
  creationComptesHorsCas?: boolean;
}

export class CampagneDto {
  /** @example 2 */
  id: number;
  /** @example "2028" */
  code: string;
  /** @example "Campagne 2028" */
  libelle: string;
  /** @example "2027-11-01" */
  dateDebut: string;
  /** @example "2028-09-30" */
  dateFin: string;
  /** @example "2027-10-15" */
  dateActivationPrevue: string | null;
  /** @example 1 */
  campagneAArchiverId: number | null;
  /** Last day candidates may log in; null: no limit @example "2028-10-31" */
  dateFinCandidat: string | null;
  /** false: accounts are opened through CAS only @example true */
  creationComptesHorsCas: boolean;
  /** The campaign accounts and candidatures belong to now (one at a time) */
  enService: boolean;
  /** When it was put in service (UTC) @example null */
  activeeAt: string | null;
  /** When it was archived (UTC): its candidatures are read-only @example null */
  archiveeAt: string | null;
  /** Send it back as If-Match to change the campaign (also the ETag) @example 1 */
  version: number;
}
