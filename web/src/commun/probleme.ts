import type { Schemas } from '@client';
import { langue } from './langue';
import { TEXTES_COMMUNS } from './textes';

/** An RFC 9457 problem as the API answers it: `detail` is the sentence to show (in French: the API writes no other language), `errors` the invalid fields. */
export type ProblemeApi = Schemas['ProblemDto'];

/** What a failed call gives: the API's problem, or a network failure (TypeError from fetch), or anything else. */
export function enProbleme(erreur: unknown): ProblemeApi | null {
  if (!erreur) return null;
  if (typeof erreur === 'object' && 'detail' in erreur && 'status' in erreur) return erreur as ProblemeApi;
  const t = TEXTES_COMMUNS[langue.courante()];
  return {
    type: 'about:blank',
    title: t.injoignableTitre,
    status: 0,
    code: 'SERVICE_INJOIGNABLE',
    detail: t.injoignable,
    instance: '',
    requestId: '',
  };
}

/** The message of one field of the form (the API names it as in the request body: `email`, `password`…). */
export function erreurDuChamp(probleme: ProblemeApi | null, champ: string): string | undefined {
  return probleme?.errors?.find((e) => e.field === champ)?.message;
}
