import { resolve } from 'node:path';
import { Provider } from '@nestjs/common';
import { StudentRecordsConfig, studentRecordsConfig } from '../../config';
import { FileStudentRecords } from './file.adapter';
import { NoStudentRecords } from './none.adapter';
import { STUDENT_RECORDS, StudentRecordsPort } from './student-records.port';

/** The adapter STUDENT_RECORDS_ADAPTER names; an Apogée or Pégase adapter is one more case here. */
export const studentRecordsProvider: Provider = {
  provide: STUDENT_RECORDS,
  inject: [studentRecordsConfig.KEY],
  useFactory: (config: StudentRecordsConfig): StudentRecordsPort => {
    switch (config.adapter) {
      case 'file':
        return new FileStudentRecords(resolve(config.file as string));
      case 'none':
        return new NoStudentRecords();
    }
  },
};
