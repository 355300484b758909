import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { CandidatureModule } from '../candidature/candidature.module';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/** How long candidates' data is kept: the destruction of archived campaigns, and one candidate's erasure on request. */
@Module({
  imports: [AuthModule, MailModule, CandidatureModule],
  controllers: [RetentionController],
  providers: [RetentionService],
  exports: [RetentionService],
})
export class RetentionModule {}
