import { Module } from '@nestjs/common';
import { CandidatModule } from '../candidat/candidat.module';
import { CandidatureModule } from '../candidature/candidature.module';
import { MailModule } from '../mail/mail.module';
import { PdfModule } from '../pdf/pdf.module';
import { LettreController, LettreStaffController } from './lettres/lettre.controller';
import { LettreService } from './lettres/lettre.service';
import { ExportCandidaturesService } from './liste/export-candidatures.service';
import { ListeCandidaturesController } from './liste/liste-candidatures.controller';
import { ListeCandidaturesService } from './liste/liste-candidatures.service';

/**
 * What staff read of candidatures, around the aggregate the candidature module owns: lists, the full view, the
 * bloc-notes, exports, letters. It reads and calls the candidature module; it writes none of its tables.
 */
@Module({
  imports: [CandidatModule, CandidatureModule, PdfModule, MailModule],
  controllers: [LettreController, LettreStaffController, ListeCandidaturesController],
  providers: [LettreService, ListeCandidaturesService, ExportCandidaturesService],
})
export class CommissionModule {}
