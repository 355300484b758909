import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequiertSession } from '../commun/RequiertSession';

const Recapitulatif = lazy(() => import('./Recapitulatif'));

/** A candidature's récapitulatif (the list is « Mon espace », src/candidat/). */
export const routesCandidatures: RouteObject[] = [{ element: <RequiertSession />, children: [{ path: 'mes-candidatures/:id', element: <Recapitulatif /> }] }];
