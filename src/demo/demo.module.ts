import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CandidatModule } from '../candidat/candidat.module';
import { CandidatureModule } from '../candidature/candidature.module';
import { LettresModule } from '../lettres/lettres.module';
import { OffreModule } from '../offre/offre.module';
import { PiecesModule } from '../pieces/pieces.module';
import { DemoService } from './demo.service';

@Module({ imports: [AuthModule, CandidatModule, CandidatureModule, OffreModule, PiecesModule, LettresModule], providers: [DemoService] })
export class DemoModule {}
