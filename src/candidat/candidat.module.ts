import { Module } from '@nestjs/common';
import { ScolariteController } from './scolarite.controller';
import { ScolariteService } from './scolarite.service';
import { studentRecordsProvider } from './student-records/student-records.provider';

/** The candidate's file; for now the student records of CAS candidates (student-records port and snapshot). */
@Module({
  controllers: [ScolariteController],
  providers: [ScolariteService, studentRecordsProvider],
  exports: [ScolariteService],
})
export class CandidatModule {}
