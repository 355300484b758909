import { Module } from '@nestjs/common';
import { OpiController } from './opi.controller';
import { opiProvider } from './opi.provider';
import { OpiService } from './opi.service';

/** The OPI: confirmed admissions queued for the SI Scol, the port that pushes them, the staff view of the queue. */
@Module({
  controllers: [OpiController],
  providers: [OpiService, opiProvider],
  exports: [OpiService],
})
export class OpiModule {}
