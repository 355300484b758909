import { Link, useSearchParams } from 'react-router';
import { Page } from '../commun/Page';
import { FormulaireConnexion } from './FormulaireConnexion';

export default function Connexion() {
  const [params] = useSearchParams();
  const retour = params.get('retour');
  return (
    <Page titre="Se connecter">
      <FormulaireConnexion identifiant={params.get('identifiant') ?? undefined} retour={retour?.startsWith('/') ? retour : undefined} />
      <ul className="mt-4">
        <li>
          <Link to="/comptes/identifiants-oublies">Identifiants oubliés</Link>
        </li>
        <li>
          <Link to="/comptes/activation/renvoi">Lien d’activation perdu</Link>
        </li>
        <li>
          <Link to="/comptes/creation">Créer un compte</Link>
        </li>
      </ul>
    </Page>
  );
}
