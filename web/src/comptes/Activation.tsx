import { Link } from 'react-router';
import { Succes } from '../commun/Probleme';
import { PageDuLien } from './PageDuLien';

/** The page of the CPT_MIN_CREATE mail's link: POST /api/comptes/activation, then the numéro de dossier to log in with. */
export default function Activation() {
  return (
    <PageDuLien
      titre="Activation du compte"
      chemin="/api/comptes/activation"
      siRefus={
        <p>
          <Link to="/comptes/activation/renvoi">Demander un nouveau lien d’activation</Link>
        </p>
      }
    >
      {(activation) => (
        <>
          <Succes>{activation.message}</Succes>
          <p className="fs-5">
            Votre numéro de dossier : <strong data-testid="numero-dossier">{activation.numeroDossier}</strong>
          </p>
          <p>Notez-le : c’est votre identifiant de connexion.</p>
          <Link className="btn btn-primary" to={`/connexion?identifiant=${encodeURIComponent(activation.numeroDossier)}`}>
            Se connecter
          </Link>
        </>
      )}
    </PageDuLien>
  );
}
