import { Referentiel1763800000000 } from './1763800000000-referentiel';
import { Jobs1763900000000 } from './1763900000000-jobs';
import { MailOutbox1763900000001 } from './1763900000001-mail-outbox';
import { StaffSessions1764000000000 } from './1764000000000-staff-sessions';
import { ComptesCandidats1764100000000 } from './1764100000000-comptes-candidats';
import { CompteReinitialisation1764200000000 } from './1764200000000-compte-reinitialisation';

/** Every migration, in order; listed explicitly so the app, the CLI and jest load the same set. */
export const MIGRATIONS = [Referentiel1763800000000, Jobs1763900000000, MailOutbox1763900000001, StaffSessions1764000000000, ComptesCandidats1764100000000, CompteReinitialisation1764200000000];
