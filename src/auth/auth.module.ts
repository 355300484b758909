import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CandidatModule } from '../candidat/candidat.module';
import { CompteVise } from '../common/throttle/compte-vise';
import { MailModule } from '../mail/mail.module';
import { OffreModule } from '../offre/offre.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CasController } from './cas/cas.controller';
import { CasService } from './cas/cas.service';
import { casStrategyProvider } from './cas/cas.strategy';
import { ComptesController } from './comptes.controller';
import { ComptesService } from './comptes.service';
import { NumeroDossierService } from './numero-dossier.service';
import { SessionService } from './session.service';

@Module({
  imports: [MailModule, OffreModule, CandidatModule],
  controllers: [AuthController, ComptesController, CasController],
  providers: [
    AuthService,
    SessionService,
    ComptesService,
    NumeroDossierService,
    CasService,
    casStrategyProvider,
    { provide: CompteVise, useExisting: AuthService },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionService, ComptesService, NumeroDossierService],
})
export class AuthModule {}
