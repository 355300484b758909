import { Module } from '@nestjs/common';
import { CampagneService } from './campagne.service';

@Module({ providers: [CampagneService], exports: [CampagneService] })
export class OffreModule {}
