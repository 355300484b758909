import { Module } from '@nestjs/common';
import { ReferentielModule } from '../referentiel/referentiel.module';
import { CampagneService } from './campagne.service';
import { GestionCampagnesService } from './gestion-campagnes.service';
import { GestionOffreController } from './gestion-offre.controller';
import { GestionOffreService } from './gestion-offre.service';
import { OffreController } from './offre.controller';
import { OffrePubliqueService } from './offre-publique.service';

@Module({
  imports: [ReferentielModule],
  controllers: [OffreController, GestionOffreController],
  providers: [CampagneService, GestionCampagnesService, GestionOffreService, OffrePubliqueService],
  exports: [CampagneService, GestionCampagnesService, GestionOffreService, OffrePubliqueService],
})
export class OffreModule {}
