import { FormatsDates } from '../../common/i18n/dates';
import { Traduit } from '../../common/i18n/langue';
import { Paragraphe, modele } from './mail-template';

export interface Decision {
  prenom: string;
  nom: string;
  numeroDossier: string;
  formation: string;
  lien: string;
  /** Shown when the commission made its comment visible */
  commentaire: string | null;
  /** The type de décision's label when the institution defined it (« Avis favorable sous réserve »); absent for its family's model */
  decision?: string | null;
}

type SansCommentaire = Omit<Decision, 'commentaire'>;

const bonjour: Traduit<(d: SansCommentaire) => string> = { fr: (d) => `Bonjour ${d.prenom} ${d.nom},`, en: (d) => `Dear ${d.prenom} ${d.nom},` };
const voir: Traduit<(d: SansCommentaire) => Paragraphe> = {
  fr: (d) => ({ lien: d.lien, libelle: 'Voir ma candidature' }),
  en: (d) => ({ lien: d.lien, libelle: 'View my application' }),
};
/** The type de décision the institution defined, the comment the commission made visible, then the link. */
const suite: Traduit<(d: Decision) => Paragraphe[]> = {
  fr: (d) => [...(d.decision ? [`Décision de la commission : ${d.decision}`] : []), ...(d.commentaire ? [`Commentaire de la commission : ${d.commentaire}`] : []), voir.fr(d)],
  en: (d) => [...(d.decision ? [`Decision of the admissions committee: ${d.decision}`] : []), ...(d.commentaire ? [`Comment from the admissions committee: ${d.commentaire}`] : []), voir.en(d)],
};
const repondreAvant: Traduit<(date: string | null, dates: FormatsDates) => string> = {
  fr: (date, dates) =>
    date
      ? `Confirmez votre candidature, ou désistez-vous, au plus tard le ${dates.jour(date)} : passé cette date, vous serez considéré(e) comme désisté(e).`
      : 'Confirmez votre candidature, ou désistez-vous, depuis votre espace candidat.',
  en: (date, dates) =>
    date
      ? `Confirm your application, or withdraw, by ${dates.jour(date)} at the latest: after that date, you will be considered to have withdrawn.`
      : 'Confirm your application, or withdraw, from your applicant space.',
};

/** AVIS_FAVORABLE: admitted; confirm before the deadline, or withdraw. */
export const avisFavorable = modele<Decision & { dateConfirmation: string | null }>({
  fr: (d, dates) => ({
    sujet: `Avis favorable : ${d.formation}`,
    corps: [
      bonjour.fr(d),
      `La commission a émis un avis favorable à votre candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}).`,
      repondreAvant.fr(d.dateConfirmation, dates),
      ...suite.fr(d),
    ],
  }),
  en: (d, dates) => ({
    sujet: `Offer of admission: ${d.formation}`,
    corps: [
      bonjour.en(d),
      `The admissions committee has given a favourable decision on your application to the programme "${d.formation}" (file number ${d.numeroDossier}).`,
      repondreAvant.en(d.dateConfirmation, dates),
      ...suite.en(d),
    ],
  }),
});

/** AVIS_DEFAVORABLE, with its motif. */
export const avisDefavorable = modele<Decision & { motif: string }>({
  fr: (d) => ({
    sujet: `Avis défavorable : ${d.formation}`,
    corps: [
      bonjour.fr(d),
      `La commission a émis un avis défavorable à votre candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}).`,
      `Motif : ${d.motif}`,
      ...suite.fr(d),
    ],
  }),
  en: (d) => ({
    sujet: `Unfavourable decision: ${d.formation}`,
    corps: [
      bonjour.en(d),
      `The admissions committee has given an unfavourable decision on your application to the programme "${d.formation}" (file number ${d.numeroDossier}).`,
      `Reason: ${d.motif}`,
      ...suite.en(d),
    ],
  }),
});

/** AVIS_LISTE_COMP, with the rank. */
export const avisListeComplementaire = modele<Decision & { rang: number }>({
  fr: (d) => ({
    sujet: `Liste complémentaire : ${d.formation}`,
    corps: [
      bonjour.fr(d),
      `Votre candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) est inscrite sur liste complémentaire, au rang ${d.rang}.`,
      'Si des candidats admis se désistent, vous pourrez être admis(e) : vous en serez informé(e) par e-mail.',
      ...suite.fr(d),
    ],
  }),
  en: (d) => ({
    sujet: `Waiting list: ${d.formation}`,
    corps: [
      bonjour.en(d),
      `Your application to the programme "${d.formation}" (file number ${d.numeroDossier}) is on the waiting list, in position ${d.rang}.`,
      'If admitted applicants withdraw, you may be admitted: you will be informed by e-mail.',
      ...suite.en(d),
    ],
  }),
});

/** AVIS_LISTE_ATT. */
export const avisListeAttente = modele<Decision>({
  fr: (d) => ({
    sujet: `Liste d'attente : ${d.formation}`,
    corps: [bonjour.fr(d), `Votre candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) est placée sur liste d'attente.`, ...suite.fr(d)],
  }),
  en: (d) => ({
    sujet: `Decision pending: ${d.formation}`,
    corps: [bonjour.en(d), `Your application to the programme "${d.formation}" (file number ${d.numeroDossier}) has been put on hold; the admissions committee will decide later.`, ...suite.en(d)],
  }),
});

/** AVIS_PRESELECTION: the convocation. */
export const avisPreselection = modele<Decision & { date: string; heure: string; lieu: string }>({
  fr: (d, dates) => ({
    sujet: `Présélection : ${d.formation}`,
    corps: [
      bonjour.fr(d),
      `Votre candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) est présélectionnée.`,
      `Vous êtes convoqué(e) le ${dates.jour(d.date)} à ${d.heure}, ${d.lieu}.`,
      ...suite.fr(d),
    ],
  }),
  en: (d, dates) => ({
    sujet: `Shortlisted: ${d.formation}`,
    corps: [
      bonjour.en(d),
      `Your application to the programme "${d.formation}" (file number ${d.numeroDossier}) has been shortlisted.`,
      `You are invited to attend on ${dates.jour(d.date)} at ${d.heure} (Paris time), ${d.lieu}.`,
      ...suite.en(d),
    ],
  }),
});

type Reponse = 'confirmation' | 'desistement' | 'desistementAuto';

/** CANDIDATURE_CONFIRM, CANDIDATURE_DESIST, CANDIDATURE_DESIST_AUTO: the candidate's answer to a favourable decision. */
export const reponseCandidat = modele<SansCommentaire & { reponse: Reponse; codeOpi?: string | null }>({
  fr: (d) => {
    const textes: Record<Reponse, [string, string]> = {
      confirmation: [`Confirmation d'inscription : ${d.formation}`, `Vous avez confirmé votre candidature à la formation « ${d.formation} ». Votre code d'inscription (OPI) est ${d.codeOpi ?? ''} : il vous sera demandé pour votre inscription administrative.`],
      desistement: [`Désistement : ${d.formation}`, `Vous vous êtes désisté(e) de la formation « ${d.formation} ». Ce désistement est définitif.`],
      desistementAuto: [`Désistement automatique : ${d.formation}`, `Vous n'avez pas confirmé votre candidature à la formation « ${d.formation} » avant la date limite : vous êtes considéré(e) comme désisté(e).`],
    };
    const [sujet, corps] = textes[d.reponse];
    return { sujet, corps: [bonjour.fr(d), `${corps} (numéro de dossier ${d.numeroDossier})`, voir.fr(d)] };
  },
  en: (d) => {
    const textes: Record<Reponse, [string, string]> = {
      confirmation: [`Enrolment confirmed: ${d.formation}`, `You have confirmed your application to the programme "${d.formation}". Your registration code (OPI) is ${d.codeOpi ?? ''}: you will be asked for it when you register.`],
      desistement: [`Withdrawal: ${d.formation}`, `You have withdrawn from the programme "${d.formation}". This withdrawal is final.`],
      desistementAuto: [`Automatic withdrawal: ${d.formation}`, `You did not confirm your application to the programme "${d.formation}" before the deadline: you are considered to have withdrawn.`],
    };
    const [sujet, corps] = textes[d.reponse];
    return { sujet, corps: [bonjour.en(d), `${corps} (file number ${d.numeroDossier})`, voir.en(d)] };
  },
});

/** CANDIDATURE_RELANCE_FAVO: the confirmation deadline is near. */
export const relanceConfirmation = modele<SansCommentaire & { dateConfirmation: string }>({
  fr: (d, dates) => ({
    sujet: `Rappel : confirmez votre candidature avant le ${dates.jour(d.dateConfirmation)}`,
    corps: [
      bonjour.fr(d),
      `Vous avez reçu un avis favorable pour la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) et n'avez pas encore répondu.`,
      repondreAvant.fr(d.dateConfirmation, dates),
      { lien: d.lien, libelle: 'Répondre' },
    ],
  }),
  en: (d, dates) => ({
    sujet: `Reminder: confirm your application by ${dates.jour(d.dateConfirmation)}`,
    corps: [
      bonjour.en(d),
      `You have received a favourable decision for the programme "${d.formation}" (file number ${d.numeroDossier}) and have not answered yet.`,
      repondreAvant.en(d.dateConfirmation, dates),
      { lien: d.lien, libelle: 'Answer' },
    ],
  }),
});

/** COMMISSION_ALERT_DESISTEMENT and COMMISSION_ALERT_LISTE_PRINC (sent in French, to the commission). */
export const alerteDecision = modele<{ prenom: string; nom: string; numeroDossier: string; formation: string; evenement: 'desistement' | 'promotion' }>({
  fr: (d) => ({
    sujet: `[Alerte] ${d.evenement === 'desistement' ? 'Désistement' : 'Promotion depuis la liste complémentaire'} : ${d.formation}`,
    corps: [
      'Bonjour,',
      `${d.prenom} ${d.nom} (numéro de dossier ${d.numeroDossier}) ${d.evenement === 'desistement' ? "s'est désisté(e) de" : 'passe de la liste complémentaire à la liste principale de'} la formation « ${d.formation} ».`,
    ],
  }),
  en: (d) => ({
    sujet: `[Alert] ${d.evenement === 'desistement' ? 'Withdrawal' : 'Promotion from the waiting list'}: ${d.formation}`,
    corps: [
      'Hello,',
      `${d.prenom} ${d.nom} (file number ${d.numeroDossier}) ${d.evenement === 'desistement' ? 'has withdrawn from' : 'moves from the waiting list to the list of admitted applicants of'} the programme "${d.formation}".`,
    ],
  }),
});

/** TYPE_TRAIT_AC and TYPE_TRAIT_ATT: how the candidature will be examined. */
export const typeTraitement = modele<SansCommentaire & { type: 'AC' | 'AT' }>({
  fr: (d) => ({
    sujet: `Examen de votre candidature : ${d.formation}`,
    corps: [
      bonjour.fr(d),
      `${
        d.type === 'AC'
          ? `Votre candidature à la formation « ${d.formation} » sera examinée par la commission (accès contrôlé) : vous serez informé(e) de sa décision par e-mail.`
          : `Le mode d'examen de votre candidature à la formation « ${d.formation} » n'est pas encore arrêté : vous en serez informé(e) par e-mail.`
      } (numéro de dossier ${d.numeroDossier})`,
      voir.fr(d),
    ],
  }),
  en: (d) => ({
    sujet: `Examination of your application: ${d.formation}`,
    corps: [
      bonjour.en(d),
      `${
        d.type === 'AC'
          ? `Your application to the programme "${d.formation}" will be examined by the admissions committee (selective admission): you will be informed of its decision by e-mail.`
          : `How your application to the programme "${d.formation}" will be examined has not been decided yet: you will be informed by e-mail.`
      } (file number ${d.numeroDossier})`,
      voir.en(d),
    ],
  }),
});
