import { Module } from '@nestjs/common';
import { CandidatModule } from '../candidat/candidat.module';
import { MailModule } from '../mail/mail.module';
import { CampagnesController } from '../offre/campagnes.controller';
import { OffreModule } from '../offre/offre.module';
import { PdfModule } from '../pdf/pdf.module';
import { PiecesModule } from '../pieces/pieces.module';
import { ReferentielModule } from '../referentiel/referentiel.module';
import { ArchivageCampagnesService } from './archivage-campagnes.service';
import { CandidatureStaffController } from './candidature-staff.controller';
import { CandidatureStaffService } from './candidature-staff.service';
import { CandidatureController } from './candidature.controller';
import { FichiersOrphelinsService } from './fichiers-orphelins.service';
import { CandidatureService } from './candidature.service';
import { DepotPiecesService } from './depot-pieces.service';
import { DossierPdfService } from './dossier-pdf.service';
import { PiecesCandidatureService } from './pieces-candidature.service';

/** Candidatures: apply, follow, cancel, pièces, transmit, dossier PDF; staff reading within their scopes. */
@Module({
  imports: [CandidatModule, OffreModule, PiecesModule, PdfModule, ReferentielModule, MailModule],
  // CampagnesController (src/offre) is here because putting a campaign in service archives candidatures.
  controllers: [CandidatureController, CandidatureStaffController, CampagnesController],
  providers: [FichiersOrphelinsService, CandidatureService, PiecesCandidatureService, DepotPiecesService, DossierPdfService, CandidatureStaffService, ArchivageCampagnesService],
  exports: [FichiersOrphelinsService, CandidatureService, ArchivageCampagnesService, DossierPdfService],
})
export class CandidatureModule {}
