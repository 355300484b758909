import { useEffect } from 'react';
import type { Schemas } from '@client';
import { $api } from './api';
import { appliquerTheme } from './theme';

const PAR_DEFAUT: Schemas['SiteDto'] = { nom: 'Candidatures', couleurPrincipale: '#1d4e89', cas: false };

/** The institution (name, colour, logo, CAS) from GET /api/site; the defaults while it loads. */
export function useSite(): Schemas['SiteDto'] {
  const { data } = $api.useQuery('get', '/api/site', {}, { staleTime: Infinity });
  useEffect(() => {
    if (data) appliquerTheme(data);
  }, [data]);
  return data ?? PAR_DEFAUT;
}
