import { Link } from 'react-router';
import { Page } from './Page';

export default function PageIntrouvable() {
  return (
    <Page titre="Page introuvable">
      <p>Cette adresse ne correspond à aucune page du site.</p>
      <Link to="/">Revenir à l’accueil</Link>
    </Page>
  );
}
