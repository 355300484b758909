import { Module } from '@nestjs/common';
import { ReferentielModule } from '../referentiel/referentiel.module';
import { CursusController } from './cursus.controller';
import { CursusService } from './cursus.service';

/** The candidate's cursus externe, stages and expériences professionnelles. */
@Module({
  imports: [ReferentielModule],
  controllers: [CursusController],
  providers: [CursusService],
  exports: [CursusService],
})
export class CursusModule {}
