import Card from 'react-bootstrap/Card';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link } from 'react-router';
import { Page } from '../commun/Page';
import { useSession } from '../commun/session';
import { ecransPermis } from './acces';

/** The administration's home: the screens the caller's roles allow, each with what it does. */
export default function Administration() {
  const permis = ecransPermis(useSession()?.me.roles ?? []);
  return (
    <Page titre="Administration">
      {permis.length === 0 ? (
        <p>Votre rôle ne donne accès à aucun écran d’administration : voyez la scolarité centrale pour vos habilitations.</p>
      ) : (
        <Row as="ul" xs={1} md={2} lg={3} className="list-unstyled g-3">
          {permis.map((e) => (
            <Col as="li" key={e.chemin}>
              <Card className="h-100">
                <Card.Body>
                  <h2 className="h5">
                    <Link to={e.chemin}>{e.titre}</Link>
                  </h2>
                  <p className="mb-0">{e.description}</p>
                </Card.Body>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Page>
  );
}
