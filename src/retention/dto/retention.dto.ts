import { Equals, IsDefined } from 'class-validator';
import { OptionalText } from '../../common/validation/decorators';

/** What a destruction removed, or (dry run) would remove */
export class BilanDestructionDto {
  /** Candidate accounts, with their file (identity, address, bac, cursus, stages, sessions…) @example 1200 */
  comptes: number;
  /** Candidatures, with their avis, notes and OPI @example 3400 */
  candidatures: number;
  /** Pièces of those candidatures @example 9800 */
  pieces: number;
  /** Stored files of those pièces @example 9100 */
  fichiers: number;
  /** Mails of the outbox sent to those accounts (a dry run counts every mail to their addresses) @example 5200 */
  mails: number;
}

export class CampagneEchueDto extends BilanDestructionDto {
  /** @example 3 */
  id: number;
  /** @example "2025" */
  code: string;
  /** @example "Campagne 2025" */
  libelle: string;
  /** @example "2025-11-20T23:05:00.000Z" */
  archiveeAt: string;
}

export class ApercuRetentionDto {
  /** RETENTION_JOURS @example 365 */
  jours: number;
  /** Campaigns archived before this instant are destroyed by the next run @example "2025-12-06T11:00:00.000Z" */
  archiveesAvant: string;
  /** What the next run of purge-campagnes-archivees would destroy, campaign by campaign (nothing is deleted here) */
  campagnes: CampagneEchueDto[];
}

export class EffacementCandidatDto {
  /**
   * Confirms that the candidate was offered their data first (GET /api/candidats/{numeroDossier}/donnees, or their own
   * GET /api/comptes/moi/donnees): the erasure cannot be undone
   */
  @IsDefined({ message: 'est obligatoire' })
  @Equals(true, { message: "doit valoir true : proposez d'abord au candidat l'export de ses données (GET /api/candidats/{numeroDossier}/donnees)" })
  exportPropose: boolean;

  /** The request, as received (kept in the logs only) @example "Demande écrite du 2 décembre 2026" */
  @OptionalText(500)
  motif?: string;
}

export class EffacementDto extends BilanDestructionDto {
  /** @example "DEMO0003" */
  numeroDossier: string;
  /** The address told of the erasure @example "lea.martin@example.org" */
  emailInforme: string;
}
