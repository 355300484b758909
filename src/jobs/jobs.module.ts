import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule } from '../auth/auth.module';
import { CandidatureModule } from '../candidature/candidature.module';
import { CommissionModule } from '../commission/commission.module';
import { MailModule } from '../mail/mail.module';
import { OpiModule } from '../opi/opi.module';
import { ArchivageCampagnesJob } from './archivage-campagnes.job';
import { EnvoiMailsJob } from './envoi-mails.job';
import { JobRunner } from './job-runner.service';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { EnvoiOpiJob } from './opi.job';
import { DesistementAutoJob, RelanceConfirmationJob, RelanceRetourJob } from './decisions.job';
import { PublicationAvisJob } from './publication-avis.job';
import { PurgeComptesJob } from './purge-comptes.job';
import { PurgeFichiersJob } from './purge-fichiers.job';
import { PurgeCompteursJob } from './purge-compteurs.job';
import { StatistiquesBaseJob } from './statistiques-base.job';
import { PurgeHistoriqueJobsJob } from './purge-historique-jobs.job';
import { PurgeCampagnesArchiveesJob } from './purge-campagnes-archivees.job';
import { PlanificationJobs } from './planification-jobs.service';
import { RetentionModule } from '../retention/retention.module';

@Module({
  imports: [ScheduleModule.forRoot(), MailModule, AuthModule, CandidatureModule, CommissionModule, OpiModule, RetentionModule],
  controllers: [JobsController],
  providers: [JobRunner, JobsService, EnvoiMailsJob, PurgeComptesJob, PurgeFichiersJob, PurgeCompteursJob, ArchivageCampagnesJob, PublicationAvisJob, DesistementAutoJob, RelanceConfirmationJob, RelanceRetourJob, EnvoiOpiJob, StatistiquesBaseJob, PurgeHistoriqueJobsJob, PurgeCampagnesArchiveesJob, PlanificationJobs],
  exports: [JobRunner, JobsService],
})
export class JobsModule {}
