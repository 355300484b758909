/** Who may do what; scopes (centres, commissions) come with the offer. */
export enum Role {
  CANDIDAT = 'candidat',
  GESTIONNAIRE = 'gestionnaire',
  COMMISSION = 'commission',
  SCOL_CENTRALE = 'scol-centrale',
  ADMIN = 'admin',
}

/** The authenticated caller, attached to the request by the AuthGuard. */
export interface Principal {
  /** A member of staff (`utilisateur`) or a candidate (`compte_candidat`) */
  kind: 'staff' | 'candidat';
  id: number;
  /** Staff login, or the candidate's numéro de dossier */
  login: string;
  roles: Role[];
  sessionId: number;
}
