import { modele } from './mail-template';

interface Candidat {
  prenom: string;
  nom: string;
  numeroDossier: string;
}

interface Voeu {
  formation: string;
  dateRetour: string;
  demat: boolean;
  /** The commission's postal address, one line each */
  adresse: string[];
}

/** CANDIDATURE: the candidature is recorded; what to do next, by mode. */
export const candidatureEnregistree = modele<Candidat & Voeu & { lien: string }>({
  fr: (c, dates) => ({
    sujet: `Candidature enregistrée : ${c.formation}`,
    corps: [
      `Bonjour ${c.prenom} ${c.nom},`,
      `Votre candidature à la formation « ${c.formation} » est enregistrée (numéro de dossier ${c.numeroDossier}).`,
      c.demat
        ? `Déposez vos pièces justificatives en ligne, puis cliquez sur « Transmettre ma candidature » au plus tard le ${dates.jour(c.dateRetour)}.`
        : `Téléchargez votre dossier, imprimez-le et envoyez-le avec les pièces justificatives demandées au plus tard le ${dates.jour(c.dateRetour)} à l'adresse suivante : ${c.adresse.join(', ')}.`,
      { lien: c.lien, libelle: 'Suivre ma candidature' },
    ],
  }),
  en: (c, dates) => ({
    sujet: `Application recorded: ${c.formation}`,
    corps: [
      `Dear ${c.prenom} ${c.nom},`,
      `Your application to the programme "${c.formation}" has been recorded (file number ${c.numeroDossier}).`,
      c.demat
        ? `Upload your supporting documents online, then click "Submit my application" by ${dates.jour(c.dateRetour)} at the latest.`
        : `Download your application file, print it and post it with the supporting documents requested by ${dates.jour(c.dateRetour)} at the latest to the following address: ${c.adresse.join(', ')}.`,
      { lien: c.lien, libelle: 'Follow my application' },
    ],
  }),
});

/** CANDIDATURE_ANNULATION: the candidate cancelled. */
export const candidatureAnnulee = modele<Candidat & { formation: string }>({
  fr: (c) => ({
    sujet: `Candidature annulée : ${c.formation}`,
    corps: [
      `Bonjour ${c.prenom} ${c.nom},`,
      `Votre candidature à la formation « ${c.formation} » est annulée (numéro de dossier ${c.numeroDossier}). Cette annulation est définitive ; vous pouvez candidater de nouveau tant que la période de dépôt des vœux est ouverte.`,
    ],
  }),
  en: (c) => ({
    sujet: `Application cancelled: ${c.formation}`,
    corps: [
      `Dear ${c.prenom} ${c.nom},`,
      `Your application to the programme "${c.formation}" has been cancelled (file number ${c.numeroDossier}). This cancellation is final; you may apply again as long as the application period is open.`,
    ],
  }),
});

/** STATUT_RE after « Transmettre ma candidature »: the file reached the commission. */
export const candidatureTransmise = modele<Candidat & { formation: string }>({
  fr: (c) => ({
    sujet: `Candidature transmise : ${c.formation}`,
    corps: [
      `Bonjour ${c.prenom} ${c.nom},`,
      `Votre candidature à la formation « ${c.formation} » a été transmise à la commission, qui l'a réceptionnée (numéro de dossier ${c.numeroDossier}).`,
      'Vos pièces justificatives ne sont plus modifiables ; vous serez informé(e) par e-mail de la suite donnée à votre dossier.',
    ],
  }),
  en: (c) => ({
    sujet: `Application submitted: ${c.formation}`,
    corps: [
      `Dear ${c.prenom} ${c.nom},`,
      `Your application to the programme "${c.formation}" has been submitted to the admissions committee, which has received it (file number ${c.numeroDossier}).`,
      'Your supporting documents can no longer be changed; you will be informed by e-mail of the outcome of your application.',
    ],
  }),
});

/** COMMISSION_ALERT_TRANSMISSION and COMMISSION_ALERT_ANNULATION: what a candidate did, for the commission (sent in French). */
export const alerteCommission = modele<Candidat & { formation: string; evenement: 'transmission' | 'annulation' }>({
  fr: (c) => ({
    sujet: `[Alerte] ${c.evenement === 'transmission' ? 'Candidature transmise' : 'Candidature annulée'} : ${c.formation}`,
    corps: ['Bonjour,', `${c.prenom} ${c.nom} (numéro de dossier ${c.numeroDossier}) ${c.evenement === 'transmission' ? 'a transmis sa candidature' : 'a annulé sa candidature'} à la formation « ${c.formation} ».`],
  }),
  en: (c) => ({
    sujet: `[Alert] ${c.evenement === 'transmission' ? 'Application submitted' : 'Application cancelled'}: ${c.formation}`,
    corps: ['Hello,', `${c.prenom} ${c.nom} (file number ${c.numeroDossier}) ${c.evenement === 'transmission' ? 'submitted their application' : 'cancelled their application'} to the programme "${c.formation}".`],
  }),
});
