/**
 * INE (Identifiant National Étudiant) typed by a candidate as ONE 11-character field "INE + clé"
 * (reference-ecandidat.md §1.9). Pure functions, no I/O.
 *
 * Algorithms checked against eCandidat's sources (EsupPortail/esup-ecandidat,
 * src/main/java/fr/univlorraine/ecandidat/utils/MethodUtils.java: isINES, checkBEA23, checkNNE36, and
 * CandidatController.checkStudentINE which combines them):
 *  - INES `^[0-9]{9}[A-Z]{2}$`: INE = 9 digits, clé = 2 letters. eCandidat then asks the SI Scol "check INES" web
 *    service. Here: format check only; a remote check adapter will come later (it belongs to a service, not to
 *    this pure validator).
 *  - BEA (rectorat) `^[0-9]{10}[A-Z]$`: the 10 digits read as one number, modulo 23, index (from 0) into
 *    "ABCDEFGHJKLMNPRSTUVWXYZ" (A–Z without I, O, Q); the letter must be that one. Ten times the same digit is
 *    refused (and so is a key I, O or Q, which can never match).
 *  - NNE base 36 (university INE) `^[0-9A-Z]{10}[0-9]$`: sum of the base-36 values of the first 9 characters,
 *    times 6 (eCandidat adds value*6 for each of the 9, which is the same), plus the base-36 value of the 10th
 *    character; the key is the last decimal digit of that total. Bodies made of ten times the same digit or of
 *    ten letters are refused (ten times the same letter is a special case of the latter).
 *    eCandidat's shape regex `^[0-9A-Z]{10}[0-9]|[A-Z]{1}$` is an operator-precedence slip; with Java's
 *    whole-string `matches` it amounts to "10 alphanumerics + 1 digit", which is what is implemented here.
 *  - Valid when the INES format matches; otherwise when BEA23 or NNE36 passes (checkStudentINE only returns false
 *    when both fail). The three shapes are mutually exclusive (the 10th character is a digit for BEA, a letter
 *    for INES; the key is a letter for BEA, a digit for NNE), so each input is checked against exactly one form,
 *    which lets the message say precisely what is wrong.
 *  - The letter O and the digit 0 look alike. An input accepted only as INES (no key confirms it) that a key would
 *    confirm once an O is read as 0 (or the reverse) is accepted with that other reading (`alternative`), for the
 *    candidate to be asked « Vouliez-vous saisir … ? »: 185681612OS is the valid BEA 1856816120S with its last 0
 *    typed as O. In an INES the first 9 characters are digits, so only its 10th (O→0: a BEA) and 11th (O→0: an
 *    NNE) can change its reading; a 0 of the first 9 read as O never gives a form alone.
 *
 * Messages follow the repo's field-error convention (see common/validation): a lower-case clause with its own
 * subject and no final period, shown under the field or after "Le champ « ine » est invalide : " by the
 * validation pipe, which adds the period.
 */

export type IneForm = 'INES' | 'BEA' | 'NNE';

/** Another reading of a valid input, one O/0 confusion away, that a key confirms. */
export type IneAlternative = { ine: string; form: Exclude<IneForm, 'INES'>; message: string };

export type IneCheck =
  | { valid: true; ine: string /* normalized 11 chars */; form: IneForm; alternative?: IneAlternative }
  | { valid: false; message: string; suggestion?: string };

/** The 23 letters of the BEA key: A–Z without I, O and Q. */
const BEA_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ';

const INE_LENGTH = 11;

/** Spaces (incl. non-breaking and zero-width), dots, hyphen-minus, Unicode hyphens/dashes, minus sign, soft hyphen. */
const SEPARATORS = /[\s.\-\u00AD\u200B\u2010-\u2015\u2212]/g;

const INES_SHAPE = /^[0-9]{9}[A-Z]{2}$/;
const BEA_SHAPE = /^[0-9]{10}[A-Z]$/;
const NNE_SHAPE = /^[0-9A-Z]{10}[0-9]$/;

const O_ZERO_NOTE = 'La lettre O et le chiffre 0 se confondent facilement';
const COPY_ADVICE = 'recopiez le numéro figurant sur votre relevé de notes';

/** Upper-case (ASCII letters only: "ß" must not become "SS"), spaces, dashes and dots removed. */
export function normalizeIne(input: string): string {
  return input.replace(SEPARATORS, '').replace(/[a-z]/g, (c) => c.toUpperCase());
}

/** The BEA key letter of 10 digits: (number mod 23) indexes the alphabet without I, O, Q. */
export function beaKey(tenDigits: string): string {
  if (!/^[0-9]{10}$/.test(tenDigits)) throw new RangeError(`beaKey expects 10 digits, got "${tenDigits}"`);
  // Horner's scheme keeps every intermediate value small (the 10-digit number itself also fits a double).
  let remainder = 0;
  for (const digit of tenDigits) remainder = (remainder * 10 + Number(digit)) % 23;
  return BEA_ALPHABET[remainder];
}

/** The NNE key digit of 10 base-36 characters: (sum of the first 9 values) × 6 + value of the 10th, last digit. */
export function nneKey(tenChars: string): string {
  if (!/^[0-9A-Z]{10}$/.test(tenChars)) throw new RangeError(`nneKey expects 10 characters from 0-9A-Z, got "${tenChars}"`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += parseInt(tenChars[i], 36);
  const total = sum * 6 + parseInt(tenChars[9], 36);
  return String(total % 10);
}

/** Checks an INE typed by a candidate. Call it with a value that is not empty once normalized (empty = no INE). */
export function checkIne(input: string): IneCheck {
  const ine = normalizeIne(input);
  if (ine === '') {
    return { valid: false, message: "l'INE est vide : saisissez les 11 caractères figurant sur votre relevé de notes" };
  }

  const forbidden = [...new Set([...ine].filter((c) => !/^[0-9A-Z]$/.test(c)))];
  if (forbidden.length > 0) {
    return { valid: false, message: `un INE ne contient que des chiffres et des lettres sans accents : ${enumerate(forbidden.map(fixFor))}` };
  }

  if (ine.length !== INE_LENGTH) {
    const separatorsRemoved = ine.length !== input.length;
    let message = `l'INE doit compter 11 caractères (10 chiffres ou lettres et une clé) : vous en avez saisi ${ine.length}`;
    if (separatorsRemoved) message += ' (sans compter les espaces, tirets et points)';
    if (ine.length === INE_LENGTH - 1) message += ', il manque sans doute la clé, le dernier caractère';
    return { valid: false, message };
  }

  const verdict = judge(ine);
  if (verdict.valid) {
    const other = verdict.form === 'INES' ? findOZeroFix(ine, true) : undefined;
    if (!other) return { valid: true, ine, form: verdict.form };
    const message = `${vouliezVous(other)}. L'INE ${ine} est accepté tel que saisi : vérifiez-le sur votre relevé de notes et corrigez-le s'il le faut.`;
    return { valid: true, ine, form: verdict.form, alternative: { ine: other.candidate, form: other.form as IneAlternative['form'], message } };
  }

  const fix = findOZeroFix(ine, false);
  if (fix) return { valid: false, message: `${verdict.reason}. ${vouliezVous(fix)}`, suggestion: fix.candidate };
  return { valid: false, message: verdict.advice ? `${verdict.reason} : ${verdict.advice}` : verdict.reason };
}

type Verdict = { valid: true; form: IneForm } | { valid: false; reason: string; advice?: string };

/** The verdict on 11 characters from 0-9A-Z, without any O/0 hint. */
function judge(ine: string): Verdict {
  if (INES_SHAPE.test(ine)) return { valid: true, form: 'INES' };

  const body = ine.slice(0, 10);
  const key = ine[10];

  if (/^[A-Z]{10}$/.test(body)) {
    return {
      valid: false,
      reason: "les 10 premiers caractères de l'INE ne peuvent pas être tous des lettres",
      advice: 'un INE contient aussi des chiffres, recopiez-le depuis votre relevé de notes',
    };
  }

  if (BEA_SHAPE.test(ine)) {
    if (allSame(body)) return { valid: false, reason: "les 10 chiffres de l'INE ne peuvent pas être tous identiques", advice: COPY_ADVICE };
    if (key !== beaKey(body)) {
      const neverKey = 'IOQ'.includes(key) ? ` ; la lettre finale d'un INE de 10 chiffres n'est jamais I, O ni Q` : '';
      return {
        valid: false,
        reason: `la clé de cet INE (la lettre finale « ${key} ») ne correspond pas aux 10 chiffres qui la précèdent${neverKey}`,
        advice: 'vérifiez chaque chiffre (un seul chiffre erroné ou deux chiffres inversés suffisent à fausser la clé) et la lettre finale',
      };
    }
    return { valid: true, form: 'BEA' };
  }

  if (NNE_SHAPE.test(ine)) {
    if (allSame(body)) return { valid: false, reason: "les 10 premiers caractères de l'INE ne peuvent pas être tous identiques", advice: COPY_ADVICE };
    if (key !== nneKey(body)) {
      return {
        valid: false,
        reason: `la clé de cet INE (le chiffre final « ${key} ») ne correspond pas aux 10 caractères qui le précèdent`,
        advice:
          'vérifiez chaque caractère, en particulier ceux qui se confondent facilement : la lettre O et le chiffre 0, la lettre I et le chiffre 1, la lettre S et le chiffre 5, la lettre B et le chiffre 8',
      };
    }
    return { valid: true, form: 'NNE' };
  }

  // Ends with a letter, yet is neither INES nor BEA: some of the first 9 characters are letters (if all 9 were
  // digits, the 10th would make it INES (letter) or BEA (digit)).
  const letters = [...body.slice(0, 9)].flatMap((c, i) => (/[A-Z]/.test(c) ? [`« ${c} » en ${ordinal(i + 1)} position`] : []));
  const listed = letters.length > 3 ? `${letters.slice(0, 3).join(', ')}…` : enumerate(letters);
  return {
    valid: false,
    reason:
      'un INE qui se termine par une lettre commence par 10 chiffres (ou par 9 chiffres et 2 lettres) : ' +
      `${listed} ${letters.length > 1 ? 'ne sont pas des chiffres' : "n'est pas un chiffre"}`,
  };
}

type OZeroFix = { candidate: string; form: IneForm; change: string };

/**
 * A valid INE one O/0 confusion away: each single O→0 swap from the left, then all O→0 at once (the same slip made
 * everywhere), then each single 0→O swap; at most 12 checks of 11 characters. Mixed swaps (some O→0 and some 0→O
 * in one number) are not tried: every 0 of the first 9 read as O moves an NNE key by the same amount, so such a
 * reading could not say which character was meant. `keyedOnly`: only a reading a key confirms (BEA, NNE), for an
 * input already valid as INES. Otherwise an INES reading (format only) is proposed only when it comes from turning
 * letters O into digits 0: the first 9 characters of an INES are digits, so an O there is surely a typo, whereas
 * turning a 0 into an O to reach "9 digits + 2 letters" proves nothing (every BEA with a wrong key and a 0 in 10th
 * position would get such a suggestion).
 */
function findOZeroFix(ine: string, keyedOnly: boolean): OZeroFix | undefined {
  const formOf = (candidate: string, inesAllowed: boolean): IneForm | undefined => {
    const verdict = judge(candidate);
    return verdict.valid && (inesAllowed || verdict.form !== 'INES') ? verdict.form : undefined;
  };
  const swapAt = (i: number, c: string) => ine.slice(0, i) + c + ine.slice(i + 1);
  const tries: [candidate: string, change: string, inesAllowed: boolean][] = [];

  const oPositions = [...ine].flatMap((c, i) => (c === 'O' ? [i] : []));
  for (const i of oPositions) tries.push([swapAt(i, '0'), `le chiffre 0 au lieu de la lettre O en ${ordinal(i + 1)} position`, !keyedOnly]);
  if (oPositions.length > 1) tries.push([ine.replace(/O/g, '0'), 'le chiffre 0 au lieu de chaque lettre O', !keyedOnly]);
  for (const [i, c] of [...ine].entries()) if (c === '0') tries.push([swapAt(i, 'O'), `la lettre O au lieu du chiffre 0 en ${ordinal(i + 1)} position`, false]);

  for (const [candidate, change, inesAllowed] of tries) {
    const form = formOf(candidate, inesAllowed);
    if (form) return { candidate, form, change };
  }
  return undefined;
}

/** « Vouliez-vous saisir … (what differs) ? » and why the question is asked, without final period. */
function vouliezVous(fix: OZeroFix): string {
  return `Vouliez-vous saisir ${fix.candidate} (${fix.change}) ? ${O_ZERO_NOTE}`;
}

/** What to do with a character an INE cannot contain: an accented letter has an obvious replacement. */
function fixFor(c: string): string {
  const bare = c.normalize('NFD').replace(/\p{M}/gu, '');
  if (/^[A-Za-z]$/.test(bare)) return `remplacez « ${c} » par « ${bare.toUpperCase()} »`;
  if (/^[\p{C}\p{Z}]$/u.test(c)) return `retirez le caractère invisible U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `retirez « ${c} »`;
}

/** "a", "a et b", "a, b et c" */
function enumerate(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

function allSame(s: string): boolean {
  return [...s].every((c) => c === s[0]);
}

function ordinal(n: number): string {
  return n === 1 ? '1re' : `${n}e`;
}
