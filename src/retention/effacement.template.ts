import { modele } from '../mail/templates/mail-template';

/** CPT_SUPPR: sent to the candidate whose account staff erased at their request (RGPD art. 17). */
export const compteEfface = modele<{ prenom: string; nom: string; numeroDossier: string }>({
  fr: (c) => ({
    sujet: 'Suppression de votre compte candidat',
    corps: [
      `Bonjour ${c.prenom} ${c.nom},`,
      `À votre demande, votre compte candidat ${c.numeroDossier} a été supprimé, avec votre dossier, vos candidatures, vos pièces justificatives et l'historique de vos mails.`,
      "Ce numéro de dossier ne sera jamais réattribué. Si vous souhaitez candidater de nouveau, créez un nouveau compte.",
    ],
  }),
  en: (c) => ({
    sujet: 'Your applicant account has been deleted',
    corps: [
      `Dear ${c.prenom} ${c.nom},`,
      `As you requested, your applicant account ${c.numeroDossier} has been deleted, with your file, your applications, your supporting documents and the history of your mails.`,
      'This file number will never be given again. To apply again, create a new account.',
    ],
  }),
});
