import { useSyncExternalStore } from 'react';

/** The languages of the candidate's pages (the API's `Langue`): French unless the candidate picks English. */
export type Langue = 'fr' | 'en';

/**
 * A page's texts in both languages: `textes({ fr: {…}, en: {…} })`. The French dictionary sets the keys and their
 * types (a string, or a function of what the sentence needs); the English one must have every key, with the same
 * type, and no other: a missing or extra key does not compile.
 */
export function textes<F extends Record<string, unknown>>(dictionnaires: { fr: F; en: NoInfer<F> }): Record<Langue, F> {
  return dictionnaires;
}

const CLE = 'candidatures.langue';
const abonnes = new Set<() => void>();

function lire(): Langue {
  try {
    return localStorage.getItem(CLE) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

let choisie: Langue = lire();

/** The staff desk (`/gestion…`) stays French whatever the candidate's pages were read in. */
const courante = (): Langue => (window.location.pathname.startsWith('/gestion') ? 'fr' : choisie);
document.documentElement.lang = courante();

/** The language of the pages: chosen with the switch of the header (kept in localStorage), or the account's at login. */
export const langue = {
  courante,
  choisir(nouvelle: Langue): void {
    if (nouvelle === choisie) return;
    choisie = nouvelle;
    try {
      localStorage.setItem(CLE, nouvelle);
    } catch {
      // Storage refused (private mode): the choice lasts as long as the page.
    }
    abonnes.forEach((abonne) => abonne());
  },
};

/** The current language, re-rendering when it changes (the layout sets `<html lang>` from it). */
export function useLangue(): Langue {
  return useSyncExternalStore(
    (abonne) => {
      abonnes.add(abonne);
      return () => abonnes.delete(abonne);
    },
    courante,
  );
}

/** A page's texts in the current language: `const t = useTextes(TEXTES)`. */
export function useTextes<F>(dictionnaires: Record<Langue, F>): F {
  return dictionnaires[useLangue()];
}
