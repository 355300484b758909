/** The languages a candidate may choose for their mails and letters (French by default). */
export enum Langue {
  FR = 'fr',
  EN = 'en',
}

/** The same thing in every language, side by side: `{ fr: …, en: … }`. */
export type Traduit<T> = Record<Langue, T>;
