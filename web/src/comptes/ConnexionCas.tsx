import { useCallback, useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { session } from '../commun/session';

/** Where the CAS callback comes back (CAS_RETOUR_URL): the one-time code exchanged for the session. */
export default function ConnexionCas() {
  const [params] = useSearchParams();
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
    <Page titre="Connexion par l’université">
      {!code && <p role="alert">Ce lien est incomplet : reprenez la connexion depuis la page de connexion.</p>}
      {echange.isPending && <Chargement />}
      <Probleme erreur={echange.error} />
      {(echange.error || !code) && <Link to="/connexion">Revenir à la page de connexion</Link>}
    </Page>
  );
}
