/**
 * The key under which a login, an e-mail or a numéro de dossier is stored, looked up and throttled: every spelling
 * of one identifier folds to it, so the database and the code agree on which account a typed value reaches.
 * NFKC first (full-width ＤＥＭＯ, ligatures), then case folded through upper case so that dotless ı, İ and ß fold
 * too (JS has no full case folding), then accents removed. The key columns compare it byte for byte (utf8mb4_bin).
 */
export function cleIdentifiant(saisi: string): string {
  return saisi
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/** A numéro de dossier is issued in capitals: the key of what was typed, in capitals. */
export const cleNumeroDossier = (saisi: string): string => cleIdentifiant(saisi).toUpperCase();

/** Whether a typed identifier is an e-mail address (else a staff login or a numéro de dossier). */
export const estEmail = (cle: string): boolean => cle.includes('@');
