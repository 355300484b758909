import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { $api } from '../commun/api';
import { useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { Succes } from '../commun/Probleme';
import { session, useSession } from '../commun/session';
import { TEXTES_COMPTES } from './textes';

/** POST /api/auth/logout: the token is revoked on the server, then forgotten in this tab, whatever the answer. */
export default function Deconnexion() {
  const ouverte = useSession();
  const t = useTextes(TEXTES_COMPTES);
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
    <Page titre={t.deconnexionTitre}>
      {ouverte ? (
        <p role="status">{t.deconnexionEnCours}</p>
      ) : (
        <>
          <Succes>{t.deconnecte}</Succes>
          <Link to="/connexion">{t.reconnecter}</Link>
        </>
      )}
    </Page>
  );
}
