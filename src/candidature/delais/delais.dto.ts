import { CalendarDate } from '../../common/validation/decorators';

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
