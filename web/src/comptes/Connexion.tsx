import { Link, useSearchParams } from 'react-router';
import { useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { FormulaireConnexion } from './FormulaireConnexion';
import { TEXTES_COMPTES } from './textes';

export default function Connexion() {
  const [params] = useSearchParams();
  const t = useTextes(TEXTES_COMPTES);
  const retour = params.get('retour');
  return (
    <Page titre={t.seConnecter}>
      <FormulaireConnexion identifiant={params.get('identifiant') ?? undefined} retour={retour?.startsWith('/') ? retour : undefined} />
      <ul className="mt-4">
        <li>
          <Link to="/comptes/identifiants-oublies">{t.identifiantsOublies}</Link>
        </li>
        <li>
          <Link to="/comptes/activation/renvoi">{t.lienActivationPerdu}</Link>
        </li>
        <li>
          <Link to="/comptes/creation">{t.creerCompte}</Link>
        </li>
      </ul>
    </Page>
  );
}
