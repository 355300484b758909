import { Link } from 'react-router';
import { useTextes } from '../commun/langue';
import { Succes } from '../commun/Probleme';
import { session } from '../commun/session';
import { PageDuLien } from './PageDuLien';
import { TEXTES_COMPTES } from './textes';

/** The page of the CPT_MIN_MOD_MAIL mail's link: POST /api/comptes/email/validation; the sessions were closed. */
export default function ValidationEmail() {
  const t = useTextes(TEXTES_COMPTES);
  return (
    <PageDuLien titre={t.validationEmailTitre} chemin="/api/comptes/email/validation" apres={session.fermer}>
      {(validation) => (
        <>
          <Succes>{t.emailValide(validation.message)}</Succes>
          <Link className="btn btn-primary" to={`/connexion?identifiant=${encodeURIComponent(validation.numeroDossier)}`}>
            {t.seConnecter}
          </Link>
        </>
      )}
    </PageDuLien>
  );
}
