import { useCallback } from 'react';
import { Link } from 'react-router';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { session } from '../commun/session';
import { useJetonUnique } from './useJetonUnique';

/** The page of the CPT_MIN_MOD_MAIL mail's link: POST /api/comptes/email/validation; the sessions were closed. */
export default function ValidationEmail() {
  const validation = $api.useMutation('post', '/api/comptes/email/validation', { onSuccess: () => session.fermer() });
  const { mutate } = validation;
  const token = useJetonUnique(useCallback((token: string) => mutate({ body: { token } }), [mutate]));
  return (
    <Page titre="Validation de la nouvelle adresse e-mail">
      {!token && <p role="alert">Ce lien est incomplet : ouvrez le lien du mail tel qu’il a été reçu.</p>}
      {validation.isPending && <Chargement />}
      <Probleme erreur={validation.error} />
      {validation.data && (
        <>
          <Succes>{validation.data.message}</Succes>
          <Link className="btn btn-primary" to={`/connexion?identifiant=${encodeURIComponent(validation.data.numeroDossier)}`}>
            Se connecter
          </Link>
        </>
      )}
    </Page>
  );
}
