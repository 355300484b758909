import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequiertPersonnel } from '../gestion/RequiertPersonnel';

const CadreAdministration = lazy(() => import('./CadreAdministration'));
const Administration = lazy(() => import('./Administration'));
const ListePersonnel = lazy(() => import('./ListePersonnel'));
const FichePersonnel = lazy(() => import('./FichePersonnel'));
const Decisions = lazy(() => import('./Decisions'));
const ModelesMail = lazy(() => import('./ModelesMail'));
const ModeleMail = lazy(() => import('./ModeleMail'));
const Lettres = lazy(() => import('./Lettres'));
const Campagnes = lazy(() => import('./Campagnes'));
const Maintenance = lazy(() => import('./Maintenance'));
const Jobs = lazy(() => import('./Jobs'));
const Job = lazy(() => import('./Job'));

/**
 * The administration's screens (administrators, scolarité centrale): chunks of their own, never loaded by a
 * candidate's pages. Under /gestion, so the desk's login brings staff back to them; each screen checks the caller's
 * roles (CadreAdministration, acces.ts).
 */
export const routesAdministration: RouteObject[] = [
  {
    element: <RequiertPersonnel />,
    children: [
      {
        element: <CadreAdministration />,
        children: [
          { path: 'gestion/administration', element: <Administration /> },
          { path: 'gestion/personnel', element: <ListePersonnel /> },
          { path: 'gestion/personnel/nouveau', element: <FichePersonnel /> },
          { path: 'gestion/personnel/:id', element: <FichePersonnel /> },
          { path: 'gestion/decisions', element: <Decisions /> },
          { path: 'gestion/modeles-mail', element: <ModelesMail /> },
          { path: 'gestion/modeles-mail/:code/:langue', element: <ModeleMail /> },
          { path: 'gestion/lettres', element: <Lettres /> },
          { path: 'gestion/campagnes', element: <Campagnes /> },
          { path: 'gestion/maintenance', element: <Maintenance /> },
          { path: 'gestion/jobs', element: <Jobs /> },
          { path: 'gestion/jobs/:name', element: <Job /> },
        ],
      },
    ],
  },
];
