import {
  Commune,
  CommuneCodePostal,
  Departement,
  Etablissement,
  Mention,
  Pays,
  SerieBac,
  SpecialiteBac,
  TypeDiplome,
} from '../referentiel/entities';
import { LettreCommission } from '../lettres/entities/lettre-commission.entity';
import { LettreEtablissement } from '../lettres/entities/lettre-etablissement.entity';
import { LettreTypeDiplome } from '../lettres/entities/lettre-type-diplome.entity';
import { CasCode } from '../auth/cas/entities/cas-code.entity';
import { CompteCandidat } from '../auth/entities/compte-candidat.entity';
import { NumeroDossier } from '../auth/entities/numero-dossier.entity';
import { Session } from '../auth/entities/session.entity';
import { Campagne } from '../offre/entities/campagne.entity';
import { CentreCandidature } from '../offre/entities/centre-candidature.entity';
import { Commission } from '../offre/entities/commission.entity';
import { Formation } from '../offre/entities/formation.entity';
import { OffreVersion } from '../offre/entities/offre-version.entity';
import { ImportScolarite } from '../candidat/entities/import-scolarite.entity';
import { UtilisateurPerimetre } from '../auth/entities/utilisateur-perimetre.entity';
import { UtilisateurRole } from '../auth/entities/utilisateur-role.entity';
import { Utilisateur } from '../auth/entities/utilisateur.entity';
import { JournalHabilitation } from '../personnel/entities/journal-habilitation.entity';
import { JobLease } from '../jobs/entities/job-lease.entity';
import { JobRun } from '../jobs/entities/job-run.entity';
import { JobReglage } from '../jobs/entities/job-reglage.entity';
import { Maintenance } from '../maintenance/maintenance.entity';
import { MailOutbox } from '../mail/entities/mail-outbox.entity';
import { ModeleMail } from '../mail/modeles/entities/modele-mail.entity';
import { Candidat } from '../candidat/entities/candidat.entity';
import { CandidatAdresse } from '../candidat/entities/candidat-adresse.entity';
import { CandidatBac } from '../candidat/entities/candidat-bac.entity';
import { ThrottleCounter } from '../common/throttle/throttle-counter.entity';
import { CursusExterne } from '../cursus/entities/cursus-externe.entity';
import { ExperiencePro } from '../cursus/entities/experience-pro.entity';
import { Stage } from '../cursus/entities/stage.entity';
import { PieceFormation } from '../pieces/entities/piece-formation.entity';
import { PieceJustificative } from '../pieces/entities/piece-justificative.entity';
import { Candidature } from '../candidature/entities/candidature.entity';
import { PieceCandidature } from '../candidature/entities/piece-candidature.entity';
import { Avis } from '../candidature/entities/avis.entity';
import { MotifAvis } from '../candidature/entities/motif-avis.entity';
import { TypeDecision } from '../candidature/entities/type-decision.entity';
import { NoteCandidature } from '../commission/liste/entities/note-candidature.entity';
import { HistoriqueCandidature } from '../candidature/entities/historique-candidature.entity';
import { Etiquette } from '../commission/etiquettes/entities/etiquette.entity';
import { EtiquetteCandidature } from '../commission/etiquettes/entities/etiquette-candidature.entity';
import { MotRecherche } from '../candidature/entities/mot-recherche.entity';
import { Opi } from '../opi/opi.entity';

/** Every entity of the application, listed once for the app, the CLI and the schema-drift check. */
export const ENTITIES = [
  Pays,
  Departement,
  Commune,
  CommuneCodePostal,
  SerieBac,
  SpecialiteBac,
  Mention,
  TypeDiplome,
  Etablissement,
  JobLease,
  JobRun,
  MailOutbox,
  ModeleMail,
  Utilisateur,
  UtilisateurRole,
  UtilisateurPerimetre,
  JournalHabilitation,
  Session,
  Campagne,
  CompteCandidat,
  NumeroDossier,
  CasCode,
  ImportScolarite,
  ThrottleCounter,
  Candidat,
  CandidatAdresse,
  CandidatBac,
  CursusExterne,
  Stage,
  ExperiencePro,
  CentreCandidature,
  Commission,
  Formation,
  OffreVersion,
  PieceJustificative,
  PieceFormation,
  Candidature,
  PieceCandidature,
  MotifAvis,
  TypeDecision,
  Avis,
  NoteCandidature,
  HistoriqueCandidature,
  Etiquette,
  EtiquetteCandidature,
  MotRecherche,
  Opi,
  Maintenance,
  JobReglage,
  LettreEtablissement,
  LettreCommission,
  LettreTypeDiplome,
];
