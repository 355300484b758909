import { formatDate } from '../../common/clock/clock';
import { RenderedMail, render } from './mail-template';

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

/** CANDIDATURE_CONFIRM, CANDIDATURE_DESIST, CANDIDATURE_DESIST_AUTO: the candidate's answer to a favourable decision. */
export function reponseCandidat(d: Omit<Decision, 'commentaire'> & { reponse: 'confirmation' | 'desistement' | 'desistementAuto'; codeOpi?: string | null }): RenderedMail {
  const textes = {
    confirmation: [`Confirmation d'inscription : ${d.formation}`, `Vous avez confirmé votre candidature à la formation « ${d.formation} ». Votre code d'inscription (OPI) est ${d.codeOpi ?? ''} : il vous sera demandé pour votre inscription administrative.`],
    desistement: [`Désistement : ${d.formation}`, `Vous vous êtes désisté(e) de la formation « ${d.formation} ». Ce désistement est définitif.`],
    desistementAuto: [`Désistement automatique : ${d.formation}`, `Vous n'avez pas confirmé votre candidature à la formation « ${d.formation} » avant la date limite : vous êtes considéré(e) comme désisté(e).`],
  } as const;
  const [sujet, corps] = textes[d.reponse];
  return render(sujet, [`Bonjour ${d.prenom} ${d.nom},`, `${corps} (numéro de dossier ${d.numeroDossier})`, { lien: d.lien, libelle: 'Voir ma candidature' }]);
}

/** CANDIDATURE_RELANCE_FAVO: the confirmation deadline is near. */
export function relanceConfirmation(d: Omit<Decision, 'commentaire'> & { dateConfirmation: string }): RenderedMail {
  return render(`Rappel : confirmez votre candidature avant le ${formatDate(d.dateConfirmation)}`, [
    `Bonjour ${d.prenom} ${d.nom},`,
    `Vous avez reçu un avis favorable pour la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) et n'avez pas encore répondu.`,
    `Confirmez votre candidature, ou désistez-vous, au plus tard le ${formatDate(d.dateConfirmation)} : passé cette date, vous serez considéré(e) comme désisté(e).`,
    { lien: d.lien, libelle: 'Répondre' },
  ]);
}

/** COMMISSION_ALERT_DESISTEMENT and COMMISSION_ALERT_LISTE_PRINC. */
export function alerteDecision(d: { prenom: string; nom: string; numeroDossier: string; formation: string; evenement: 'desistement' | 'promotion' }): RenderedMail {
  const quoi = d.evenement === 'desistement' ? "s'est désisté(e) de" : 'passe de la liste complémentaire à la liste principale de';
  return render(`[Alerte] ${d.evenement === 'desistement' ? 'Désistement' : 'Promotion depuis la liste complémentaire'} : ${d.formation}`, [
    'Bonjour,',
    `${d.prenom} ${d.nom} (numéro de dossier ${d.numeroDossier}) ${quoi} la formation « ${d.formation} ».`,
  ]);
}

/** TYPE_TRAIT_AC and TYPE_TRAIT_ATT: how the candidature will be examined. */
export function typeTraitement(d: Omit<Decision, 'commentaire'> & { type: 'AC' | 'AT' }): RenderedMail {
  const corps =
    d.type === 'AC'
      ? `Votre candidature à la formation « ${d.formation} » sera examinée par la commission (accès contrôlé) : vous serez informé(e) de sa décision par e-mail.`
      : `Le mode d'examen de votre candidature à la formation « ${d.formation} » n'est pas encore arrêté : vous en serez informé(e) par e-mail.`;
  return render(`Examen de votre candidature : ${d.formation}`, [`Bonjour ${d.prenom} ${d.nom},`, `${corps} (numéro de dossier ${d.numeroDossier})`, { lien: d.lien, libelle: 'Voir ma candidature' }]);
}
