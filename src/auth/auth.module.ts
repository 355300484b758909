import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MailModule } from '../mail/mail.module';
import { OffreModule } from '../offre/offre.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { ComptesController } from './comptes.controller';
import { ComptesService } from './comptes.service';
import { SessionService } from './session.service';

@Module({
  imports: [MailModule, OffreModule],
  controllers: [AuthController, ComptesController],
  providers: [AuthService, SessionService, ComptesService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, SessionService, ComptesService],
})
export class AuthModule {}
