import { horodatage } from './outils';

/** The address lines of a text area, one a line (the API trims them and drops the blank ones). */
export function lignesAdresse(valeur: string | undefined): string[] {
  return valeur ? valeur.split(/\r?\n/) : [];
}

/** The fields of a form filled in, the others left out (the letters' settings: a field left out is unset). */
export function remplis<K extends string>(valeurs: Record<string, string>, champs: readonly K[]): Partial<Record<K, string>> {
  return Object.fromEntries(champs.filter((c) => valeurs[c]).map((c) => [c, valeurs[c]])) as Partial<Record<K, string>>;
}

/** « Modifié par scol le 6 déc. 2026, 14:05:09 », or what the letters print when nothing was ever set. */
export function derniereModification(auteur: string | null, instant: string | null, jamais: string): string {
  return auteur && instant ? `Modifié par ${auteur} le ${horodatage(instant)}.` : jamais;
}

export const TYPES_LETTRE = { admission: 'Lettre d’admission', refus: 'Lettre de refus' } as const;
