/** Who may do what; gestionnaires and commission members act within their scopes. */
export enum Role {
  CANDIDAT = 'candidat',
  GESTIONNAIRE = 'gestionnaire',
  COMMISSION = 'commission',
  SCOL_CENTRALE = 'scol-centrale',
  ADMIN = 'admin',
}

export enum TypePerimetre {
  /** A whole centre de candidature, for a gestionnaire */
  CENTRE = 'centre',
  /** A commission a member sits on */
  COMMISSION = 'commission',
  /** A commission a gestionnaire manages without the rest of its centre */
  COMMISSION_GEREE = 'commission-geree',
}

/** Codes of the centres de candidature (gestionnaire) and commissions (gestionnaire or member) a member of staff works on. */
export interface Scopes {
  centres: string[];
  /** Commissions a gestionnaire manages without the rest of their centre */
  commissionsGerees: string[];
  commissions: string[];
}

export const NO_SCOPES: Scopes = { centres: [], commissionsGerees: [], commissions: [] };

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
