import { Module } from '@nestjs/common';
import { PersonnelController } from './personnel.controller';
import { PersonnelService } from './personnel.service';

/** Staff accounts, roles and scopes through the API, with the history of every grant and revocation. */
@Module({
  controllers: [PersonnelController],
  providers: [PersonnelService],
})
export class PersonnelModule {}
