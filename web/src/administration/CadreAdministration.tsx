import Alert from 'react-bootstrap/Alert';
import Nav from 'react-bootstrap/Nav';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Page } from '../commun/Page';
import { useSession } from '../commun/session';
import { ECRANS_ADMINISTRATION, ecransPermis } from './acces';

/**
 * The administration's pages: the menu of the screens the caller's roles allow, then the page. A screen the roles do
 * not allow (an address typed, a bookmark) says so instead of showing a page whose every call would answer 403.
 */
export default function CadreAdministration() {
  const roles = useSession()?.me.roles ?? [];
  const chemin = useLocation().pathname;
  const permis = ecransPermis(roles);
  const ecran = ECRANS_ADMINISTRATION.find((e) => chemin === e.chemin || chemin.startsWith(`${e.chemin}/`));
  return (
    <>
      <Nav as="nav" variant="underline" aria-label="Administration" className="mb-4 flex-wrap">
        <Nav.Item>
          <Nav.Link as={NavLink} to="/gestion/administration" end>
            Administration
          </Nav.Link>
        </Nav.Item>
        {permis.map((e) => (
          <Nav.Item key={e.chemin}>
            <Nav.Link as={NavLink} to={e.chemin}>
              {e.titre}
            </Nav.Link>
          </Nav.Item>
        ))}
      </Nav>
      {ecran && !permis.includes(ecran) ? (
        <Page titre={ecran.titre}>
          <Alert variant="warning">Cet écran est réservé {ecran.roles.includes('scol-centrale') ? 'à la scolarité centrale et à l’administration' : 'aux administrateurs'}.</Alert>
        </Page>
      ) : (
        <Outlet />
      )}
    </>
  );
}
