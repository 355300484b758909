import { Suspense, useEffect } from 'react';
import Container from 'react-bootstrap/Container';
import Spinner from 'react-bootstrap/Spinner';
import { Link, Outlet, useLocation } from 'react-router';
import { ecransPermis } from '../administration/acces';
import { langue, useLangue, useTextes, type Langue } from './langue';
import { useSession } from './session';
import { useSite } from './site';
import { TEXTES_COMMUNS } from './textes';

/** Every page: the skip link, the institution's header, the main region (the page itself), the footer. */
export function Gabarit() {
  const site = useSite();
  const session = useSession();
  const courante = useLangue();
  const t = useTextes(TEXTES_COMMUNS);
  const gestion = useLocation().pathname.startsWith('/gestion');
  useEffect(() => {
    document.documentElement.lang = courante;
  }, [courante]);
  return (
    <>
      <a href="#contenu" className="lien-evitement">
        {t.evitement}
      </a>
      <header className="entete-site mb-4">
        <Container className="d-flex flex-wrap align-items-center justify-content-between py-2 gap-2">
          <Link to="/" className="navbar-brand d-flex align-items-center gap-2 text-decoration-none fs-5">
            {site.logoUrl && <img src={site.logoUrl} alt="" className="logo-site" />}
            <span>
              {site.nom} · {t.plateforme}
            </span>
          </Link>
          <nav aria-label={t.navigationCompte} className="d-flex flex-wrap align-items-center gap-2">
            <ul className="nav">
              <li className="nav-item">
                <Link className="nav-link" to="/offre">
                  {t.offre}
                </Link>
              </li>
              {session ? (
                <>
                  <li className="nav-item">
                    <Link className="nav-link" to={session.me.kind === 'staff' ? '/gestion' : '/mon-espace'}>
                      {session.me.kind === 'staff' ? t.aTraiter : t.monEspace} ({session.me.prenom} {session.me.nom})
                    </Link>
                  </li>
                  {session.me.kind === 'staff' && ecransPermis(session.me.roles).length > 0 && (
                    <li className="nav-item">
                      <Link className="nav-link" to="/gestion/administration">
                        Administration
                      </Link>
                    </li>
                  )}
                  {session.me.kind === 'candidat' && (
                    <li className="nav-item">
                      <Link className="nav-link" to="/mon-compte">
                        {t.monCompte}
                      </Link>
                    </li>
                  )}
                  <li className="nav-item">
                    <Link className="nav-link" to="/deconnexion">
                      {t.seDeconnecter}
                    </Link>
                  </li>
                </>
              ) : (
                <>
                  <li className="nav-item">
                    <Link className="nav-link" to="/connexion">
                      {t.seConnecter}
                    </Link>
                  </li>
                  <li className="nav-item">
                    <Link className="nav-link" to="/comptes/creation">
                      {t.creerCompte}
                    </Link>
                  </li>
                </>
              )}
            </ul>
            {!gestion && <ChoixLangue courante={courante} libelle={t.choixLangue} />}
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
          {site.nom} · {t.piedDePage} · <a href="/api/docs">API</a> · <Link to="/gestion">{t.espaceGestionnaires}</Link>
        </Container>
      </footer>
    </>
  );
}

const LANGUES: { code: Langue; abrege: string; nom: string }[] = [
  { code: 'fr', abrege: 'FR', nom: 'Français' },
  { code: 'en', abrege: 'EN', nom: 'English' },
];

/** FR | EN: the pages' language (kept in this browser); each button also says its language's name, in it; pressed when chosen. */
function ChoixLangue({ courante, libelle }: { courante: Langue; libelle: string }) {
  return (
    <div role="group" aria-label={libelle} className="btn-group btn-group-sm">
      {LANGUES.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          aria-pressed={courante === l.code}
          className={`btn ${courante === l.code ? 'btn-light' : 'btn-outline-light'}`}
          onClick={() => langue.choisir(l.code)}
        >
          {l.abrege}
          <span className="visually-hidden"> · {l.nom}</span>
        </button>
      ))}
    </div>
  );
}

export function Chargement() {
  const t = useTextes(TEXTES_COMMUNS);
  return (
    <div role="status" className="d-flex align-items-center gap-2">
      <Spinner animation="border" size="sm" aria-hidden="true" />
      <span>{t.chargement}</span>
    </div>
  );
}
