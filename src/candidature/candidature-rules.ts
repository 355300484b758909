import { formatDate } from '../common/clock/clock';
import { Formation, TypeTraitement } from '../offre/entities/formation.entity';

import { StatutDossier } from './entities/candidature.entity';

export const STATUT_DOSSIER_LIBELLES: Record<StatutDossier, string> = {
  [StatutDossier.AT]: 'En attente',
  [StatutDossier.RE]: 'Réceptionné',
  [StatutDossier.IN]: 'Incomplet',
  [StatutDossier.CO]: 'Complet',
};

export const TYPE_TRAITEMENT_LIBELLES: Record<TypeTraitement, string> = {
  [TypeTraitement.AC]: 'Accès contrôlé',
  [TypeTraitement.AD]: 'Accès direct',
  [TypeTraitement.AT]: 'En attente',
};

/** A formation's dates, as a candidature sees them (and as archiving copies them) */
export const DATES_FORMATION = [
  'dateDebutCandidature',
  'dateFinCandidature',
  'dateRetour',
  'dateAnalyse',
  'dateJury',
  'datePublication',
  'dateConfirmation',
  'delaiConfirmation',
] as const satisfies readonly (keyof Formation)[];

export type DatesFormation = Pick<Formation, (typeof DATES_FORMATION)[number]>;

/** The dates of a formation, and nothing else of it. */
export function datesFormation(f: DatesFormation): DatesFormation {
  return Object.fromEntries(DATES_FORMATION.map((k) => [k, f[k]])) as DatesFormation;
}

/** The guide's words, kept as candidates know them. */
export const HORS_PERIODE = 'Vous ne pouvez pas candidater à cette formation, vous êtes en dehors de la période de dépôt des vœux.';

type Fenetre = { dateDebutCandidature: string; dateFinCandidature: string };

/** Today (YYYY-MM-DD, Europe/Paris) is inside the formation's application window, both ends included. */
export function dansLaFenetre(formation: Fenetre, today: string): boolean {
  return formation.dateDebutCandidature <= today && today <= formation.dateFinCandidature;
}

/**
 * A new candidature's type de traitement: the formation's, except that accès direct waits for staff to validate it
 * (it gives a favourable decision); accès contrôlé needs no validation.
 */
export function typeTraitementInitial(formation: TypeTraitement): { typeTraitement: TypeTraitement; typeTraitementValide: boolean } {
  if (formation === TypeTraitement.AD) return { typeTraitement: TypeTraitement.AT, typeTraitementValide: false };
  return { typeTraitement: formation, typeTraitementValide: formation === TypeTraitement.AC };
}

export interface Action {
  possible: boolean;
  /** Why not, in French, when it is not possible */
  raison: string | null;
}

export interface EtatCandidature {
  statutDossier: StatutDossier;
  annulee: boolean;
  archivee: boolean;
  /** An avis exists (validated or not) */
  avis: boolean;
  demat: boolean;
  dateRetour: string;
  /** Libellés of the pièces still to provide (missing or refused) */
  piecesManquantes: string[];
  /** The decision the candidate sees is favourable */
  favorable: boolean;
  /** Confirmed (true), withdrawn (false), or not answered */
  acceptee: boolean | null;
  /** Until when a favourable decision may be answered (YYYY-MM-DD); null: no deadline known */
  limiteConfirmation: string | null;
}

export interface Actions {
  annuler: Action;
  deposerPieces: Action;
  transmettre: Action;
  telechargerDossier: Action;
  /** « Confirmer » a favourable decision: gives the OPI code */
  confirmer: Action;
  /** « Se désister » of a favourable decision, confirmed or not */
  desister: Action;
}

const oui: Action = { possible: true, raison: null };
const non = (raison: string): Action => ({ possible: false, raison });

/**
 * What the candidate may do now with a candidature, and why not (reference §2.4, §2.8, §2.10): the one place these
 * rules live; the service refuses an action exactly when this says it is not possible.
 */
export function actionsPossibles(c: EtatCandidature, today: string): Actions {
  const fige = c.annulee ? 'Cette candidature est annulée.' : c.archivee ? 'Cette candidature appartient à une campagne archivée.' : null;
  if (fige) return { annuler: non(fige), deposerPieces: non(fige), transmettre: non(fige), telechargerDossier: c.annulee ? non(fige) : oui, confirmer: non(fige), desister: non(fige) };

  const annuler =
    c.statutDossier !== StatutDossier.AT
      ? non(`Une candidature ne peut plus être annulée une fois son dossier ${STATUT_DOSSIER_LIBELLES[c.statutDossier].toLowerCase()}.`)
      : c.avis
        ? non('Une candidature ne peut plus être annulée une fois que la commission a donné un avis.')
        : oui;

  const ouverte = c.statutDossier === StatutDossier.AT || c.statutDossier === StatutDossier.IN;
  const deposerPieces = !c.demat
    ? non("Cette formation demande un dossier papier : téléchargez votre dossier, imprimez-le et envoyez-le avec les pièces à l'adresse de la commission.")
    : !ouverte
      ? non('Votre candidature a été transmise : les pièces justificatives ne sont plus modifiables.')
      : today > c.dateRetour
        ? non(`La date limite de retour (${formatDate(c.dateRetour)}) est passée.`)
        : oui;

  const transmettre = !deposerPieces.possible
    ? deposerPieces
    : c.piecesManquantes.length > 0
      ? non(`Il manque ${c.piecesManquantes.length === 1 ? 'une pièce justificative' : `${c.piecesManquantes.length} pièces justificatives`} : ${c.piecesManquantes.join(', ')}.`)
      : oui;

  const repondre = !c.favorable
    ? non("Vous ne pouvez répondre qu'à un avis favorable.")
    : c.acceptee === false
      ? non('Vous vous êtes désisté(e) de cette formation : c’est définitif.')
      : c.limiteConfirmation !== null && today > c.limiteConfirmation
        ? non(`La date limite de confirmation (${formatDate(c.limiteConfirmation)}) est passée.`)
        : oui;
  const confirmer = repondre.possible && c.acceptee === true ? non('Vous avez déjà confirmé cette candidature.') : repondre;

  return { annuler, deposerPieces, transmettre, telechargerDossier: oui, confirmer, desister: repondre };
}
