import { appConfig, parseAppConfig } from './app.config';
import { casConfig, parseCasConfig } from './cas.config';
import { clamavConfig, parseClamavConfig } from './clamav.config';
import { ConfigValidationError } from './config-validation';
import { databaseConfig, parseDatabaseConfig } from './database.config';
import { mailConfig, parseMailConfig } from './mail.config';
import { opiConfig, parseOpiConfig } from './opi.config';
import { parsePdfConfig, pdfConfig } from './pdf.config';
import { parseSiteConfig, siteConfig } from './site.config';
import { parseStudentRecordsConfig, studentRecordsConfig } from './student-records.config';
import { parseStorageConfig, storageConfig } from './storage.config';

export { appConfig, casConfig, clamavConfig, databaseConfig, mailConfig, opiConfig, pdfConfig, siteConfig, studentRecordsConfig, storageConfig, ConfigValidationError };
export type { AppConfig } from './app.config';
export type { CasConfig } from './cas.config';
export type { ClamavConfig } from './clamav.config';
export type { DatabaseConfig } from './database.config';
export type { MailConfig } from './mail.config';
export type { OpiConfig } from './opi.config';
export type { PdfConfig } from './pdf.config';
export type { SiteConfig } from './site.config';
export type { StudentRecordsConfig } from './student-records.config';
export type { StorageConfig } from './storage.config';

export const configNamespaces = [appConfig, databaseConfig, mailConfig, casConfig, studentRecordsConfig, storageConfig, clamavConfig, opiConfig, pdfConfig, siteConfig];

/** Validates every namespace at once, so one start-up reports every bad key. */
export function assertValidConfig(env: NodeJS.ProcessEnv = process.env): void {
  const problems: string[] = [];
  for (const parse of [parseAppConfig, parseDatabaseConfig, parseMailConfig, parseCasConfig, parseStudentRecordsConfig, parseStorageConfig, parseClamavConfig, parseOpiConfig, parsePdfConfig, parseSiteConfig]) {
    try {
      parse(env);
    } catch (e) {
      if (!(e instanceof ConfigValidationError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
}
