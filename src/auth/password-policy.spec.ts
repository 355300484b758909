import { ValidationFailed } from '../common/errors/domain-errors';
import { assertAcceptablePassword } from './password-policy';

describe('assertAcceptablePassword', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(() => assertAcceptablePassword('une phrase de passe toute simple')).not.toThrow();
  });

  it.each([
    ['court', 'au moins 12 caractères'],
    ['x'.repeat(129), 'ne doit pas dépasser 128'],
    ['MotDePasse123', 'les plus utilisés'],
    ['123456789012', 'les plus utilisés'],
  ])('refuses %s saying why', (password, reason) => {
    try {
      assertAcceptablePassword(password);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationFailed);
      expect((e as ValidationFailed).errors?.[0]).toMatchObject({ field: 'password', message: expect.stringContaining(reason) });
    }
  });
});
