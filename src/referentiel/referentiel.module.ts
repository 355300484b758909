import { Module } from '@nestjs/common';
import { ReferentielImportService } from './referentiel-import.service';
import { ReferentielController } from './referentiel.controller';
import { ReferentielService } from './referentiel.service';

@Module({
  controllers: [ReferentielController],
  providers: [ReferentielService, ReferentielImportService],
  exports: [ReferentielService],
})
export class ReferentielModule {}
