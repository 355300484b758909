import { useSyncExternalStore } from 'react';
import type { Schemas } from '@client';
import { langue } from './langue';

/** The session of this tab: POST /api/auth/login's answer, kept in sessionStorage (gone when the tab closes). */
export type Session = Schemas['SessionDto'];

const CLE = 'candidatures.session';
const abonnes = new Set<() => void>();

function lire(): Session | null {
  try {
    const texte = sessionStorage.getItem(CLE);
    return texte ? (JSON.parse(texte) as Session) : null;
  } catch {
    return null;
  }
}

let courante = lire();

function changer(session: Session | null): void {
  courante = session;
  if (session) sessionStorage.setItem(CLE, JSON.stringify(session));
  else sessionStorage.removeItem(CLE);
  abonnes.forEach((abonne) => abonne());
}

export const session = {
  token: (): string | null => courante?.token ?? null,
  /** A login: the pages switch to the candidate's own language (the account's, changed in « mon dossier »). */
  ouvrir: (nouvelle: Session) => {
    if (nouvelle.me.langue) langue.choisir(nouvelle.me.langue);
    changer(nouvelle);
  },
  /** Logout, or a 401: the API no longer knows this token. */
  fermer: () => changer(null),
};

/** The session, re-rendering when it opens or closes (in this tab). */
export function useSession(): Session | null {
  return useSyncExternalStore(
    (abonne) => {
      abonnes.add(abonne);
      return () => abonnes.delete(abonne);
    },
    () => courante,
  );
}
