import { Suspense } from 'react';
import Container from 'react-bootstrap/Container';
import Spinner from 'react-bootstrap/Spinner';
import { Link, Outlet } from 'react-router';
import { useSession } from './session';
import { useSite } from './site';

/** Every page: the skip link, the institution's header, the main region (the page itself), the footer. */
export function Gabarit() {
  const site = useSite();
  const session = useSession();
  return (
    <>
      <a href="#contenu" className="lien-evitement">
        Aller au contenu
      </a>
      <header className="entete-site mb-4">
        <Container className="d-flex flex-wrap align-items-center justify-content-between py-2 gap-2">
          <Link to="/" className="navbar-brand d-flex align-items-center gap-2 text-decoration-none fs-5">
            {site.logoUrl && <img src={site.logoUrl} alt="" className="logo-site" />}
            <span>{site.nom} · Candidatures</span>
          </Link>
          <nav aria-label="Compte">
            <ul className="nav">
              <li className="nav-item">
                <Link className="nav-link" to="/offre">
                  Offre de formation
                </Link>
              </li>
              {session ? (
                <>
                  <li className="nav-item">
                    <Link className="nav-link" to={session.me.kind === 'staff' ? '/gestion' : '/mon-espace'}>
                      {session.me.kind === 'staff' ? 'Candidatures à traiter' : 'Mon espace'} ({session.me.prenom} {session.me.nom})
                    </Link>
                  </li>
                  <li className="nav-item">
                    <Link className="nav-link" to="/deconnexion">
                      Se déconnecter
                    </Link>
                  </li>
                </>
              ) : (
                <>
                  <li className="nav-item">
                    <Link className="nav-link" to="/connexion">
                      Se connecter
                    </Link>
                  </li>
                  <li className="nav-item">
                    <Link className="nav-link" to="/comptes/creation">
                      Créer un compte
                    </Link>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </Container>
      </header>
      <Container as="main" id="contenu" tabIndex={-1}>
        <Suspense fallback={<Chargement />}>
          <Outlet />
        </Suspense>
      </Container>
      <footer className="border-top mt-5 py-3">
        <Container className="small text-body-secondary">
          {site.nom} · plateforme de candidature · <a href="/api/docs">API</a> · <Link to="/gestion">Espace des gestionnaires</Link>
        </Container>
      </footer>
    </>
  );
}

export function Chargement() {
  return (
    <div role="status" className="d-flex align-items-center gap-2">
      <Spinner animation="border" size="sm" aria-hidden="true" />
      <span>Chargement…</span>
    </div>
  );
}
