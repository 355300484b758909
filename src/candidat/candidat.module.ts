import { Module } from '@nestjs/common';
import { CursusModule } from '../cursus/cursus.module';
import { ReferentielModule } from '../referentiel/referentiel.module';
import { DossierController } from './dossier.controller';
import { DossierService } from './dossier.service';
import { ScolariteController } from './scolarite.controller';
import { ScolariteService } from './scolarite.service';
import { studentRecordsProvider } from './student-records/student-records.provider';

/** The candidate's file: informations personnelles, adresse, bac, the whole file; the student records of CAS candidates. */
@Module({
  imports: [ReferentielModule, CursusModule],
  controllers: [DossierController, ScolariteController],
  providers: [DossierService, ScolariteService, studentRecordsProvider],
  exports: [DossierService, ScolariteService],
})
export class CandidatModule {}
