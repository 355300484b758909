import { Navigate, useParams } from 'react-router';
import { useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { useSession } from '../commun/session';
import { FormulaireConnexion } from '../comptes/FormulaireConnexion';
import { TEXTES_CANDIDAT } from './textes';

/** The page every mail about a candidature links to: the login, the numéro filled in, then the candidate's space. */
export default function SuiviCandidatures() {
  const { numeroDossier = '' } = useParams();
  const session = useSession();
  const t = useTextes(TEXTES_CANDIDAT);
  if (session?.me.kind === 'candidat' && session.me.login === numeroDossier) return <Navigate to="/mon-espace" replace />;
  return (
    <Page titre={t.suivreTitre}>
      <p>{t.suivre}</p>
      <FormulaireConnexion identifiant={numeroDossier} />
    </Page>
  );
}
