import { ConfigValidationError } from './config-validation';
import { parseCasConfig } from './cas.config';
import { parseStudentRecordsConfig } from './student-records.config';

function problemsOf(parse: (env: NodeJS.ProcessEnv) => unknown, env: NodeJS.ProcessEnv): string[] {
  try {
    parse(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

describe('CAS and student-records configuration', () => {
  it('leaves the CAS return page to PUBLIC_URL unless set', () => {
    expect(parseCasConfig({ CAS_ENABLED: 'true', CAS_URL: 'https://cas.univ.fr/cas/' })).toEqual({
      enabled: true,
      url: 'https://cas.univ.fr/cas',
      version: '3.0',
      retourUrl: undefined,
    });
    expect(parseCasConfig({ CAS_RETOUR_URL: 'https://candidater.univ.fr/cas?x=1', CAS_VERSION: '2.0' })).toMatchObject({ retourUrl: 'https://candidater.univ.fr/cas?x=1', version: '2.0' });
  });

  it('names CAS_RETOUR_URL when it is not an http(s) URL', () => {
    expect(problemsOf(parseCasConfig, { CAS_RETOUR_URL: 'ftp://front.univ.fr' })).toEqual([expect.stringMatching(/^CAS_RETOUR_URL : doit être l’URL/)]);
  });

  it('refuses CAS_SERVICE_URL, replaced by API_PUBLIC_URL, rather than ignoring it', () => {
    expect(problemsOf(parseCasConfig, { CAS_SERVICE_URL: 'https://api.univ.fr' })).toEqual([expect.stringMatching(/^CAS_SERVICE_URL : n’existe plus .*API_PUBLIC_URL/)]);
  });

  it('defaults to no student records, and requires the file of the file adapter', () => {
    expect(parseStudentRecordsConfig({})).toEqual({ adapter: 'none', file: undefined });
    expect(parseStudentRecordsConfig({ STUDENT_RECORDS_ADAPTER: 'file', STUDENT_RECORDS_FILE: 'etudiants.json' })).toEqual({ adapter: 'file', file: 'etudiants.json' });
    expect(problemsOf(parseStudentRecordsConfig, { STUDENT_RECORDS_ADAPTER: 'file', STUDENT_RECORDS_FILE: '' })).toEqual([
      expect.stringMatching(/^STUDENT_RECORDS_FILE : doit être le chemin de l’export JSON/),
    ]);
    expect(problemsOf(parseStudentRecordsConfig, { STUDENT_RECORDS_ADAPTER: 'apogee' })).toEqual([expect.stringMatching(/^STUDENT_RECORDS_ADAPTER : doit valoir none/)]);
  });
});
