import { Link } from 'react-router';
import { useTextes } from '../commun/langue';
import { Succes } from '../commun/Probleme';
import { PageDuLien } from './PageDuLien';
import { TEXTES_COMPTES } from './textes';

/** The page of the CPT_MIN_CREATE mail's link: POST /api/comptes/activation, then the numéro de dossier to log in with. */
export default function Activation() {
  const t = useTextes(TEXTES_COMPTES);
  return (
    <PageDuLien
      titre={t.activationTitre}
      chemin="/api/comptes/activation"
      siRefus={
        <p>
          <Link to="/comptes/activation/renvoi">{t.demanderLienActivation}</Link>
        </p>
      }
    >
      {(activation) => (
        <>
          <Succes>{t.activeMessage(activation.message)}</Succes>
          <p className="fs-5">
            {t.votreNumero} <strong data-testid="numero-dossier">{activation.numeroDossier}</strong>
          </p>
          <p>{t.notezLe}</p>
          <Link className="btn btn-primary" to={`/connexion?identifiant=${encodeURIComponent(activation.numeroDossier)}`}>
            {t.seConnecter}
          </Link>
        </>
      )}
    </PageDuLien>
  );
}
