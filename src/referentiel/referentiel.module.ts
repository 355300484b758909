import { Module } from '@nestjs/common';
import { EtablissementsImportService } from './etablissements-import.service';
import { ReferentielImportService } from './referentiel-import.service';
import { ReferentielController } from './referentiel.controller';
import { ReferentielService } from './referentiel.service';

@Module({
  controllers: [ReferentielController],
  providers: [ReferentielService, ReferentielImportService, EtablissementsImportService],
  exports: [ReferentielService, EtablissementsImportService],
})
export class ReferentielModule {}
