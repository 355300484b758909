import { RenderedMail, formatDate, render } from './mail-template';

export interface Decision {
  prenom: string;
  nom: string;
  numeroDossier: string;
  formation: string;
  lien: string;
  /** Shown when the commission made its comment visible */
  commentaire: string | null;
}

const suite = (d: Decision) => [...(d.commentaire ? [`Commentaire de la commission : ${d.commentaire}`] : []), { lien: d.lien, libelle: 'Voir ma candidature' }];

/** AVIS_FAVORABLE: admitted; confirm before the deadline, or withdraw. */
export function avisFavorable(d: Decision & { dateConfirmation: string | null }): RenderedMail {
  return render(`Avis favorable : ${d.formation}`, [
    `Bonjour ${d.prenom} ${d.nom},`,
    `La commission a émis un avis favorable à votre candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}).`,
    d.dateConfirmation
      ? `Confirmez votre candidature, ou désistez-vous, au plus tard le ${formatDate(d.dateConfirmation)} : passé cette date, vous serez considéré(e) comme désisté(e).`
      : 'Confirmez votre candidature, ou désistez-vous, depuis votre espace candidat.',
    ...suite(d),
  ]);
}

/** AVIS_DEFAVORABLE, with its motif. */
export function avisDefavorable(d: Decision & { motif: string }): RenderedMail {
  return render(`Avis défavorable : ${d.formation}`, [
    `Bonjour ${d.prenom} ${d.nom},`,
    `La commission a émis un avis défavorable à votre candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}).`,
    `Motif : ${d.motif}`,
    ...suite(d),
  ]);
}

/** AVIS_LISTE_COMP, with the rank. */
export function avisListeComplementaire(d: Decision & { rang: number }): RenderedMail {
  return render(`Liste complémentaire : ${d.formation}`, [
    `Bonjour ${d.prenom} ${d.nom},`,
    `Votre candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) est inscrite sur liste complémentaire, au rang ${d.rang}.`,
    'Si des candidats admis se désistent, vous pourrez être admis(e) : vous en serez informé(e) par e-mail.',
    ...suite(d),
  ]);
}

/** AVIS_LISTE_ATT. */
export function avisListeAttente(d: Decision): RenderedMail {
  return render(`Liste d'attente : ${d.formation}`, [
    `Bonjour ${d.prenom} ${d.nom},`,
    `Votre candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) est placée sur liste d'attente.`,
    ...suite(d),
  ]);
}

/** AVIS_PRESELECTION: the convocation. */
export function avisPreselection(d: Decision & { date: string; heure: string; lieu: string }): RenderedMail {
  return render(`Présélection : ${d.formation}`, [
    `Bonjour ${d.prenom} ${d.nom},`,
    `Votre candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) est présélectionnée.`,
    `Vous êtes convoqué(e) le ${formatDate(d.date)} à ${d.heure}, ${d.lieu}.`,
    ...suite(d),
  ]);
}
