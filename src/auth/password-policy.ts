import { ValidationFailed } from '../common/errors/domain-errors';

/**
 * Passwords people pick most often once a 12-character minimum applies (keyboard walks, repeated words, "password"
 * in French and English followed by digits). Length, not composition, is the rule; these are refused outright.
 */
const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111', '000000000000', '123123123123',
  'azertyuiopqs', 'azertyuiopqsd', 'azertyuiop123', 'qwertyuiopas', 'qwertyuiop123', 'aaaaaaaaaaaa', 'abcdefghijkl',
  'motdepasse123', 'motdepasse1234', 'motdepasse2024', 'motdepasse2025', 'motdepasse2026', 'motdepassemotdepasse',
  'password1234', 'password12345', 'password123456', 'passwordpassword', 'iloveyou1234', 'jetaime123456',
  'soleil123456', 'bonjour123456', 'candidature123', 'candidature2026', 'candidature2027', 'universite123',
  'ecandidat2026', 'ecandidat2027', 'azerty123456', 'azertyazerty', 'qwertyqwerty', '1q2w3e4r5t6y', 'a1b2c3d4e5f6',
]);

/** 12 to 128 characters, not one of the most common: the OWASP rule, with a French reason when it fails. */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  const problem =
    password.length < 12
      ? 'doit contenir au moins 12 caractères (une phrase de plusieurs mots est plus sûre et plus facile à retenir)'
      : password.length > 128
        ? 'ne doit pas dépasser 128 caractères'
        : COMMON.has(password.toLowerCase())
          ? 'fait partie des mots de passe les plus utilisés : choisissez-en un autre'
          : null;
  if (problem) throw new ValidationFailed([{ field, message: problem }]);
}
