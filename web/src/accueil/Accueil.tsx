import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link } from 'react-router';
import { Page } from '../commun/Page';
import { useSession } from '../commun/session';
import { useSite } from '../commun/site';

/** The first page: what the site is, and the way in. Loaded with the app: keep it light. */
export default function Accueil() {
  const site = useSite();
  const session = useSession();
  return (
    <Page titre={`Candidater à ${site.nom}`}>
      <p className="lead">
        Déposez ici vos candidatures aux formations sélectives de l’établissement (licences professionnelles, masters,
        diplômes d’université), suivez leur instruction et répondez aux décisions.
      </p>
      <Row className="g-4 mt-2">
        <Col md={6}>
          <h2 className="h4">Première visite</h2>
          <p>Créez votre compte avec votre adresse e-mail : un mail vous permettra de l’activer et vous donnera votre numéro de dossier.</p>
          <Link className="btn btn-primary" to="/comptes/creation">
            Créer un compte
          </Link>
        </Col>
        <Col md={6}>
          <h2 className="h4">Déjà un compte</h2>
          {session ? (
            <Link className="btn btn-primary" to="/mon-espace">
              Aller à mon espace
            </Link>
          ) : (
            <>
              <p>Connectez-vous avec votre numéro de dossier (ou votre adresse e-mail) et votre mot de passe.</p>
              <Link className="btn btn-primary" to="/connexion">
                Se connecter
              </Link>
            </>
          )}
        </Col>
      </Row>
    </Page>
  );
}
