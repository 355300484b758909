import { Module } from '@nestjs/common';
import { CandidatModule } from '../candidat/candidat.module';
import { CandidatureModule } from '../candidature/candidature.module';
import { LettresModule } from '../lettres/lettres.module';
import { MailModule } from '../mail/mail.module';
import { OffreModule } from '../offre/offre.module';
import { PdfModule } from '../pdf/pdf.module';
import { ApercuLettreController, LettreController, LettreStaffController } from './lettres/lettre.controller';
import { LettreService } from './lettres/lettre.service';
import { EtiquettesCandidaturesController, EtiquettesController } from './etiquettes/etiquettes.controller';
import { EtiquettesService } from './etiquettes/etiquettes.service';
import { ExportCandidaturesService } from './liste/export-candidatures.service';
import { ListeCandidaturesController } from './liste/liste-candidatures.controller';
import { ListeCandidaturesService } from './liste/liste-candidatures.service';
import { StatistiquesController } from './statistiques/statistiques.controller';
import { StatistiquesService } from './statistiques/statistiques.service';
import { RechercheCandidatsController } from './recherche/recherche-candidats.controller';
import { RechercheCandidatsService } from './recherche/recherche-candidats.service';

/**
 * What staff read of candidatures, around the aggregate the candidature module owns: lists, the full view, the
 * bloc-notes, labels, exports, letters, statistics, the search of accounts. It reads and calls the candidature module; it writes none of its tables.
 */
@Module({
  imports: [CandidatModule, CandidatureModule, PdfModule, MailModule, LettresModule, OffreModule],
  controllers: [LettreController, LettreStaffController, ApercuLettreController, ListeCandidaturesController, StatistiquesController, EtiquettesController, EtiquettesCandidaturesController, RechercheCandidatsController],
  providers: [LettreService, ListeCandidaturesService, ExportCandidaturesService, StatistiquesService, EtiquettesService, RechercheCandidatsService],
})
export class CommissionModule {}
