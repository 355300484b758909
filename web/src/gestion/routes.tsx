import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequiertPersonnel } from './RequiertPersonnel';

const ConnexionGestion = lazy(() => import('./ConnexionGestion'));
const ListeCandidatures = lazy(() => import('./ListeCandidatures'));
const FicheCandidature = lazy(() => import('./FicheCandidature'));
const Statistiques = lazy(() => import('./statistiques/Statistiques'));
const RechercheCandidats = lazy(() => import('./recherche/RechercheCandidats'));
const Etiquettes = lazy(() => import('./etiquettes/Etiquettes'));
const Proposition = lazy(() => import('./pour-candidat/Proposition'));

/** The gestionnaire's desk: its own chunks, never loaded by a candidate's pages. */
export const routesGestion: RouteObject[] = [
  { path: 'gestion/connexion', element: <ConnexionGestion /> },
  {
    element: <RequiertPersonnel />,
    children: [
      { path: 'gestion', element: <ListeCandidatures /> },
      { path: 'gestion/candidatures/:id', element: <FicheCandidature /> },
      { path: 'gestion/statistiques', element: <Statistiques /> },
      { path: 'gestion/recherche', element: <RechercheCandidats /> },
      { path: 'gestion/etiquettes', element: <Etiquettes /> },
      { path: 'gestion/proposition', element: <Proposition /> },
    ],
  },
];
