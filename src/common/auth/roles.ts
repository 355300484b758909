/** Who may do what; scopes (centres, commissions) come with the offer. */
export enum Role {
  CANDIDAT = 'candidat',
  GESTIONNAIRE = 'gestionnaire',
  COMMISSION = 'commission',
  SCOL_CENTRALE = 'scol-centrale',
  ADMIN = 'admin',
}

export const STAFF_ROLES = [Role.GESTIONNAIRE, Role.COMMISSION, Role.SCOL_CENTRALE, Role.ADMIN] as const;

/** The authenticated caller, attached to the request by the AuthGuard. */
export interface Principal {
  kind: 'staff';
  id: number;
  login: string;
  roles: Role[];
  sessionId: number;
}
