/** Who may do what; gestionnaires and commission members act within their scopes. */
export enum Role {
  CANDIDAT = 'candidat',
  GESTIONNAIRE = 'gestionnaire',
  COMMISSION = 'commission',
  SCOL_CENTRALE = 'scol-centrale',
  ADMIN = 'admin',
}

export enum TypePerimetre {
  CENTRE = 'centre',
  COMMISSION = 'commission',
}

/** Codes of the centres de candidature (gestionnaire) and commissions (member) a member of staff works on. */
export interface Scopes {
  centres: string[];
  commissions: string[];
}

export const NO_SCOPES: Scopes = { centres: [], commissions: [] };

/** The authenticated caller, attached to the request by the AuthGuard. */
export interface Principal {
  /** A member of staff (`utilisateur`) or a candidate (`compte_candidat`) */
  kind: 'staff' | 'candidat';
  id: number;
  /** Staff login, or the candidate's numéro de dossier */
  login: string;
  roles: Role[];
  /** Empty for candidates and for institution-wide roles (scol-centrale, admin), which see everything */
  scopes: Scopes;
  sessionId: number;
}
