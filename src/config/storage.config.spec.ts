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
    expect(parseStorageConfig({})).toEqual({ adapter: 'disk', dir: 'var/fichiers', s3: undefined, maxMo: 2, maxBytes: 2 * 1024 * 1024 });
    expect(parseStorageConfig({ STORAGE_DIR: '/srv/fichiers', UPLOAD_MAX_MO: '10' })).toMatchObject({ dir: '/srv/fichiers', maxMo: 10, maxBytes: 10 * 1024 * 1024 });
  });

  it.each(['0', '11', '2.5', 'deux'])('names UPLOAD_MAX_MO when it is %s', (value) => {
    expect(problemsOf({ UPLOAD_MAX_MO: value })).toEqual([`UPLOAD_MAX_MO : doit être la taille maximale d'un fichier déposé, en Mo, de 1 à 10 (valeur « ${value} »)`]);
  });

  it('reads an S3-compatible store from STORAGE_S3_*, the prefix ending with a slash', () => {
    const env = {
      STORAGE_ADAPTER: 's3',
      STORAGE_S3_BUCKET: 'candidatures-fichiers',
      STORAGE_S3_ENDPOINT: 'https://s3.univ.fr',
      STORAGE_S3_REGION: 'eu-west-3',
      STORAGE_S3_ACCESS_KEY_ID: 'AKIA',
      STORAGE_S3_SECRET_ACCESS_KEY: 'secret',
      STORAGE_S3_FORCE_PATH_STYLE: 'true',
      STORAGE_S3_PREFIX: 'prod/pieces',
    };
    expect(parseStorageConfig(env).s3).toEqual({
      bucket: 'candidatures-fichiers',
      endpoint: 'https://s3.univ.fr',
      region: 'eu-west-3',
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
      forcePathStyle: true,
      prefix: 'prod/pieces/',
    });
    // AWS S3 itself, the SDK's credential chain (an instance role…), no prefix.
    expect(parseStorageConfig({ STORAGE_ADAPTER: 's3', STORAGE_S3_BUCKET: 'fichiers' })).toMatchObject({
      adapter: 's3',
      s3: { bucket: 'fichiers', endpoint: undefined, region: 'us-east-1', credentials: undefined, forcePathStyle: false, prefix: '' },
    });
  });

  it('names what an S3 store lacks or gets wrong', () => {
    expect(problemsOf({ STORAGE_ADAPTER: 's3' })).toEqual([
      'STORAGE_S3_BUCKET : doit être le nom du bucket des fichiers déposés (3 à 63 caractères : minuscules, chiffres, points, tirets) quand STORAGE_ADAPTER=s3 (valeur absente)',
    ]);
    expect(problemsOf({ STORAGE_ADAPTER: 's3', STORAGE_S3_BUCKET: 'b', STORAGE_S3_ACCESS_KEY_ID: 'AKIA', STORAGE_S3_PREFIX: '../autre', STORAGE_S3_ENDPOINT: 'ftp://x' })).toEqual([
      expect.stringMatching(/^STORAGE_S3_BUCKET : .* \(valeur « b »\)$/),
      expect.stringMatching(/^STORAGE_S3_ENDPOINT : doit être l'URL du service compatible S3/),
      expect.stringMatching(/^STORAGE_S3_SECRET_ACCESS_KEY : doit être donnée avec STORAGE_S3_ACCESS_KEY_ID et STORAGE_S3_SECRET_ACCESS_KEY, ou aucune des deux .* \(valeur absente\)$/),
      expect.stringMatching(/^STORAGE_S3_PREFIX : doit être un préfixe de clés/),
    ]);
    expect(problemsOf({ STORAGE_ADAPTER: 'nfs' })).toEqual([expect.stringMatching(/^STORAGE_ADAPTER : doit valoir disk .* ou s3 /)]);
  });
});
