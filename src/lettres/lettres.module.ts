import { Module } from '@nestjs/common';
import { OffreModule } from '../offre/offre.module';
import { PdfModule } from '../pdf/pdf.module';
import { PiecesModule } from '../pieces/pieces.module';
import { LettreCommissionController, ParametresLettresController } from './parametres-lettres.controller';
import { ParametresLettresService } from './parametres-lettres.service';

/** The letters' settings: the institution block, each commission's overrides, a text per type de diplôme. */
@Module({
  imports: [OffreModule, PdfModule, PiecesModule],
  controllers: [ParametresLettresController, LettreCommissionController],
  providers: [ParametresLettresService],
  exports: [ParametresLettresService],
})
export class LettresModule {}
