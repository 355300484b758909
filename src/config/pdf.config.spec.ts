import { availableParallelism } from 'node:os';
import { ConfigValidationError } from './config-validation';
import { parsePdfConfig, pdfWorkersParDefaut } from './pdf.config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parsePdfConfig(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

describe('PDF configuration', () => {
  it('leaves a core to the main thread and takes two workers at most when PDF_WORKERS is empty', () => {
    expect([1, 2, 3, 4, 64].map((coeurs) => pdfWorkersParDefaut(coeurs))).toEqual([1, 1, 2, 2, 2]);
    expect(parsePdfConfig({})).toEqual({ workers: pdfWorkersParDefaut(availableParallelism()) });
    expect(parsePdfConfig({ PDF_WORKERS: '' })).toEqual({ workers: pdfWorkersParDefaut(availableParallelism()) });
    expect(parsePdfConfig({ PDF_WORKERS: '4' })).toEqual({ workers: 4 });
  });

  it.each(['0', '17', '1.5', 'deux'])('names PDF_WORKERS when it is %s', (value) => {
    expect(problemsOf({ PDF_WORKERS: value })).toEqual([`PDF_WORKERS : doit être le nombre de worker threads qui fabriquent les PDF, de 1 à 16 (vide : selon les cœurs) (valeur « ${value} »)`]);
  });
});
