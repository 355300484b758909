import type { Schemas } from '@client';

type Role = Schemas['Role'];

/** A screen of the administration: where it is, what it does, and the roles the API lets use it (its routes' @Roles). */
export interface EcranAdministration {
  chemin: string;
  titre: string;
  description: string;
  roles: readonly Role[];
}

const INSTITUTION: readonly Role[] = ['admin', 'scol-centrale'];
const ADMIN: readonly Role[] = ['admin'];

/**
 * The administration's screens, in menu order. Kept with the roles of the API routes they call (the roles matrix of
 * test/auth.e2e-spec.ts): a staff member is offered only the screens whose routes would answer them.
 */
export const ECRANS_ADMINISTRATION: readonly EcranAdministration[] = [
  { chemin: '/gestion/personnel', titre: 'Personnel', description: 'Comptes du personnel, rôles, centres des gestionnaires, membres des commissions.', roles: INSTITUTION },
  { chemin: '/gestion/decisions', titre: 'Décisions', description: 'Types de décision (« Avis favorable sous réserve »…) et motifs de refus.', roles: INSTITUTION },
  { chemin: '/gestion/modeles-mail', titre: 'Textes des mails', description: 'Sujet et texte de chaque mail, en français et en anglais : aperçu, envoi d’essai, retour au texte livré.', roles: INSTITUTION },
  // Its commission settings and preview also answer gestionnaires (for their centres); the institution's block does not.
  {
    chemin: '/gestion/lettres',
    titre: 'Lettres',
    description: 'Lettres d’admission et de refus : nom, adresse, logo et signataire de l’établissement, texte par type de diplôme, réglages d’une commission, aperçu.',
    roles: INSTITUTION,
  },
  { chemin: '/gestion/campagnes', titre: 'Campagnes', description: 'Fin de connexion des candidats, création de comptes hors CAS.', roles: INSTITUTION },
  { chemin: '/gestion/maintenance', titre: 'Maintenance', description: 'Fermer la plateforme aux candidats, avec un message et une heure de retour.', roles: ADMIN },
  { chemin: '/gestion/jobs', titre: 'Tâches planifiées', description: 'Suspendre, reprogrammer ou lancer une tâche, consulter ses exécutions.', roles: ADMIN },
];

/** The screens these roles may use. */
export function ecransPermis(roles: readonly Role[]): EcranAdministration[] {
  return ECRANS_ADMINISTRATION.filter((e) => e.roles.some((r) => roles.includes(r)));
}

/** A candidate's RGPD export and erasure (GET /api/candidats/{n}/donnees, POST …/effacement): the institution only. */
export function peutEffacerCandidats(roles: readonly Role[]): boolean {
  return INSTITUTION.some((r) => roles.includes(r));
}
