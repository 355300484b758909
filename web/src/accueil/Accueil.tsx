import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link } from 'react-router';
import { textes, useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { useSession } from '../commun/session';
import { useSite } from '../commun/site';

const TEXTES = textes({
  fr: {
    titre: (etablissement: string) => `Candidater à ${etablissement}`,
    introduction:
      'Déposez ici vos candidatures aux formations sélectives de l’établissement (licences professionnelles, masters, diplômes d’université), suivez leur instruction et répondez aux décisions.',
    premiereVisite: 'Première visite',
    creation: 'Créez votre compte avec votre adresse e-mail : un mail vous permettra de l’activer et vous donnera votre numéro de dossier.',
    creer: 'Créer un compte',
    dejaCompte: 'Déjà un compte',
    allerEspace: 'Aller à mon espace',
    connexion: 'Connectez-vous avec votre numéro de dossier (ou votre adresse e-mail) et votre mot de passe.',
    seConnecter: 'Se connecter',
  },
  en: {
    titre: (etablissement: string) => `Apply to ${etablissement}`,
    introduction:
      'Apply here to the selective programmes of the university (professional bachelor’s degrees, master’s degrees, university diplomas), follow how your applications are processed and answer the decisions.',
    premiereVisite: 'First visit',
    creation: 'Create your account with your e-mail address: a mail will let you activate it and give you your application number.',
    creer: 'Create an account',
    dejaCompte: 'Already have an account',
    allerEspace: 'Go to my space',
    connexion: 'Log in with your application number (or your e-mail address) and your password.',
    seConnecter: 'Log in',
  },
});

/** The first page: what the site is, and the way in. Loaded with the app: keep it light. */
export default function Accueil() {
  const site = useSite();
  const session = useSession();
  const t = useTextes(TEXTES);
  return (
    <Page titre={t.titre(site.nom)}>
      <p className="lead">{t.introduction}</p>
      <Row className="g-4 mt-2">
        <Col md={6}>
          <h2 className="h4">{t.premiereVisite}</h2>
          <p>{t.creation}</p>
          <Link className="btn btn-primary" to="/comptes/creation">
            {t.creer}
          </Link>
        </Col>
        <Col md={6}>
          <h2 className="h4">{t.dejaCompte}</h2>
          {session ? (
            <Link className="btn btn-primary" to="/mon-espace">
              {t.allerEspace}
            </Link>
          ) : (
            <>
              <p>{t.connexion}</p>
              <Link className="btn btn-primary" to="/connexion">
                {t.seConnecter}
              </Link>
            </>
          )}
        </Col>
      </Row>
    </Page>
  );
}
