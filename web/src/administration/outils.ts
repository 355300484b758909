import { useState } from 'react';
import { queryClient } from '../commun/api';

const INSTANT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Paris' });

/** An instant of the API (UTC ISO-8601) as the desk reads it, in Paris time: « 6 déc. 2026, 14:05:09 ». */
export function horodatage(valeur: string): string {
  return INSTANT.format(new Date(valeur));
}

/** The languages of mails and letters. */
export const LANGUES = { fr: 'français', en: 'anglais' } as const;

/**
 * Reads again every query of the API under these paths (openapi-react-query keys a query by [method, path, init]):
 * after a change, the lists and the pages that show it.
 */
export function relire(...chemins: string[]): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => chemins.some((c) => String(q.queryKey[1]).startsWith(c)) });
}

/**
 * What a settings form that creates or changes an item does after saving: a creation empties the form for the next
 * one (its `key` changes), a change closes it (`onFait`); both read the lists again.
 */
export function useApresEnregistrement(recharger: () => Promise<unknown>, onFait?: () => void) {
  const [cle, setCle] = useState(0);
  return {
    cle,
    apresCreation: {
      onSuccess: () => {
        setCle((n) => n + 1);
        void recharger();
      },
    },
    apresModification: {
      onSuccess: () => {
        void recharger();
        onFait?.();
      },
    },
  };
}
