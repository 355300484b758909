import { Referentiel1763800000000 } from './1763800000000-referentiel';

/** Every migration, in order; listed explicitly so the app, the CLI and jest load the same set. */
export const MIGRATIONS = [Referentiel1763800000000];
