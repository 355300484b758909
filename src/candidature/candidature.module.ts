import { LettresModule } from '../lettres/lettres.module';
import { Module } from '@nestjs/common';
import { CandidatModule } from '../candidat/candidat.module';
import { MailModule } from '../mail/mail.module';
import { OpiModule } from '../opi/opi.module';
import { CampagnesController } from '../offre/campagnes.controller';
import { OffreModule } from '../offre/offre.module';
import { PdfModule } from '../pdf/pdf.module';
import { PiecesModule } from '../pieces/pieces.module';
import { ReferentielModule } from '../referentiel/referentiel.module';
import { ArchivageCampagnesService } from './archivage-campagnes.service';
import { AvisController } from './avis/avis.controller';
import { AvisService } from './avis/avis.service';
import { ConfirmationService } from './decision/confirmation.service';
import { DecisionCandidatController } from './decision/decision-candidat.controller';
import { DelaisController } from './delais/delais.controller';
import { DelaisService } from './delais/delais.service';
import { ParametrageDecisionsController } from './parametrage/parametrage-decisions.controller';
import { ParametrageDecisionsService } from './parametrage/parametrage-decisions.service';
import { StatutDossierController } from './statut/statut-dossier.controller';
import { StatutDossierService } from './statut/statut-dossier.service';
import { TypeTraitementController } from './traitement/type-traitement.controller';
import { TypeTraitementService } from './traitement/type-traitement.service';
import { CandidatureStaffController } from './candidature-staff.controller';
import { CandidatureStaffService } from './candidature-staff.service';
import { CandidatureController } from './candidature.controller';
import { FichiersOrphelinsService } from './fichiers-orphelins.service';
import { FormationOffreController } from './formation-offre.controller';
import { FormationOffreService } from './formation-offre.service';
import { CandidatureService } from './candidature.service';
import { CourrierCandidature } from './courrier-candidature.service';
import { PourCandidatController } from './pour-candidat.controller';
import { DepotPiecesService } from './depot-pieces.service';
import { DossierPdfService } from './dossier-pdf.service';
import { PiecesCandidatureService } from './pieces-candidature.service';
import { RelanceRetourService } from './relance-retour.service';

/**
 * The candidature and its life, in one module: the candidate's side (apply, pièces, transmit, cancel, answer), the
 * staff's changes (statut du dossier, pièce checks, type de traitement, avis, deadlines, acting for the candidate) and the jobs' (publication,
 * automatic withdrawal, promotion, archiving). Every change is allowed or refused by the one table of
 * `candidature-rules.ts`; who may touch which candidature is `acces-candidatures.ts`. Other modules read and call it.
 */
@Module({
  imports: [CandidatModule, OffreModule, PiecesModule, PdfModule, ReferentielModule, MailModule, OpiModule, LettresModule],
  // CampagnesController (src/offre) is here because putting a campaign in service archives candidatures;
  // FormationOffreController because a formation's public page tells what a candidature to it asks for.
  controllers: [
    CandidatureController,
    CandidatureStaffController,
    CampagnesController,
    AvisController,
    DecisionCandidatController,
    DelaisController,
    StatutDossierController,
    TypeTraitementController,
    FormationOffreController,
    ParametrageDecisionsController,
    PourCandidatController,
  ],
  providers: [
    CourrierCandidature,
    FichiersOrphelinsService,
    FormationOffreService,
    CandidatureService,
    PiecesCandidatureService,
    DepotPiecesService,
    DossierPdfService,
    CandidatureStaffService,
    ArchivageCampagnesService,
    AvisService,
    ConfirmationService,
    DelaisService,
    StatutDossierService,
    TypeTraitementService,
    ParametrageDecisionsService,
    RelanceRetourService,
  ],
  exports: [CourrierCandidature, FichiersOrphelinsService, CandidatureService, ArchivageCampagnesService, DossierPdfService, AvisService, ConfirmationService, ParametrageDecisionsService, RelanceRetourService],
})
export class CandidatureModule {}
