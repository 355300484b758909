import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { TEXTES_COMPTES } from './textes';

type Chemin = '/api/comptes/activation' | '/api/comptes/email/validation';

interface Props {
  titre: string;
  /** The call the mail's link stands for, with its `token` */
  chemin: Chemin;
  apres?: () => void;
  /** What to show once the API has accepted the token */
  children: (resultat: Schemas['ActivationResultDto']) => React.ReactNode;
  /** What to offer when the API refused it (an expired or used link) */
  siRefus?: React.ReactNode;
}

/**
 * The page a mail's link opens: its `token` sent once to the API when the page opens (a token is single-use: React's
 * double effects in development, or a re-render, must not send it twice), then the answer or the problem.
 */
export function PageDuLien({ titre, chemin, apres, children, siRefus }: Props) {
  const [params] = useSearchParams();
  const t = useTextes(TEXTES_COMPTES);
  const token = params.get('token');
  const appel = $api.useMutation('post', chemin, { onSuccess: apres });
  const { mutate } = appel;
  const envoye = useRef(false);
  useEffect(() => {
    if (token && !envoye.current) {
      envoye.current = true;
      mutate({ body: { token } });
    }
  }, [token, mutate]);
  return (
    <Page titre={titre}>
      {!token && <p role="alert">{t.lienIncomplet}</p>}
      {appel.isPending && <Chargement />}
      <Probleme erreur={appel.error} />
      {appel.error && siRefus}
      {appel.data && children(appel.data)}
    </Page>
  );
}
