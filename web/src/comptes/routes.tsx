import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const page = (charger: () => Promise<{ default: React.ComponentType }>) => {
  const Composant = lazy(charger);
  return <Composant />;
};
const nommee = <K extends string>(charger: () => Promise<Record<K, React.ComponentType>>, nom: K) => page(() => charger().then((m) => ({ default: m[nom] })));

/** The account pages (every page a mail links to is one of FRONT_END_PAGES, src/common/front-end/front-end-pages.ts). */
export const routesComptes: RouteObject[] = [
  { path: 'connexion', element: page(() => import('./Connexion')) },
  { path: 'connexion/cas', element: page(() => import('./ConnexionCas')) },
  { path: 'deconnexion', element: page(() => import('./Deconnexion')) },
  { path: 'comptes/creation', element: page(() => import('./CreationCompte')) },
  { path: 'comptes/activation', element: page(() => import('./Activation')) },
  { path: 'comptes/activation/renvoi', element: nommee(() => import('./DemandeParEmail'), 'RenvoiActivation') },
  { path: 'comptes/identifiants-oublies', element: nommee(() => import('./DemandeParEmail'), 'IdentifiantsOublies') },
  { path: 'comptes/mot-de-passe', element: page(() => import('./MotDePasse')) },
  { path: 'comptes/email', element: page(() => import('./ValidationEmail')) },
  // The candidate's own account; it sends to the login page itself when no session is open.
  { path: 'mon-compte', element: page(() => import('./MonCompte')) },
];
