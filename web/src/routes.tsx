import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import Accueil from './accueil/Accueil';
import { routesAdministration } from './administration/routes';
import { routesCandidat } from './candidat/routes';
import { routesCandidatures } from './candidatures/routes';
import { Gabarit } from './commun/Gabarit';
import { routesComptes } from './comptes/routes';
import { routesDossier } from './dossier/routes';
import { routesGestion } from './gestion/routes';
import { routesOffre } from './offre/routes';

const PageIntrouvable = lazy(() => import('./commun/PageIntrouvable'));

/** Every page: each feature folder exports its routes (`routesXxx`), added here. */
export const routes: RouteObject[] = [
  {
    element: <Gabarit />,
    children: [
      { index: true, element: <Accueil /> },
      ...routesComptes,
      ...routesCandidat,
      ...routesDossier,
      ...routesOffre,
      ...routesCandidatures,
      ...routesGestion,
      ...routesAdministration,
      { path: '*', element: <PageIntrouvable /> },
    ],
  },
];
