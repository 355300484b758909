import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../commun/session';

/** The desk's pages: a staff session, else the staff login page, then back here. */
export function RequiertPersonnel() {
  const session = useSession();
  const location = useLocation();
  if (session?.me.kind !== 'staff') return <Navigate to={`/gestion/connexion?retour=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}
