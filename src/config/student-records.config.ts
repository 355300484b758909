import { ConfigType, registerAs } from '@nestjs/config';
import { IsIn, IsString, MinLength, ValidateIf } from 'class-validator';
import { validateEnv } from './config-validation';

class StudentRecordsEnv {
  @IsIn(['none', 'file'], { message: 'doit valoir none (aucune donnée de scolarité) ou file (export JSON des étudiants)' })
  STUDENT_RECORDS_ADAPTER = 'none';

  @ValidateIf((e: StudentRecordsEnv) => e.STUDENT_RECORDS_ADAPTER === 'file')
  @IsString({ message: 'doit être le chemin de l’export JSON des étudiants quand STUDENT_RECORDS_ADAPTER=file' })
  @MinLength(1, { message: 'doit être le chemin de l’export JSON des étudiants quand STUDENT_RECORDS_ADAPTER=file' })
  STUDENT_RECORDS_FILE?: string;
}

/** Where the student records of the university (SI Scol) come from; see src/candidat/student-records/. */
export function parseStudentRecordsConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(StudentRecordsEnv, env);
  return { adapter: e.STUDENT_RECORDS_ADAPTER as 'none' | 'file', file: e.STUDENT_RECORDS_FILE };
}

export const studentRecordsConfig = registerAs('studentRecords', () => parseStudentRecordsConfig(process.env));
export type StudentRecordsConfig = ConfigType<typeof studentRecordsConfig>;
