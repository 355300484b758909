import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PiecesModule } from '../pieces/pieces.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty', logger: false }), PiecesModule],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
