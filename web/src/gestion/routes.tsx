import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequiertPersonnel } from './RequiertPersonnel';

const ConnexionGestion = lazy(() => import('./ConnexionGestion'));
const ListeCandidatures = lazy(() => import('./ListeCandidatures'));
const FicheCandidature = lazy(() => import('./FicheCandidature'));

/** The gestionnaire's desk: its own chunks, never loaded by a candidate's pages. */
export const routesGestion: RouteObject[] = [
  { path: 'gestion/connexion', element: <ConnexionGestion /> },
  {
    element: <RequiertPersonnel />,
    children: [
      { path: 'gestion', element: <ListeCandidatures /> },
      { path: 'gestion/candidatures/:id', element: <FicheCandidature /> },
    ],
  },
];
