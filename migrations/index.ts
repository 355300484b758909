import { Referentiel1763800000000 } from './1763800000000-referentiel';
import { Jobs1763900000000 } from './1763900000000-jobs';
import { MailOutbox1763900000001 } from './1763900000001-mail-outbox';
import { StaffSessions1764000000000 } from './1764000000000-staff-sessions';
import { ComptesCandidats1764100000000 } from './1764100000000-comptes-candidats';
import { CompteReinitialisation1764200000000 } from './1764200000000-compte-reinitialisation';
import { CompteChangementEmail1764300000000 } from './1764300000000-compte-changement-email';
import { Cas1764300000001 } from './1764300000001-cas';
import { Throttle1764300000002 } from './1764300000002-throttle';
import { JobSlot1764300000003 } from './1764300000003-job-slot';
import { Perimetres1764300000004 } from './1764300000004-perimetres';
import { DossierCandidat1764400000000 } from './1764400000000-dossier-candidat';
import { Cursus1764400000001 } from './1764400000001-cursus';
import { Offre1764500000000 } from './1764500000000-offre';
import { Candidature1764600000000 } from './1764600000000-candidature';
import { Pieces1764600000001 } from './1764600000001-pieces';
import { IdentiteVerrouillee1764600000002 } from './1764600000002-identite-verrouillee';
import { PiecesCandidature1764600000003 } from './1764600000003-pieces-candidature';
import { Avis1764700000000 } from './1764700000000-avis';
import { SuiviCandidature1764700000001 } from './1764700000001-suivi-candidature';
import { OffreDecisions1764700000002 } from './1764700000002-offre-decisions';
import { Notes1764700000003 } from './1764700000003-notes';
import { CampagneArchivage1764600000004 } from './1764600000004-campagne-archivage';
import { MailPiecesJointes1764700000004 } from './1764700000004-mail-pieces-jointes';
import { Opi1764800000000 } from './1764800000000-opi';
import { RangListeComplementaire1764900000000 } from './1764900000000-rang-liste-complementaire';

/** Every migration, in order; listed explicitly so the app, the CLI and jest load the same set. */
export const MIGRATIONS = [Referentiel1763800000000, Jobs1763900000000, MailOutbox1763900000001, StaffSessions1764000000000, ComptesCandidats1764100000000, CompteReinitialisation1764200000000, CompteChangementEmail1764300000000, Cas1764300000001, Throttle1764300000002, JobSlot1764300000003, Perimetres1764300000004, DossierCandidat1764400000000, Cursus1764400000001, Offre1764500000000, Candidature1764600000000, Pieces1764600000001, IdentiteVerrouillee1764600000002, PiecesCandidature1764600000003, CampagneArchivage1764600000004, Avis1764700000000, SuiviCandidature1764700000001, OffreDecisions1764700000002, Notes1764700000003, MailPiecesJointes1764700000004, Opi1764800000000, RangListeComplementaire1764900000000];
