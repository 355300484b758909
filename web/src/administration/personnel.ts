import type { Schemas } from '@client';

export type RolePersonnel = Schemas['RolePersonnel'];

/** The staff roles as the desk names them. */
export const ROLES: Record<RolePersonnel, string> = {
  gestionnaire: 'Gestionnaire',
  commission: 'Membre de commission',
  'scol-centrale': 'Scolarité centrale',
  admin: 'Administrateur',
};

/** What scolarité centrale may grant (regles-personnel.ts, ROLES_DELEGUES); an administrator grants every role. */
export function rolesAttribuables(roles: readonly Schemas['Role'][]): RolePersonnel[] {
  return roles.includes('admin') ? ['gestionnaire', 'commission', 'scol-centrale', 'admin'] : ['gestionnaire', 'commission'];
}

const OPERATIONS: Record<Schemas['OperationHabilitation'], string> = { attribution: 'Attribution', retrait: 'Retrait' };
const NATURES: Record<Schemas['NatureHabilitation'], string> = {
  compte: 'compte',
  role: 'rôle',
  centre: 'centre entier',
  'commission-geree': 'commission gérée',
  commission: 'membre de commission',
  presidence: 'présidence de commission',
};

/** One line of an account's history: « Attribution · rôle gestionnaire ». */
export function habilitationLisible(h: Schemas['HabilitationDto']): string {
  return `${OPERATIONS[h.operation]} · ${NATURES[h.nature]}${h.code ? ` ${h.nature === 'role' && h.code in ROLES ? ROLES[h.code as RolePersonnel] : h.code}` : ''}`;
}
