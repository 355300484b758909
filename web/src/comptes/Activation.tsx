import { useCallback } from 'react';
import { Link } from 'react-router';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { useJetonUnique } from './useJetonUnique';

/** The page of the CPT_MIN_CREATE mail's link: POST /api/comptes/activation, then the numéro de dossier to log in with. */
export default function Activation() {
  const activation = $api.useMutation('post', '/api/comptes/activation');
  const { mutate } = activation;
  const token = useJetonUnique(useCallback((token: string) => mutate({ body: { token } }), [mutate]));
  return (
    <Page titre="Activation du compte">
      {!token && <p role="alert">Ce lien est incomplet : ouvrez le lien du mail tel qu’il a été reçu.</p>}
      {activation.isPending && <Chargement />}
      <Probleme erreur={activation.error} />
      {activation.error && (
        <p>
          <Link to="/comptes/activation/renvoi">Demander un nouveau lien d’activation</Link>
        </p>
      )}
      {activation.data && (
        <>
          <Succes>{activation.data.message}</Succes>
          <p className="fs-5">
            Votre numéro de dossier : <strong data-testid="numero-dossier">{activation.data.numeroDossier}</strong>
          </p>
          <p>Notez-le : c’est votre identifiant de connexion.</p>
          <Link className="btn btn-primary" to={`/connexion?identifiant=${encodeURIComponent(activation.data.numeroDossier)}`}>
            Se connecter
          </Link>
        </>
      )}
    </Page>
  );
}
