import { formatDate } from '../../common/clock/clock';
import { RenderedMail, render } from './mail-template';

interface Dossier {
  prenom: string;
  nom: string;
  numeroDossier: string;
  formation: string;
  /** The date staff gave to the change, YYYY-MM-DD */
  date: string;
  lien: string;
}

/** A pièce the candidate still has to provide: never given, or refused by staff (with their comment). */
export interface PieceAFournir {
  libelle: string;
  refusee: boolean;
  commentaire: string | null;
}

const bonjour = (d: Dossier) => `Bonjour ${d.prenom} ${d.nom},`;
const suivre = (d: Dossier) => ({ lien: d.lien, libelle: 'Suivre ma candidature' });

/** STATUT_AT: the file is back to « en attente » (not received yet, or to be processed again). */
export function statutEnAttente(d: Dossier): RenderedMail {
  return render(`Dossier en attente : ${d.formation}`, [
    bonjour(d),
    `Votre dossier de candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) est de nouveau en attente de réception par la commission.`,
    suivre(d),
  ]);
}

/** STATUT_RE: staff recorded the file's reception. */
export function statutReceptionne(d: Dossier): RenderedMail {
  return render(`Dossier réceptionné : ${d.formation}`, [
    bonjour(d),
    `Votre dossier de candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) a été réceptionné le ${formatDate(d.date)}.`,
    'La commission va vérifier vos pièces justificatives ; vous serez informé(e) par e-mail de la suite donnée à votre dossier.',
    suivre(d),
  ]);
}

/** STATUT_CO: the file is complete; it goes to the commission. */
export function statutComplet(d: Dossier): RenderedMail {
  return render(`Dossier complet : ${d.formation}`, [
    bonjour(d),
    `Votre dossier de candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) est complet depuis le ${formatDate(d.date)}.`,
    'Il sera examiné par la commission ; vous serez informé(e) par e-mail de sa décision.',
    suivre(d),
  ]);
}

/**
 * STATUT_IN: the file is incomplete. Lists each pièce refused (with the staff comment) or missing, and the return
 * deadline; how to complete depends on the mode (online, or by post to the commission).
 */
export function statutIncomplet(d: Dossier & { pieces: PieceAFournir[]; dateRetour: string; demat: boolean; adresse: string[] }): RenderedMail {
  const pieces = d.pieces.map((p) => `- ${p.libelle} : ${p.refusee ? 'refusée' : 'manquante'}${p.commentaire ? ` (${p.commentaire})` : ''}`);
  const comment = d.demat
    ? `Déposez ${d.pieces.length > 1 ? 'ces pièces' : 'cette pièce'} en ligne, puis cliquez de nouveau sur « Transmettre ma candidature » au plus tard le ${formatDate(d.dateRetour)}.`
    : `Envoyez ${d.pieces.length > 1 ? 'ces pièces' : 'les pièces demandées'} au plus tard le ${formatDate(d.dateRetour)} à l'adresse suivante : ${d.adresse.join(', ')}.`;
  return render(`Dossier incomplet : ${d.formation}`, [
    bonjour(d),
    `Votre dossier de candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) a été déclaré incomplet le ${formatDate(d.date)}.`,
    ...(pieces.length > 0 ? ['Pièces justificatives à fournir :', ...pieces] : ['Prenez contact avec la commission pour savoir ce qui manque à votre dossier.']),
    `${comment} Passé cette date, votre dossier ne pourra plus être complété.`,
    suivre(d),
  ]);
}
