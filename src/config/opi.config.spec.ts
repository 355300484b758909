import { ConfigValidationError } from './config-validation';
import { parseOpiConfig } from './opi.config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parseOpiConfig(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

describe('OPI configuration', () => {
  it('defaults to no OPI and batches of 500, and requires the folder of the file adapter', () => {
    expect(parseOpiConfig({})).toEqual({ adapter: 'none', dir: undefined, nbBatchMax: 500 });
    expect(parseOpiConfig({ OPI_ADAPTER: 'file', OPI_DIR: 'var/opi', OPI_NB_BATCH_MAX: '20' })).toEqual({ adapter: 'file', dir: 'var/opi', nbBatchMax: 20 });
    expect(problemsOf({ OPI_ADAPTER: 'file' })).toEqual([expect.stringMatching(/^OPI_DIR : doit être le dossier où déposer les fichiers OPI .*\(valeur absente\)$/)]);
    expect(problemsOf({ OPI_ADAPTER: 'apogee' })).toEqual([expect.stringMatching(/^OPI_ADAPTER : doit valoir none .* \(valeur « apogee »\)$/)]);
  });

  it.each(['0', '10001', '2.5', 'beaucoup'])('names OPI_NB_BATCH_MAX when it is %s', (value) => {
    expect(problemsOf({ OPI_NB_BATCH_MAX: value })).toEqual([`OPI_NB_BATCH_MAX : doit être le nombre maximal d'OPI par envoi, de 1 à 10000 (valeur « ${value} »)`]);
  });
});
