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
  it('leaves the CAS service and return URLs to PUBLIC_URL unless set', () => {
    expect(parseCasConfig({ CAS_ENABLED: 'true', CAS_URL: 'https://cas.univ.fr/cas/' })).toEqual({
      enabled: true,
      url: 'https://cas.univ.fr/cas',
      version: '3.0',
      serviceUrl: undefined,
      retourUrl: undefined,
    });
    expect(
      parseCasConfig({ CAS_SERVICE_URL: 'https://api.univ.fr/', CAS_RETOUR_URL: 'https://candidater.univ.fr/cas?x=1', CAS_VERSION: '2.0' }),
    ).toMatchObject({ serviceUrl: 'https://api.univ.fr', retourUrl: 'https://candidater.univ.fr/cas?x=1', version: '2.0' });
  });

  it.each([
    ['CAS_SERVICE_URL', 'candidatures.univ.fr'],
    ['CAS_RETOUR_URL', 'ftp://front.univ.fr'],
  ])('names %s when it is %s', (key, value) => {
    expect(problemsOf(parseCasConfig, { [key]: value })).toEqual([expect.stringMatching(new RegExp(`^${key} : doit être l’URL`))]);
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
