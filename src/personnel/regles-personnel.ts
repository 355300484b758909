import { Principal, Role } from '../common/auth/roles';
import { FieldError } from '../common/errors/domain-errors';
import { NatureHabilitation, OperationHabilitation } from './entities/journal-habilitation.entity';

/** The roles a staff account may hold (a candidate is a `compte_candidat`, never a `utilisateur`). */
export const ROLES_PERSONNEL = [Role.GESTIONNAIRE, Role.COMMISSION, Role.SCOL_CENTRALE, Role.ADMIN] as const;

/** What scolarité centrale may grant and manage: the accounts of gestionnaires and commission members, nothing above. */
export const ROLES_DELEGUES: readonly Role[] = [Role.GESTIONNAIRE, Role.COMMISSION];

/** What an account holds: its roles and its scopes, as the API shows and takes them. */
export interface Habilitations {
  actif: boolean;
  roles: Role[];
  /** A gestionnaire's centres: the whole centre (`commissions` null) or chosen commissions of it */
  centres: { code: string; commissions: string[] | null }[];
  /** A member's commissions */
  commissions: { code: string; president: boolean }[];
}

export interface Ecart {
  operation: OperationHabilitation;
  nature: NatureHabilitation;
  code: string | null;
}

/**
 * Why `auteur` may not manage an account holding `rolesActuels` (none for a new one) to give it `rolesDemandes`; null
 * when they may. Admin manages every account; scolarité centrale only gestionnaires and commission members.
 */
export function refusGestion(auteur: Pick<Principal, 'roles'>, rolesActuels: Role[], rolesDemandes: Role[]): string | null {
  if (auteur.roles.includes(Role.ADMIN)) return null;
  if (!auteur.roles.includes(Role.SCOL_CENTRALE)) return "Seules l'administration et la scolarité centrale gèrent les comptes du personnel.";
  if (!rolesActuels.every((r) => ROLES_DELEGUES.includes(r))) {
    return "Ce compte est celui d'un administrateur ou de la scolarité centrale : seul un administrateur peut le modifier.";
  }
  if (!rolesDemandes.every((r) => ROLES_DELEGUES.includes(r))) {
    return 'La scolarité centrale attribue les rôles gestionnaire et commission ; les rôles scol-centrale et admin sont attribués par un administrateur.';
  }
  return null;
}

/** What the scopes asked for say against the roles asked for, field by field (a scope without its role is a mistake). */
export function erreursHabilitations(h: Pick<Habilitations, 'roles' | 'centres' | 'commissions'>): FieldError[] {
  const errors: FieldError[] = [];
  if (h.centres.length > 0 && !h.roles.includes(Role.GESTIONNAIRE)) {
    errors.push({ field: 'centres', message: 'ne vaut que pour un gestionnaire : ajoutez le rôle gestionnaire, ou retirez les centres' });
  }
  if (h.commissions.length > 0 && !h.roles.includes(Role.COMMISSION)) {
    errors.push({ field: 'commissions', message: 'ne vaut que pour un membre de commission : ajoutez le rôle commission, ou retirez les commissions' });
  }
  const centres = h.centres.map((c) => c.code);
  const doublonCentre = centres.find((code, i) => centres.indexOf(code) !== i);
  if (doublonCentre) errors.push({ field: 'centres', message: `cite deux fois le centre ${doublonCentre}` });
  const gerees = h.centres.flatMap((c) => c.commissions ?? []);
  const doublonGeree = gerees.find((code, i) => gerees.indexOf(code) !== i);
  if (doublonGeree) errors.push({ field: 'centres', message: `cite deux fois la commission ${doublonGeree}` });
  h.centres.forEach((c, i) => {
    if (c.commissions?.length === 0) errors.push({ field: `centres.${i}.commissions`, message: 'ne doit pas être vide : omettez-la pour tout le centre' });
  });
  const commissions = h.commissions.map((c) => c.code);
  const doublon = commissions.find((code, i) => commissions.indexOf(code) !== i);
  if (doublon) errors.push({ field: 'commissions', message: `cite deux fois la commission ${doublon}` });
  return errors;
}

/** The grants and revocations from one state of an account to the next, in the order they are recorded. */
export function ecarts(avant: Habilitations | null, apres: Habilitations): Ecart[] {
  const out: Ecart[] = [];
  const push = (operation: OperationHabilitation, nature: NatureHabilitation, codes: (string | null)[]) => {
    for (const code of codes) out.push({ operation, nature, code });
  };
  const diff = (nature: NatureHabilitation, a: string[], b: string[]) => {
    push(OperationHabilitation.RETRAIT, nature, a.filter((x) => !b.includes(x)));
    push(OperationHabilitation.ATTRIBUTION, nature, b.filter((x) => !a.includes(x)));
  };
  const etat = (h: Habilitations | null) => ({
    roles: (h?.roles ?? []) as string[],
    centres: (h?.centres ?? []).filter((c) => c.commissions === null).map((c) => c.code),
    gerees: (h?.centres ?? []).flatMap((c) => c.commissions ?? []),
    commissions: (h?.commissions ?? []).map((c) => c.code),
    presidences: (h?.commissions ?? []).filter((c) => c.president).map((c) => c.code),
  });
  const a = etat(avant);
  const b = etat(apres);
  if (!avant || avant.actif !== apres.actif) push(apres.actif ? OperationHabilitation.ATTRIBUTION : OperationHabilitation.RETRAIT, NatureHabilitation.COMPTE, [null]);
  diff(NatureHabilitation.ROLE, a.roles, b.roles);
  diff(NatureHabilitation.CENTRE, a.centres, b.centres);
  diff(NatureHabilitation.COMMISSION_GEREE, a.gerees, b.gerees);
  diff(NatureHabilitation.COMMISSION, a.commissions, b.commissions);
  diff(NatureHabilitation.PRESIDENCE, a.presidences, b.presidences);
  return out;
}
