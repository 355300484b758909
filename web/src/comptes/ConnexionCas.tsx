import { useCallback, useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { session } from '../commun/session';
import { TEXTES_COMPTES } from './textes';

/** Where the CAS callback comes back (CAS_RETOUR_URL): the one-time code exchanged for the session. */
export default function ConnexionCas() {
  const [params] = useSearchParams();
  const t = useTextes(TEXTES_COMPTES);
  const navigate = useNavigate();
  const code = params.get('code');
  const echange = $api.useMutation('post', '/api/auth/cas/echange', {
    onSuccess: (ouverte) => {
      session.ouvrir(ouverte);
      void navigate(ouverte.me.kind === 'candidat' ? '/mon-espace' : '/', { replace: true });
    },
  });
  const { mutate } = echange;
  const envoye = useRef(false);
  const envoyer = useCallback(() => {
    if (code && !envoye.current) {
      envoye.current = true;
      mutate({ body: { code } });
    }
  }, [code, mutate]);
  useEffect(envoyer, [envoyer]);
  return (
    <Page titre={t.connexionCasTitre}>
      {!code && <p role="alert">{t.casIncomplet}</p>}
      {echange.isPending && <Chargement />}
      <Probleme erreur={echange.error} />
      {(echange.error || !code) && <Link to="/connexion">{t.retourConnexion}</Link>}
    </Page>
  );
}
