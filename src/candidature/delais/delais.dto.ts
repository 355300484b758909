import { IntersectionType } from '@nestjs/swagger';
import { CalendarDate } from '../../common/validation/decorators';
import { SelectionCandidatures } from '../dto/selection-candidatures.dto';

/**
 * The deadlines staff set for one candidature (reference GEST_DAT_CONFIRM / GEST_DAT_RETOUR). PUT replaces both:
 * an absent or null date gives the candidature back its formation's.
 */
export class DelaisCandidatureInput {
  /** Confirmation deadline of this candidature, over the formation's date or delay; today or later @example "2027-05-30" */
  @CalendarDate(true)
  dateConfirmation?: string | null;

  /** Return deadline of this candidature: extends the formation's (later than it, today or later) @example "2027-04-30" */
  @CalendarDate(true)
  dateRetour?: string | null;
}

/** The same deadlines for 1 to 200 candidatures at once (all or nothing). */
export class DelaisCandidaturesInput extends IntersectionType(SelectionCandidatures, DelaisCandidatureInput) {}

export class DelaisCandidaturesDto {
  /** The candidatures whose deadlines changed, as asked */
  candidatureIds: number[];
}
