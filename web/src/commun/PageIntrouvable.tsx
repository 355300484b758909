import { Link } from 'react-router';
import { useTextes } from './langue';
import { Page } from './Page';
import { TEXTES_COMMUNS } from './textes';

export default function PageIntrouvable() {
  const t = useTextes(TEXTES_COMMUNS);
  return (
    <Page titre={t.introuvableTitre}>
      <p>{t.introuvable}</p>
      <Link to="/">{t.retourAccueil}</Link>
    </Page>
  );
}
