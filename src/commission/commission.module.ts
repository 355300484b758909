import { Module } from '@nestjs/common';
import { CandidatModule } from '../candidat/candidat.module';
import { CandidatureModule } from '../candidature/candidature.module';
import { MailModule } from '../mail/mail.module';
import { OffreModule } from '../offre/offre.module';
import { OpiModule } from '../opi/opi.module';
import { PdfModule } from '../pdf/pdf.module';
import { PiecesModule } from '../pieces/pieces.module';
import { AvisController } from './avis/avis.controller';
import { AvisService } from './avis/avis.service';
import { ConfirmationService } from './decision/confirmation.service';
import { DelaisController } from './delais/delais.controller';
import { DelaisService } from './delais/delais.service';
import { DecisionCandidatController } from './decision/decision-candidat.controller';
import { LettreController } from './lettres/lettre.controller';
import { LettreService } from './lettres/lettre.service';
import { ExportCandidaturesService } from './liste/export-candidatures.service';
import { ListeCandidaturesController } from './liste/liste-candidatures.controller';
import { ListeCandidaturesService } from './liste/liste-candidatures.service';
import { StatutDossierController } from './statut/statut-dossier.controller';
import { StatutDossierService } from './statut/statut-dossier.service';
import { TypeTraitementController } from './traitement/type-traitement.controller';
import { TypeTraitementService } from './traitement/type-traitement.service';

/** Staff processing of candidatures: lists and exports, statut du dossier, pièce checks, avis, decisions. */
@Module({
  imports: [CandidatModule, CandidatureModule, OffreModule, PiecesModule, PdfModule, MailModule, OpiModule],
  controllers: [AvisController, DecisionCandidatController, DelaisController, LettreController, StatutDossierController, TypeTraitementController, ListeCandidaturesController],
  providers: [AvisService, ConfirmationService, DelaisService, LettreService, StatutDossierService, TypeTraitementService, ListeCandidaturesService, ExportCandidaturesService],
  exports: [AvisService, ConfirmationService],
})
export class CommissionModule {}
