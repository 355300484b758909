/**
 * Folds a label for comparison and search: upper case, accents removed, apostrophes, hyphens and repeated spaces
 * turned into one space. "Saint-Jean-d'Angély" and "saint jean d angely" fold to the same string.
 */
export function normalizeForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/Œ/g, 'OE')
    .replace(/œ/g, 'oe')
    .replace(/Æ/g, 'AE')
    .replace(/æ/g, 'ae')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}
