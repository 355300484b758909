import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequiertSession } from '../commun/RequiertSession';

const MonDossier = lazy(() => import('./MonDossier'));

/** The candidate's file, behind the session. */
export const routesDossier: RouteObject[] = [{ element: <RequiertSession />, children: [{ path: 'mon-dossier', element: <MonDossier /> }] }];
