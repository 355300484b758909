import { Navigate, useParams } from 'react-router';
import { Page } from '../commun/Page';
import { useSession } from '../commun/session';
import { FormulaireConnexion } from '../comptes/FormulaireConnexion';

/** The page every mail about a candidature links to: the login, the numéro filled in, then the candidate's space. */
export default function SuiviCandidatures() {
  const { numeroDossier = '' } = useParams();
  const session = useSession();
  if (session?.me.kind === 'candidat' && session.me.login === numeroDossier) return <Navigate to="/mon-espace" replace />;
  return (
    <Page titre="Suivre mes candidatures">
      <p>Connectez-vous pour voir où en sont vos candidatures.</p>
      <FormulaireConnexion identifiant={numeroDossier} />
    </Page>
  );
}
