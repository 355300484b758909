import { StudentRecord, StudentRecordsPort } from './student-records.port';

/** STUDENT_RECORDS_ADAPTER=none: no SI Scol; CAS candidates start from the attributes CAS released. */
export class NoStudentRecords implements StudentRecordsPort {
  readonly source = 'none';

  async findByLogin(): Promise<StudentRecord | null> {
    return null;
  }

  async findByIne(): Promise<StudentRecord | null> {
    return null;
  }
}
