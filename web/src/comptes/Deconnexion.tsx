import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { $api } from '../commun/api';
import { Page } from '../commun/Page';
import { Succes } from '../commun/Probleme';
import { session, useSession } from '../commun/session';

/** POST /api/auth/logout: the token is revoked on the server, then forgotten in this tab, whatever the answer. */
export default function Deconnexion() {
  const ouverte = useSession();
  const deconnexion = $api.useMutation('post', '/api/auth/logout', { onSettled: () => session.fermer() });
  const { mutate } = deconnexion;
  const envoye = useRef(false);
  useEffect(() => {
    if (ouverte && !envoye.current) {
      envoye.current = true;
      mutate({});
    }
  }, [ouverte, mutate]);
  return (
    <Page titre="Déconnexion">
      {ouverte ? (
        <p role="status">Déconnexion en cours…</p>
      ) : (
        <>
          <Succes>Vous êtes déconnecté.</Succes>
          <Link to="/connexion">Se connecter à nouveau</Link>
        </>
      )}
    </Page>
  );
}
