import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { SelectionCandidatures } from '../dto/selection-candidatures.dto';
import { CalendarDate, OptionalCode, OptionalFlag, OptionalInt, OptionalText } from '../../common/validation/decorators';
import { TypeAvis } from '../entities/avis.entity';

export class SaisieAvisInput extends SelectionCandidatures {
  @ApiProperty({ enum: TypeAvis, enumName: 'TypeAvis', description: 'FA favorable, DE défavorable (motif), LC liste complémentaire (rang), LA liste d’attente, PR présélection (date, heure, lieu)' })
  @IsIn(Object.values(TypeAvis), { message: 'doit valoir FA, DE, LC, LA ou PR' })
  type: TypeAvis;

  /**
   * The type de décision, of the family `type`, active (GET /api/candidatures/types-decision); absent: the family's
   * model (« Favorable »…) @example "AVIS_FAVORABLE"
   */
  @OptionalCode(/^[A-Z0-9_-]{1,20}$/, 'doit être un code de type de décision (voir GET /api/candidatures/types-decision)')
  typeDecision?: string;

  /** Défavorable: a code of GET /api/candidatures/motifs-avis @example "CAPACITE" */
  @OptionalCode(/^[A-Z0-9_-]{1,20}$/, 'doit être un code de motif (voir GET /api/candidatures/motifs-avis)')
  motif?: string;

  /** Liste complémentaire: the rank @example 4 */
  @OptionalInt(1, 100000)
  rang?: number;

  /** Présélection: the day @example "2027-05-02" */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  preselectionDate?: string;

  /** Présélection: the time @example "09:30" */
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'doit être une heure HH:MM' })
  preselectionHeure?: string;

  /** Présélection: the place @example "Amphithéâtre B, bâtiment Géosciences" */
  @OptionalText(100)
  preselectionLieu?: string;

  /**
   * The day the commission met and gave this avis, YYYY-MM-DD (Europe/Paris), not in the future: the admission or
   * refusal letter says « lors de sa réunion du … »; without it the letter names no meeting @example "2027-04-12"
   */
  @CalendarDate(true)
  dateReunion?: string;

  /** @example "Très bon dossier." */
  @OptionalText(1000, { multiline: true })
  commentaire?: string;

  /** The candidate sees the comment (false, the default) */
  @OptionalFlag()
  commentaireVisible?: boolean;
}

export class AvisDto {
  id: number;
  candidatureId: number;
  @ApiProperty({ enum: TypeAvis, enumName: 'TypeAvis' })
  type: TypeAvis;
  /** The type de décision (its family's model when staff named none) @example "AVIS_LISTE_COMP" */
  typeDecision: string;
  /** The type de décision's label @example "Liste complémentaire" */
  libelle: string;
  motif: string | null;
  motifLibelle: string | null;
  rang: number | null;
  preselectionDate: string | null;
  preselectionHeure: string | null;
  preselectionLieu: string | null;
  /** The day the commission met, as staff typed it */
  dateReunion: string | null;
  commentaire: string | null;
  commentaireVisible: boolean;
  valide: boolean;
  valideAt: string | null;
  validePar: string | null;
  /** When the candidate saw it; null: not validated, or waiting for the formation's publication date */
  publieAt: string | null;
  creePar: string;
  createdAt: string;
}

export class MotifAvisDto {
  id: number;
  /** @example "CAPACITE" */
  code: string;
  /** @example "Capacité d'accueil atteinte" */
  libelle: string;
  /** Offered for new avis; an inactive motif stays on the avis that give it */
  actif: boolean;
  /** Send it back as If-Match to change the motif */
  version: number;
}
