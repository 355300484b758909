import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const Offre = lazy(() => import('./Offre'));
const Formation = lazy(() => import('./Formation'));

/** The public offer: the tree (centre → type de diplôme → formation) with its filters, and a formation's page. */
export const routesOffre: RouteObject[] = [
  { path: 'offre', element: <Offre /> },
  { path: 'offre/formations/:id', element: <Formation /> },
];
