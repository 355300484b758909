import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequiertSession } from '../commun/RequiertSession';

const MonEspace = lazy(() => import('./MonEspace'));
const SuiviCandidatures = lazy(() => import('./SuiviCandidatures'));

/** The candidate's pages: public ones, then those behind the session. */
export const routesCandidat: RouteObject[] = [
  { path: 'candidatures/:numeroDossier', element: <SuiviCandidatures /> },
  { element: <RequiertSession />, children: [{ path: 'mon-espace', element: <MonEspace /> }] },
];
