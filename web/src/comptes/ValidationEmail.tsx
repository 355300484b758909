import { Link } from 'react-router';
import { Succes } from '../commun/Probleme';
import { session } from '../commun/session';
import { PageDuLien } from './PageDuLien';

/** The page of the CPT_MIN_MOD_MAIL mail's link: POST /api/comptes/email/validation; the sessions were closed. */
export default function ValidationEmail() {
  return (
    <PageDuLien titre="Validation de la nouvelle adresse e-mail" chemin="/api/comptes/email/validation" apres={session.fermer}>
      {(validation) => (
        <>
          <Succes>{validation.message}</Succes>
          <Link className="btn btn-primary" to={`/connexion?identifiant=${encodeURIComponent(validation.numeroDossier)}`}>
            Se connecter
          </Link>
        </>
      )}
    </PageDuLien>
  );
}
