import { availableParallelism } from 'node:os';

// argon2 replaced by a slow stand-in that records how many computations run at once.
let enCours = 0;
let auPlus = 0;
jest.mock('argon2', () => {
  const lent = <T>(resultat: T) => {
    auPlus = Math.max(auPlus, ++enCours);
    return new Promise<T>((resolve) => setTimeout(() => (enCours--, resolve(resultat)), 20));
  };
  return { __esModule: true, default: { argon2id: 2, hash: jest.fn(() => lent('$argon2id$factice')), verify: jest.fn((hash: string, mot: string) => lent(mot === 'bon')) } };
});

import { ARGON2_SIMULTANES, hashPassword, verifyPassword } from './secrets';

describe('argon2 concurrency', () => {
  beforeEach(async () => {
    await hashPassword('chauffe'); // the unknown-account hash, computed at load
    auPlus = 0;
  });

  it('runs at most one argon2 computation per core, the others waiting their turn, and answers each', async () => {
    const n = availableParallelism() * 3 + 2;
    const verifications = Array.from({ length: n }, (_, i) => verifyPassword('$argon2id$factice', i % 2 ? 'bon' : 'mauvais'));
    const hachages = Array.from({ length: 3 }, () => hashPassword('nouveau'));
    expect(ARGON2_SIMULTANES.enAttente).toBe(n + 3 - availableParallelism());

    const resultats = await Promise.all(verifications);
    await Promise.all(hachages);

    expect(auPlus).toBe(availableParallelism());
    expect(resultats).toEqual(Array.from({ length: n }, (_, i) => i % 2 === 1));
    expect(ARGON2_SIMULTANES.enAttente).toBe(0);
  });

  it('gives the place back when a computation fails', async () => {
    const argon2 = jest.requireMock<{ default: { verify: jest.Mock } }>('argon2').default;
    argon2.verify.mockImplementationOnce(() => Promise.reject(new Error('hash illisible')));
    expect(await verifyPassword('$corrompu', 'bon')).toBe(false);
    const apres = await Promise.all(Array.from({ length: availableParallelism() + 1 }, () => verifyPassword('$argon2id$factice', 'bon')));
    expect(apres.every(Boolean)).toBe(true);
    expect(auPlus).toBe(availableParallelism());
  });
});
