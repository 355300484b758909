import { formatDate } from '../common/clock/clock';
import { BusinessRule, FieldError } from '../common/errors/domain-errors';
import { TypeAvis } from './entities/avis.entity';
import { Formation, TypeTraitement } from '../offre/entities/formation.entity';
import { StatutDossier } from './entities/candidature.entity';
import { StatutPiece } from './entities/piece-candidature.entity';

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

/** The offer's rule (its `ouverte`), which applying obeys: one window for the screen and the refusal. */
export { dansLaFenetre } from '../offre/formation-dates';

/**
 * A new candidature's type de traitement: the formation's, except that accès direct waits for staff to validate it
 * (it gives a favourable decision); accès contrôlé needs no validation.
 */
export function typeTraitementInitial(formation: TypeTraitement): { typeTraitement: TypeTraitement; typeTraitementValide: boolean } {
  if (formation === TypeTraitement.AD) return { typeTraitement: TypeTraitement.AT, typeTraitementValide: false };
  return { typeTraitement: formation, typeTraitementValide: formation === TypeTraitement.AC };
}

/**
 * What a type de décision decides (reference type_decision); its family (`famille`) drives the rest: the fields an
 * avis needs, the liste complémentaire and its promotions.
 */
export interface RegleDecision {
  famille: TypeAvis;
  /** A final decision: an admission (FA) or refusal (DE) letter goes with it */
  definitif: boolean;
  /** Favourable only: the candidate confirms or withdraws before a deadline */
  confirmable: boolean;
  /** The mail its publication sends; null: none */
  mail: string | null;
}

/** The decision mail of each family (its template says what the family needs: motif, rank, convocation). */
export const MAIL_DECISION: Record<TypeAvis, string> = {
  [TypeAvis.FA]: 'AVIS_FAVORABLE',
  [TypeAvis.DE]: 'AVIS_DEFAVORABLE',
  [TypeAvis.LC]: 'AVIS_LISTE_COMP',
  [TypeAvis.LA]: 'AVIS_LISTE_ATT',
  [TypeAvis.PR]: 'AVIS_PRESELECTION',
};

/**
 * The models, one a family (seeded by migration 1765600000200 with these rules, which never change): what an avis
 * naming no type decides, i.e. what every avis decided before types de décision existed.
 */
export const REGLES_MODELES: Record<TypeAvis, RegleDecision> = {
  [TypeAvis.FA]: { famille: TypeAvis.FA, definitif: true, confirmable: true, mail: MAIL_DECISION.FA },
  [TypeAvis.DE]: { famille: TypeAvis.DE, definitif: true, confirmable: false, mail: MAIL_DECISION.DE },
  [TypeAvis.LC]: { famille: TypeAvis.LC, definitif: false, confirmable: false, mail: MAIL_DECISION.LC },
  [TypeAvis.LA]: { famille: TypeAvis.LA, definitif: false, confirmable: false, mail: MAIL_DECISION.LA },
  [TypeAvis.PR]: { famille: TypeAvis.PR, definitif: false, confirmable: false, mail: MAIL_DECISION.PR },
};

/**
 * The rules of an avis: its type's, or its family's model when it names none. The avis must have been read with its
 * `typeDecision` (etat-candidature.ts does): reading the model's rules for a typed avis would be a silent error.
 */
export function reglesDe(a: { type: TypeAvis; typeDecisionId: number | null; typeDecision?: RegleDecision | null }): RegleDecision {
  if (a.typeDecisionId === null) return REGLES_MODELES[a.type];
  if (!a.typeDecision) throw new Error(`Avis lu sans son type de décision (${a.typeDecisionId})`);
  return a.typeDecision;
}

/** A published decision of this type waits for the candidate's answer (confirm or withdraw) before its deadline. */
export const attendConfirmation = (r: RegleDecision): boolean => r.famille === TypeAvis.FA && r.confirmable;

/** The letter a decision of this type comes with: admission for a final favourable one, refusal for a final défavorable one. */
export function lettreDe(r: RegleDecision): 'admission' | 'refus' | null {
  if (!r.definitif) return null;
  if (r.famille === TypeAvis.FA) return 'admission';
  if (r.famille === TypeAvis.DE) return 'refus';
  return null;
}

/** What a type de décision may say: only a favourable one waits for a confirmation; it sends its family's mail, or none. */
export function champsTypeDecision(r: RegleDecision): FieldError[] {
  const errors: FieldError[] = [];
  if (r.confirmable && r.famille !== TypeAvis.FA) errors.push({ field: 'confirmable', message: "ne vaut true que pour un type de la famille favorable (FA) : seul un avis favorable attend la confirmation du candidat" });
  if (r.mail !== null && r.mail !== MAIL_DECISION[r.famille]) errors.push({ field: 'mail', message: `doit être le mail de sa famille (${MAIL_DECISION[r.famille]}) ou null (aucun mail)` });
  return errors;
}

/**
 * Everything that may happen to a candidature, by who does it. One table below says, for the state a candidature is
 * in, whether each is allowed or why not (the problem code and the French reason): the services refuse exactly what
 * it refuses, and the récapitulatif shows its verdicts on the candidate's actions, so screen and API cannot disagree.
 */
export const ACTIONS_CANDIDAT = ['annuler', 'deposerPieces', 'transmettre', 'telechargerDossier', 'confirmer', 'desister'] as const;
export const ACTIONS_GESTION = [
  'changerStatutDossier',
  'verifierPieces',
  'changerTypeTraitement',
  'validerTypeTraitement',
  'saisirAvis',
  'validerAvis',
  'supprimerAvis',
  'fixerDelais',
  'deposerPiecesPourCandidat',
  'restaurer',
] as const;
export const ACTIONS_AUTOMATIQUES = ['publierAvis', 'desisterAutomatiquement', 'relancer', 'promouvoir', 'archiver'] as const;

export type ActionCandidat = (typeof ACTIONS_CANDIDAT)[number];
export type ActionGestion = (typeof ACTIONS_GESTION)[number];
export type ActionAutomatique = (typeof ACTIONS_AUTOMATIQUES)[number];
export type ActionCandidature = ActionCandidat | ActionGestion | ActionAutomatique;

/** A candidature as the rules see it. */
export interface EtatCandidature {
  statutDossier: StatutDossier;
  annulee: boolean;
  archivee: boolean;
  demat: boolean;
  /** The return deadline (the formation's, or the one staff set for this candidature), YYYY-MM-DD */
  dateRetour: string;
  /** Libellés of the pièces still to provide (missing or refused) */
  piecesManquantes: string[];
  typeTraitementValide: boolean;
  /** The latest avis, validated or not (what staff work on) */
  dernierAvis: { type: TypeAvis; valide: boolean } | null;
  /** The type of the latest validated avis: LC puts the candidature on the liste complémentaire */
  avisValide: TypeAvis | null;
  /** The decision the candidate sees (the latest published avis) waits for their answer: favourable, of a confirmable type */
  favorable: boolean;
  /** Confirmed (true), withdrawn (false), or not answered */
  acceptee: boolean | null;
  /** Until when a favourable decision may be answered (YYYY-MM-DD); null: no deadline known */
  limiteConfirmation: string | null;
}

/** Why an action is refused: a stable problem code and a French sentence for whoever tried. */
export interface Refus {
  code: string;
  raison: string;
}

const refus = (code: string, raison: string): Refus => ({ code, raison });

/** A cancelled or archived candidature accepts no change at all. */
function figee(c: EtatCandidature, code: string): Refus | null {
  if (c.annulee) return refus(code, 'Cette candidature est annulée.');
  if (c.archivee) return refus(code, 'Cette candidature appartient à une campagne archivée.');
  return null;
}

/** Staff words for a candidate's final answer: once confirmed or withdrawn, the decision is settled. */
function reponseDefinitive(c: EtatCandidature, code = NON_MODIFIABLE): Refus | null {
  if (c.acceptee === false) return refus(code, "Le candidat s'est désisté de cette formation : sa réponse est définitive, la décision ne peut plus changer.");
  if (c.acceptee === true) return refus(code, 'Le candidat a confirmé son admission : la décision ne peut plus changer (il peut encore se désister).');
  return null;
}

const NON_MODIFIABLE = 'CANDIDATURE_NON_MODIFIABLE';
const DESISTE = 'Vous vous êtes désisté(e) de cette formation : c’est définitif.';

/**
 * « Déposer des pièces »: the candidate's, shared by upload and transmission; staff acting for the candidate obey the
 * same rule except the return deadline (`horsDelai`), as the reference lets them edit after it.
 */
function depot(c: EtatCandidature, today: string, code: string, horsDelai = false): Refus | null {
  const ouverte = c.statutDossier === StatutDossier.AT || c.statutDossier === StatutDossier.IN;
  return (
    figee(c, code) ??
    (c.acceptee === false ? refus(code, DESISTE) : null) ??
    (!c.demat ? refus(code, "Cette formation demande un dossier papier : téléchargez votre dossier, imprimez-le et envoyez-le avec les pièces à l'adresse de la commission.") : null) ??
    (!ouverte ? refus(code, 'Votre candidature a été transmise : les pièces justificatives ne sont plus modifiables.') : null) ??
    (!horsDelai && today > c.dateRetour ? refus(code, `La date limite de retour (${formatDate(c.dateRetour)}) est passée.`) : null)
  );
}

/** The candidate's answer to a favourable decision, before its deadline. */
function reponse(c: EtatCandidature, today: string, code: string): Refus | null {
  return (
    figee(c, code) ??
    (!c.favorable ? refus(code, "Vous ne pouvez répondre qu'à un avis favorable.") : null) ??
    (c.acceptee === false ? refus(code, DESISTE) : null) ??
    (c.limiteConfirmation !== null && today > c.limiteConfirmation ? refus(code, `La date limite de confirmation (${formatDate(c.limiteConfirmation)}) est passée.`) : null)
  );
}

/** Changes of the decision by staff: a live, unarchived candidature whose candidate has not answered. */
const decisionOuverte = (c: EtatCandidature): Refus | null => figee(c, NON_MODIFIABLE) ?? reponseDefinitive(c);

/** Processing of the file by staff: a live, unarchived candidature the candidate has not withdrawn from. */
const dossierOuvert = (c: EtatCandidature): Refus | null => figee(c, NON_MODIFIABLE) ?? (c.acceptee === false ? reponseDefinitive(c) : null);

/** The table: for each action, null when the candidature's state allows it, else why not. */
const REGLES: Record<ActionCandidature, (c: EtatCandidature, today: string) => Refus | null> = {
  // The candidate (reference §2.4, §2.8, §2.10)
  annuler: (c) =>
    figee(c, 'ANNULATION_IMPOSSIBLE') ??
    (c.statutDossier !== StatutDossier.AT
      ? refus('ANNULATION_IMPOSSIBLE', `Une candidature ne peut plus être annulée une fois son dossier ${STATUT_DOSSIER_LIBELLES[c.statutDossier].toLowerCase()}.`)
      : null) ??
    (c.dernierAvis ? refus('ANNULATION_IMPOSSIBLE', 'Une candidature ne peut plus être annulée une fois que la commission a donné un avis.') : null),
  deposerPieces: (c, today) => depot(c, today, 'PIECES_NON_MODIFIABLES'),
  transmettre: (c, today) =>
    depot(c, today, 'TRANSMISSION_IMPOSSIBLE') ??
    (c.piecesManquantes.length > 0
      ? refus(
          'TRANSMISSION_IMPOSSIBLE',
          `Il manque ${c.piecesManquantes.length === 1 ? 'une pièce justificative' : `${c.piecesManquantes.length} pièces justificatives`} : ${c.piecesManquantes.join(', ')}.`,
        )
      : null),
  telechargerDossier: (c) => (c.annulee ? refus('DOSSIER_INDISPONIBLE', 'Cette candidature est annulée.') : null),
  confirmer: (c, today) => reponse(c, today, 'CONFIRMATION_IMPOSSIBLE') ?? (c.acceptee === true ? refus('CONFIRMATION_IMPOSSIBLE', 'Vous avez déjà confirmé cette candidature.') : null),
  // Confirmed or not: a confirmed candidate may still withdraw, before the deadline.
  desister: (c, today) => reponse(c, today, 'DESISTEMENT_IMPOSSIBLE'),

  // Staff (reference §2.2, §2.3, §2.5, §2.6)
  changerStatutDossier: dossierOuvert,
  verifierPieces: dossierOuvert,
  fixerDelais: dossierOuvert,
  deposerPiecesPourCandidat: (c, today) => depot(c, today, 'PIECES_NON_MODIFIABLES', true),
  // Undoes a cancellation (reference #72): only one made before any avis, in a campaign not archived.
  restaurer: (c) =>
    (!c.annulee ? refus('RESTAURATION_IMPOSSIBLE', "Cette candidature n'est pas annulée.") : null) ??
    (c.archivee ? refus('RESTAURATION_IMPOSSIBLE', 'Cette candidature appartient à une campagne archivée.') : null) ??
    (c.dernierAvis ? refus('RESTAURATION_IMPOSSIBLE', 'Cette candidature a reçu un avis avant son annulation : elle ne peut pas être restaurée.') : null),
  changerTypeTraitement: (c) =>
    decisionOuverte(c) ?? (c.dernierAvis?.valide ? refus('AVIS_DEJA_VALIDE', 'Cette candidature a déjà un avis validé : son type de traitement ne change plus.') : null),
  validerTypeTraitement: (c) =>
    decisionOuverte(c) ?? (c.typeTraitementValide ? refus('TYPE_TRAITEMENT_DEJA_VALIDE', 'Le type de traitement de cette candidature est déjà validé.') : null),
  saisirAvis: decisionOuverte,
  validerAvis: (c) =>
    decisionOuverte(c) ??
    (!c.dernierAvis ? refus('AUCUN_AVIS', "Aucun avis n'a été saisi pour cette candidature.") : null) ??
    (c.dernierAvis?.valide ? refus('AVIS_DEJA_VALIDE', 'Le dernier avis est déjà validé : saisissez un nouvel avis pour le changer.') : null),
  supprimerAvis: (c) =>
    decisionOuverte(c) ??
    (!c.dernierAvis ? refus('AUCUN_AVIS', "Cette candidature n'a pas d'avis.") : null) ??
    (c.dernierAvis?.valide ? refus('AVIS_DEJA_VALIDE', "Le dernier avis est validé : il reste dans l'historique ; saisissez un nouvel avis pour le changer.") : null),

  // Jobs (reference §2.5 to §2.7, BATCH_ARCHIVAGE)
  publierAvis: (c) => figee(c, NON_MODIFIABLE),
  desisterAutomatiquement: (c, today) =>
    figee(c, 'DESISTEMENT_IMPOSSIBLE') ??
    (!c.favorable ? refus('DESISTEMENT_IMPOSSIBLE', "Le candidat n'a pas d'avis favorable.") : null) ??
    reponseDefinitive(c, 'DESISTEMENT_IMPOSSIBLE') ??
    (c.limiteConfirmation === null || c.limiteConfirmation >= today ? refus('DESISTEMENT_IMPOSSIBLE', "La date limite de confirmation n'est pas passée.") : null),
  relancer: (c, today) =>
    figee(c, 'RELANCE_IMPOSSIBLE') ??
    (!c.favorable ? refus('RELANCE_IMPOSSIBLE', "Le candidat n'a pas d'avis favorable.") : null) ??
    reponseDefinitive(c, 'RELANCE_IMPOSSIBLE') ??
    (c.limiteConfirmation === null || c.limiteConfirmation < today ? refus('RELANCE_IMPOSSIBLE', "Il n'y a plus de date limite de confirmation à rappeler.") : null),
  promouvoir: (c) =>
    figee(c, 'PROMOTION_IMPOSSIBLE') ??
    reponseDefinitive(c, 'PROMOTION_IMPOSSIBLE') ??
    (c.avisValide !== TypeAvis.LC ? refus('PROMOTION_IMPOSSIBLE', "Cette candidature n'est pas sur la liste complémentaire.") : null),
  // A campaign's archiving freezes all its candidatures, cancelled ones included, once.
  archiver: (c) => (c.archivee ? refus('DEJA_ARCHIVEE', 'Cette candidature appartient déjà à une campagne archivée.') : null),
};

/** The table's verdict on one action: null when allowed. */
export function verdict(action: ActionCandidature, c: EtatCandidature, today: string): Refus | null {
  return REGLES[action](c, today);
}

/** The verdict as a 422 (BusinessRule) with its code and reason. */
export function exiger(action: ActionCandidature, c: EtatCandidature, today: string): void {
  const r = verdict(action, c, today);
  if (r) throw new BusinessRule(r.code, r.raison);
}

/**
 * The verdict on a staff action over several candidatures, all or nothing: one 422 naming each refused candidature
 * with its reason (grouped), and nothing changes.
 */
export function exigerPourTous(action: ActionGestion | ActionAutomatique, etats: { id: number; etat: EtatCandidature }[], today: string): void {
  const refusees = etats.map(({ id, etat }) => ({ id, r: verdict(action, etat, today) })).filter((x): x is { id: number; r: Refus } => x.r !== null);
  if (refusees.length === 0) return;
  if (etats.length === 1) throw new BusinessRule(refusees[0].r.code, refusees[0].r.raison);
  const parRaison = new Map<string, number[]>();
  for (const { id, r } of refusees) parRaison.set(r.raison, [...(parRaison.get(r.raison) ?? []), id]);
  const detail = [...parRaison].map(([raison, ids]) => `${ids.length === 1 ? 'candidature' : 'candidatures'} ${ids.sort((a, b) => a - b).join(', ')} : ${raison}`);
  throw new BusinessRule(refusees[0].r.code, `Rien n'a été modifié. ${detail.join(' ; ')}`);
}

/** A pièce of a candidature as staff check it: what the candidate gave online, or nothing (paper files come by post). */
export interface PieceAVerifier {
  libelle: string;
  demat: boolean;
  depot: 'fichier' | 'NC' | null;
}

/**
 * The check of one pièce (reference §2.2), the pièce-level cell of « verifierPieces »: online, staff judge what the
 * candidate gave (a file: validated, refused, back to transmise; « non concerné »: only refused, so the candidate has
 * to upload it; nothing given: nothing to judge, it is missing until the candidate uploads it). On paper, staff record
 * what arrived by post: received (TR), validated (VA), refused (RE) or missing (AT).
 */
export function verdictPiece(statut: StatutPiece, p: PieceAVerifier): Refus | null {
  if (!p.demat) return null;
  if (statut === StatutPiece.AT) {
    return refus('PIECE_NON_DEPOSEE', `« ${p.libelle} » : une pièce en ligne reste manquante tant que le candidat ne l'a pas déposée ; refusez-la (RE) avec un commentaire pour lui demander un autre fichier.`);
  }
  if (p.depot === null) return refus('PIECE_NON_DEPOSEE', `« ${p.libelle} » n'a pas été déposée par le candidat : elle ne peut être ni validée ni refusée.`);
  if (p.depot === 'NC' && statut !== StatutPiece.RE) return refus('PIECE_NON_DEPOSEE', `« ${p.libelle} » : le candidat s'est déclaré non concerné, sans fichier ; elle ne peut qu'être refusée.`);
  return null;
}

/**
 * The candidate's change of one pièce, the pièce-level cell of « deposerPieces »: a pièce staff validated is locked;
 * only a conditional pièce may be declared « non concerné ».
 */
export function verdictDepotPiece(valeur: 'fichier' | 'NC' | 'AT', p: { libelle: string; statut: string; conditionnel: boolean }): Refus | null {
  if (p.statut === StatutPiece.VA) return refus('PIECE_VALIDEE', `La pièce « ${p.libelle} » a été validée par la scolarité : elle ne peut plus être modifiée.`);
  if (valeur === 'NC' && !p.conditionnel) return refus('PIECE_NON_CONDITIONNELLE', `La pièce « ${p.libelle} » est obligatoire : vous ne pouvez pas vous déclarer non concerné(e).`);
  return null;
}

export interface Action {
  possible: boolean;
  /** Why not, in French, when it is not possible */
  raison: string | null;
}

export type Actions = Record<ActionCandidat, Action>;

/** The candidate's actions as the récapitulatif shows them: the table's verdicts. */
export function actionsPossibles(c: EtatCandidature, today: string): Actions {
  return Object.fromEntries(
    ACTIONS_CANDIDAT.map((a) => {
      const r = verdict(a, c, today);
      return [a, { possible: r === null, raison: r?.raison ?? null }];
    }),
  ) as Actions;
}
