import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ApiIndexModule } from './api-index/api-index.module';
import { AuthModule } from './auth/auth.module';
import { ClockModule } from './common/clock/clock.module';
import { CandidatureModule } from './candidature/candidature.module';
import { CommissionModule } from './commission/commission.module';
import { CursusModule } from './cursus/cursus.module';
import { ProblemFilter } from './common/errors/problem.filter';
import { ThrottleModule } from './common/throttle/throttle.module';
import { LoggingModule } from './common/logging/logging.module';
import { createValidationPipe } from './common/validation/validation.pipe';
import { configNamespaces } from './config';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { LettresModule } from './lettres/lettres.module';
import { MailModule } from './mail/mail.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { RetentionModule } from './retention/retention.module';
import { OffreModule } from './offre/offre.module';
import { PersonnelModule } from './personnel/personnel.module';
import { PiecesModule } from './pieces/pieces.module';
import { ReferentielModule } from './referentiel/referentiel.module';
import { SiteModule } from './site/site.module';

@Module({
  imports: [
    // Environment files are loaded once by loadEnvFiles() before Nest starts (main.ts, tests, CLI).
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configNamespaces }),
    LoggingModule,
    ClockModule,
    DatabaseModule,
    ThrottleModule,
    AuthModule,
    HealthModule,
    ApiIndexModule,
    SiteModule,
    MailModule,
    OffreModule,
    PiecesModule,
    JobsModule,
    ReferentielModule,
    CursusModule,
    CandidatureModule,
    CommissionModule,
    LettresModule,
    MaintenanceModule,
    RetentionModule,
    PersonnelModule,
    DemoModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class AppModule {}
