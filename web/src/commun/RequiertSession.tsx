import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './session';

/** Pages that need a candidate's session: without one (or after a 401), the login page, then back here. */
export function RequiertSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={`/connexion?retour=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}
