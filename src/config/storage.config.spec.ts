import { ConfigValidationError } from './config-validation';
import { parseStorageConfig } from './storage.config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parseStorageConfig(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

describe('storage configuration', () => {
  it('keeps files under var/fichiers, 2 Mo at most, by default', () => {
    expect(parseStorageConfig({})).toEqual({ dir: 'var/fichiers', maxMo: 2, maxBytes: 2 * 1024 * 1024 });
    expect(parseStorageConfig({ STORAGE_DIR: '/srv/fichiers', UPLOAD_MAX_MO: '10' })).toEqual({ dir: '/srv/fichiers', maxMo: 10, maxBytes: 10 * 1024 * 1024 });
  });

  it.each(['0', '11', '2.5', 'deux'])('names UPLOAD_MAX_MO when it is %s', (value) => {
    expect(problemsOf({ UPLOAD_MAX_MO: value })).toEqual([`UPLOAD_MAX_MO : doit être la taille maximale d'un fichier déposé, en Mo, de 1 à 10 (valeur « ${value} »)`]);
  });
});
