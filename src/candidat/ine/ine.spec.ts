import { validate } from 'class-validator';
import { ValidationFailed } from '../../common/errors/domain-errors';
import { flattenValidationErrors } from '../../common/validation/validation.pipe';
import { beaKey, checkIne, IneCheck, nneKey, normalizeIne } from './ine';
import { IsIne } from './is-ine.decorator';

/** Seeded PRNG (mulberry32): "random" bodies that are the same on every run, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const BASE36 = DIGITS + LETTERS;
const SAMPLES = 25;

function randomString(next: () => number, alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

function allSame(s: string): boolean {
  return [...s].every((c) => c === s[0]);
}

/** `count` distinct bodies drawn from `alphabet`, kept only when `keep` accepts them. */
function bodies(seed: number, alphabet: string, count: number, keep: (body: string) => boolean = () => true): string[] {
  const next = prng(seed);
  const found = new Set<string>();
  while (found.size < count) {
    const body = randomString(next, alphabet, 10);
    if (keep(body)) found.add(body);
  }
  return [...found];
}

function refused(check: IneCheck): { message: string; suggestion?: string } {
  if (check.valid) throw new Error(`expected a refusal, got a valid ${check.form} ${check.ine}`);
  return check;
}

const BEA_BODIES = bodies(1, DIGITS, SAMPLES, (b) => !allSame(b));
const NNE_BODIES = bodies(2, BASE36, SAMPLES, (b) => /[0-9]/.test(b) && !allSame(b));

describe('normalizeIne', () => {
  it('upper-cases and removes spaces (incl. non-breaking and tabs), dashes and dots', () => {
    expect(normalizeIne(' 18-568.161\t20 s ')).toBe('1856816120S');
    expect(normalizeIne('0ddg5r\u00a00001\u20135')).toBe('0DDG5R00015');
  });

  it('keeps any other character as typed, for the message to name it', () => {
    expect(normalizeIne('12_é/ß')).toBe('12_é/ß');
  });

  it('gives an empty string when only separators were typed (no INE)', () => {
    expect(normalizeIne(' - . ')).toBe('');
  });
});

describe('beaKey', () => {
  // Hand-computed: n mod 23 indexes ABCDEFGHJKLMNPRSTUVWXYZ (I, O and Q skipped).
  it.each([
    ['0000000000', 'A'], // 0
    ['0000000008', 'J'], // 8: I is skipped
    ['0000000013', 'P'], // 13: O is skipped
    ['0000000014', 'R'], // 14: Q is skipped
    ['0000000022', 'Z'], // 22
    ['0000000023', 'A'], // 23 mod 23 = 0
    ['1856816120', 'S'], // 1856816120 = 23 × 80731135 + 15
    ['9999999999', 'S'], // 10^10 − 1; 10^10 ≡ 16 (mod 23), so 15
  ])('%s → %s', (body, key) => {
    expect(beaKey(body)).toBe(key);
  });

  it('agrees with an independent BigInt computation on random bodies, and never gives I, O or Q', () => {
    for (const body of BEA_BODIES) {
      const key = beaKey(body);
      expect(key).toBe('ABCDEFGHJKLMNPRSTUVWXYZ'[Number(BigInt(body) % 23n)]);
      expect('IOQ').not.toContain(key);
    }
  });

  it.each(['123456789', '123456789A', '12345678901'])('refuses to compute a key for %s', (body) => {
    expect(() => beaKey(body)).toThrow(RangeError);
  });
});

describe('nneKey', () => {
  // Hand-computed: (sum of the base-36 values of the first 9) × 6 + value of the 10th, last digit.
  it.each([
    ['1000000000', '6'], // 1 × 6: the first 9 are weighted by 6…
    ['0000000001', '1'], // …the 10th is not
    ['000000000A', '0'], // A = 10
    ['Z00000000Z', '5'], // 35 × 6 + 35 = 245
    ['0DDG5R0001', '5'], // (0+13+13+16+5+27+0+0+0) × 6 + 1 = 445
    ['0DDG5Z0002', '4'], // (0+13+13+16+5+35+0+0+0) × 6 + 2 = 494
    ['1856816120', '8'], // (1+8+5+6+8+1+6+1+2) × 6 + 0 = 228
  ])('%s → %s', (body, key) => {
    expect(nneKey(body)).toBe(key);
  });

  it.each(['123456789', 'abcdefghi1', '12345678_9'])('refuses to compute a key for %s', (body) => {
    expect(() => nneKey(body)).toThrow(RangeError);
  });
});

describe('checkIne accepts', () => {
  it.each(BEA_BODIES)('the BEA %s + its computed key letter', (body) => {
    expect(checkIne(body + beaKey(body))).toEqual({ valid: true, ine: body + beaKey(body), form: 'BEA' });
  });

  it.each(NNE_BODIES)('the base-36 NNE %s + its computed key digit', (body) => {
    expect(checkIne(body + nneKey(body))).toEqual({ valid: true, ine: body + nneKey(body), form: 'NNE' });
  });

  it('INES numbers (9 digits + 2 letters) on their format alone, the remote check being to come', () => {
    const next = prng(3);
    for (let i = 0; i < SAMPLES; i++) {
      const ines = randomString(next, DIGITS, 9) + randomString(next, LETTERS, 2);
      expect(checkIne(ines)).toEqual({ valid: true, ine: ines, form: 'INES' });
    }
  });

  it.each([
    ['1856816120S', 'BEA'], // the students' guide body with its right key (the guide's 1856816120C is not valid)
    ['0123456789M', 'BEA'], // 123456789 = 23 × 5367686 + 11 → M
    ['18568161208', 'NNE'],
    ['0DDG5R00015', 'NNE'], // university-shaped NNEs, keys computed by hand above
    ['0DDG5Z00024', 'NNE'],
    ['123456789AB', 'INES'],
  ])('the fixed example %s (%s)', (ine, form) => {
    expect(checkIne(ine)).toEqual({ valid: true, ine, form });
  });

  it('lower case, spaces, dashes and dots, and returns the normalized INE', () => {
    expect(checkIne(' 18-568 161.20s ')).toEqual({ valid: true, ine: '1856816120S', form: 'BEA' });
    expect(checkIne('0ddg5r 0001-5')).toEqual({ valid: true, ine: '0DDG5R00015', form: 'NNE' });
    expect(checkIne('123 456 789 ab')).toEqual({ valid: true, ine: '123456789AB', form: 'INES' });
  });
});

describe('checkIne refuses', () => {
  it("the students' guide example 1856816120C: its key should be S (BEA) — no O/0 hint (only a 0→O INES could match)", () => {
    const { message, suggestion } = refused(checkIne('1856816120C'));
    expect(message).toBe(
      'la clé de cet INE (la lettre finale « C ») ne correspond pas aux 10 chiffres qui la précèdent : vérifiez chaque chiffre ' +
        '(un seul chiffre erroné ou deux chiffres inversés suffisent à fausser la clé) et la lettre finale',
    );
    expect(suggestion).toBeUndefined();
    // the 0→O swap would be a well-formed INES, which proves nothing: it is accepted when typed, never suggested
    expect(checkIne('185681612OC').valid).toBe(true);
  });

  it.each(BEA_BODIES)('every wrong key letter after the BEA body %s', (body) => {
    for (const letter of LETTERS.replace(beaKey(body), '')) {
      const { message } = refused(checkIne(body + letter));
      expect(message).toMatch(new RegExp(`^la clé de cet INE \\(la lettre finale « ${letter} »\\) ne correspond pas aux 10 chiffres`));
    }
  });

  it('a BEA key I, O or Q, saying such a letter is never a key', () => {
    for (const letter of 'IOQ') {
      expect(refused(checkIne(`1856816127${letter}`)).message).toContain("la lettre finale d'un INE de 10 chiffres n'est jamais I, O ni Q");
    }
  });

  it.each(NNE_BODIES)('every wrong key digit after the NNE body %s', (body) => {
    for (const digit of DIGITS.replace(nneKey(body), '')) {
      const { message } = refused(checkIne(body + digit));
      expect(message).toMatch(new RegExp(`^la clé de cet INE \\(le chiffre final « ${digit} »\\) ne correspond pas aux 10 caractères`));
    }
  });

  it('an NNE key mismatch pointing at the characters that look alike', () => {
    expect(refused(checkIne('18568161207')).message).toBe(
      'la clé de cet INE (le chiffre final « 7 ») ne correspond pas aux 10 caractères qui le précèdent : vérifiez chaque caractère, ' +
        'en particulier ceux qui se confondent facilement : la lettre O et le chiffre 0, la lettre I et le chiffre 1, ' +
        'la lettre S et le chiffre 5, la lettre B et le chiffre 8',
    );
  });

  it.each([
    ['185681612', 9],
    ['1856816120', 10],
    ['185681612088', 12],
    ['1', 1],
  ])('%s, of the wrong length, counting the characters typed', (input, count) => {
    const { message } = refused(checkIne(input));
    expect(message).toMatch(/^l'INE doit compter 11 caractères \(10 chiffres ou lettres et une clé\) : vous en avez saisi /);
    expect(message).toContain(`vous en avez saisi ${count}`);
    expect(message).not.toContain('sans compter');
    expect(message.includes('il manque sans doute la clé')).toBe(count === 10);
  });

  it('a wrong length counted without the separators, and saying so', () => {
    expect(refused(checkIne('1856 8161 20')).message).toBe(
      "l'INE doit compter 11 caractères (10 chiffres ou lettres et une clé) : vous en avez saisi 10 " +
        '(sans compter les espaces, tirets et points), il manque sans doute la clé, le dernier caractère',
    );
  });

  it.each([
    ['185681612é8', 'remplacez « é » par « E »'],
    ['185681612É8', 'remplacez « É » par « E »'],
    ['1856816120/', 'retirez « / »'],
    ['18568_16120S', 'retirez « _ »'], // 12 characters: the forbidden one is reported first
    ['12/', 'retirez « / »'],
    ['1856816\u200d1208', 'retirez le caractère invisible U+200D'],
    ['185681ç/1208', 'remplacez « ç » par « C » et retirez « / »'],
  ])('%s, which has a character an INE cannot contain', (input, fix) => {
    expect(refused(checkIne(input)).message).toBe(`un INE ne contient que des chiffres et des lettres sans accents : ${fix}`);
  });

  it('ten identical digits with a letter, even with the letter the BEA computation gives', () => {
    for (const digit of DIGITS) {
      const body = digit.repeat(10);
      const { message } = refused(checkIne(body + beaKey(body)));
      expect(message).toBe("les 10 chiffres de l'INE ne peuvent pas être tous identiques : recopiez le numéro figurant sur votre relevé de notes");
    }
  });

  it('ten identical digits with a digit, even with the digit the NNE computation gives', () => {
    for (const digit of DIGITS) {
      const body = digit.repeat(10);
      const { message } = refused(checkIne(body + nneKey(body)));
      expect(message).toBe(
        "les 10 premiers caractères de l'INE ne peuvent pas être tous identiques : recopiez le numéro figurant sur votre relevé de notes",
      );
    }
  });

  it.each(bodies(4, LETTERS, 10))('the all-letter body %s, even with the digit the NNE computation gives', (body) => {
    for (const ine of [body + nneKey(body), body + 'A']) {
      expect(refused(checkIne(ine)).message).toBe(
        "les 10 premiers caractères de l'INE ne peuvent pas être tous des lettres : un INE contient aussi des chiffres, recopiez-le depuis votre relevé de notes",
      );
    }
  });

  it.each([
    ['12A4567890B', "« A » en 3e position n'est pas un chiffre"],
    ['A2B4C67890D', '« A » en 1re position, « B » en 3e position et « C » en 5e position ne sont pas des chiffres'],
    ['ABCD567890E', '« A » en 1re position, « B » en 2e position, « C » en 3e position… ne sont pas des chiffres'],
  ])('%s, which ends with a letter but does not start with 9 or 10 digits', (input, detail) => {
    expect(refused(checkIne(input)).message).toBe(
      `un INE qui se termine par une lettre commence par 10 chiffres (ou par 9 chiffres et 2 lettres) : ${detail}`,
    );
  });

  it('an input that is empty once normalized (callers treat it as "no INE" before calling)', () => {
    expect(refused(checkIne(' - ')).message).toBe("l'INE est vide : saisissez les 11 caractères figurant sur votre relevé de notes");
  });
});

describe('checkIne O/0 hint', () => {
  const hint = (valid: string, change: string) =>
    `Vouliez-vous saisir ${valid} (${change}) ? La lettre O et le chiffre 0 se confondent facilement`;

  // BEA bodies with a 0 among the first 9 digits (an O in 10th position would make a well-formed INES).
  const beaWithZero = bodies(5, DIGITS, 10, (b) => !allSame(b) && b.slice(0, 9).includes('0'));

  it.each(beaWithZero)('suggests the BEA %s + key when its first 0 was typed as the letter O', (body) => {
    const valid = body + beaKey(body);
    const at = body.indexOf('0');
    const typed = valid.slice(0, at) + 'O' + valid.slice(at + 1);
    const { message, suggestion } = refused(checkIne(typed));
    expect(suggestion).toBe(valid);
    expect(message).toMatch(/^un INE qui se termine par une lettre commence par 10 chiffres/);
    expect(message).toContain(`. ${hint(valid, `le chiffre 0 au lieu de la lettre O en ${at === 0 ? '1re' : `${at + 1}e`} position`)}`);
    expect(message.endsWith('facilement')).toBe(true);
  });

  // NNE bodies with a digit 0 and no letter O (another O could be the one swapped, giving another valid INE).
  const nneWithZero = bodies(6, BASE36, 10, (b) => b.includes('0') && !b.includes('O') && /[1-9]/.test(b) && !allSame(b));

  it.each(nneWithZero)('suggests the NNE %s + key when a 0 was typed as the letter O (the key always changes)', (body) => {
    const valid = body + nneKey(body);
    const at = body.lastIndexOf('0');
    const typed = valid.slice(0, at) + 'O' + valid.slice(at + 1);
    const { message, suggestion } = refused(checkIne(typed));
    expect(suggestion).toBe(valid);
    expect(message).toContain(hint(valid, `le chiffre 0 au lieu de la lettre O en ${at === 0 ? '1re' : `${at + 1}e`} position`));
  });

  // NNE bodies with exactly one letter O and no digit 0: typing 0 for that O must be caught.
  const nneWithO = bodies(7, BASE36.replace('0', ''), 10, (b) => b.split('O').length === 2 && /[1-9]/.test(b.replace('O', '')));

  it.each(nneWithO)('suggests the NNE %s + key when its letter O was typed as a 0', (body) => {
    const valid = body + nneKey(body);
    const at = body.indexOf('O');
    const typed = valid.slice(0, at) + '0' + valid.slice(at + 1);
    const { message, suggestion } = refused(checkIne(typed));
    expect(suggestion).toBe(valid);
    expect(message).toMatch(/^la clé de cet INE \(le chiffre final « \d »\) ne correspond pas aux 10 caractères qui le précèdent\. Vouliez-vous/);
    expect(message).toContain(hint(valid, `la lettre O au lieu du chiffre 0 en ${at === 0 ? '1re' : `${at + 1}e`} position`));
  });

  it('suggests a key 0 typed as the letter O', () => {
    const [body] = bodies(8, DIGITS, 1, (b) => !allSame(b) && nneKey(b) === '0');
    const { message, suggestion } = refused(checkIne(`${body}O`));
    expect(suggestion).toBe(`${body}0`);
    expect(message).toContain(hint(`${body}0`, 'le chiffre 0 au lieu de la lettre O en 11e position'));
  });

  it('suggests turning every O into 0 when no single swap is enough', () => {
    const valid = '1020304050' + beaKey('1020304050');
    const { message, suggestion } = refused(checkIne('1o2o-304050' + beaKey('1020304050')));
    expect(suggestion).toBe(valid);
    expect(message).toBe(
      'un INE qui se termine par une lettre commence par 10 chiffres (ou par 9 chiffres et 2 lettres) : ' +
        `« O » en 2e position et « O » en 4e position ne sont pas des chiffres. ${hint(valid, 'le chiffre 0 au lieu de chaque lettre O')}`,
    );
  });

  it.each([
    ['1856816127X', 'no O and no 0'],
    ['18568161207', 'a 0 whose swap does not give the key'],
    ['1856816120C', 'a 0 whose swap only gives a well-formed INES'],
    ['0000000000A', 'ten identical digits'],
  ])('does not suggest anything for %s (%s)', (input) => {
    const { message, suggestion } = refused(checkIne(input));
    expect(suggestion).toBeUndefined();
    expect(message).not.toContain('Vouliez-vous');
    expect(message).not.toContain('La lettre O et le chiffre 0 se confondent facilement');
  });
});

describe('checkIne on an INE that only the INES form accepts: the O/0 reading a key confirms', () => {
  const note = (ine: string) => `La lettre O et le chiffre 0 se confondent facilement. L'INE ${ine} est accepté tel que saisi : vérifiez-le sur votre relevé de notes et corrigez-le s'il le faut.`;
  const swapAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);

  it("accepts the guide's 1856816120S with its 10th character typed as the letter O, naming 1856816120S", () => {
    expect(checkIne('185681612OS')).toEqual({
      valid: true,
      ine: '185681612OS',
      form: 'INES',
      alternative: {
        ine: '1856816120S',
        form: 'BEA',
        message: `Vouliez-vous saisir 1856816120S (le chiffre 0 au lieu de la lettre O en 10e position) ? ${note('185681612OS')}`,
      },
    });
    expect(checkIne('185 681 612 os')).toMatchObject({ ine: '185681612OS', alternative: { ine: '1856816120S' } });
  });

  it.each(bodies(9, DIGITS, 10, (b) => !allSame(b) && b[9] === '0'))('names the BEA %s + key typed with the letter O in 10th position', (body) => {
    const meant = body + beaKey(body);
    expect(checkIne(swapAt(meant, 9, 'O'))).toEqual({
      valid: true,
      ine: swapAt(meant, 9, 'O'),
      form: 'INES',
      alternative: { ine: meant, form: 'BEA', message: expect.stringContaining(`Vouliez-vous saisir ${meant} (le chiffre 0 au lieu de la lettre O en 10e position) ?`) },
    });
  });

  // 9 digits and a letter with the key 0: typing that 0 as the letter O gives the INES form.
  const nneKeyZero = bodies(10, DIGITS, 10, (b) => !allSame(b)).map((digits) => {
    const letter = [...LETTERS].find((l) => nneKey(digits.slice(0, 9) + l) === '0') as string;
    return digits.slice(0, 9) + letter;
  });

  it.each(nneKeyZero)('names the NNE %s0 typed with the letter O for its key 0 (11th position)', (body) => {
    expect(checkIne(`${body}O`)).toMatchObject({
      valid: true,
      form: 'INES',
      alternative: { ine: `${body}0`, form: 'NNE', message: expect.stringContaining(`(le chiffre 0 au lieu de la lettre O en 11e position)`) },
    });
  });

  it('names an NNE ending with 00 typed OO (every 0 typed as O), when no single change is enough', () => {
    const [digits] = bodies(11, DIGITS, 1, (b) => !allSame(b.slice(0, 9)) && nneKey(`${b.slice(0, 9)}0`) === '0');
    const meant = `${digits.slice(0, 9)}00`;
    expect(checkIne(`${digits.slice(0, 9)}OO`)).toMatchObject({
      valid: true,
      form: 'INES',
      alternative: { ine: meant, form: 'NNE', message: expect.stringContaining(`Vouliez-vous saisir ${meant} (le chiffre 0 au lieu de chaque lettre O) ?`) },
    });
  });

  it('never silently accepts a single O/0 slip, at any position, in a valid BEA or NNE: refused, or accepted naming what was meant', () => {
    const valids = [
      ...BEA_BODIES.map((b) => b + beaKey(b)),
      ...bodies(12, DIGITS, 10, (b) => !allSame(b) && b.includes('0')).map((b) => b + beaKey(b)),
      ...NNE_BODIES.map((b) => b + nneKey(b)),
      ...nneKeyZero.map((b) => `${b}0`),
      ...bodies(13, BASE36, 10, (b) => /[0-9]/.test(b) && /[0O]/.test(b) && !allSame(b)).map((b) => b + nneKey(b)),
    ];
    const slips = { refused: 0, named: new Set<number>() };
    for (const meant of valids) {
      [...meant].forEach((c, i) => {
        if (c !== '0' && c !== 'O') return;
        const typed = swapAt(meant, i, c === '0' ? 'O' : '0');
        const check = checkIne(typed);
        if (!check.valid) return void slips.refused++;
        expect({ typed, check }).toEqual({ typed, check: { valid: true, ine: typed, form: 'INES', alternative: expect.objectContaining({ ine: meant }) } });
        slips.named.add(i);
      });
    }
    // Both positions where a slip lands on the INES form were met (10th: a BEA, 11th: an NNE key), and many refusals.
    expect([...slips.named].sort((a, b) => a - b)).toEqual([9, 10]);
    expect(slips.refused).toBeGreaterThan(50);
  });

  it.each([
    ['123456789AB', 'no O and no 0 where a reading could change'],
    ['185681612OC', 'its BEA reading 1856816120C has a wrong key'],
    ['100000000AB', 'zeros among the first 9: turning one into O gives no form at all'],
    ['123456788OO', 'neither 1234567880O (a BEA key is never O) nor 123456788O0 nor 12345678800 has the right key'],
  ])('adds nothing to %s (%s)', (ine) => {
    expect(checkIne(ine)).toEqual({ valid: true, ine, form: 'INES' });
    expect(checkIne(ine)).not.toHaveProperty('alternative');
  });

  it('adds nothing to a valid BEA or NNE, even one with a 0 or an O (their key confirms them)', () => {
    for (const ine of ['1856816120S', '0123456789M', '18568161208', '0DDG5R00015', ...BEA_BODIES.map((b) => b + beaKey(b)), ...NNE_BODIES.map((b) => b + nneKey(b))]) {
      expect(checkIne(ine)).not.toHaveProperty('alternative');
    }
  });
});

describe('IsIne', () => {
  class Dto {
    @IsIne()
    ine?: unknown;
  }

  async function errorsFor(ine: unknown) {
    const dto = new Dto();
    dto.ine = ine;
    return flattenValidationErrors(await validate(dto));
  }

  it.each([undefined, null, '', ' - ', '1856816120S', '0ddg5r 0001-5', '123456789AB', '185681612OS'])('accepts %p', async (ine) => {
    expect(await errorsFor(ine)).toEqual([]);
  });

  it('refuses a non-string', async () => {
    expect(await errorsFor(18568161208)).toEqual([{ field: 'ine', message: 'doit être une chaîne de caractères' }]);
  });

  it.each(['1856816120C', '185681612', '185681612é8', '0000000000A', 'ABCDEFGHIJ1', '12A4567890B', '123O456789G', 'AB102345673'])(
    "refuses %s with checkIne's message, which reads as a field message in the pipe's sentence",
    async (ine) => {
      const expected = refused(checkIne(ine)).message;
      const errors = await errorsFor(ine);
      expect(errors).toEqual([{ field: 'ine', message: expected }]);
      expect(expected).toMatch(/^[a-zé]/); // lower-case clause after "est invalide : "
      expect(expected).not.toMatch(/[.!?]$/); // the pipe adds the final period
      expect(new ValidationFailed(errors).detail).toBe(`Le champ « ine » est invalide : ${expected}.`);
    },
  );
});
