/**
 * Which account a typed identifier reaches, as the login finds it (`staff:12`, `candidat:34`), or null for none.
 * The auth module provides it; the throttle counts per account reached, so neither a spelling nor the other
 * identifier of the same account (numéro de dossier, e-mail) buys more tries.
 */
export abstract class CompteVise {
  abstract compteVise(saisi: string): Promise<string | null>;
}
