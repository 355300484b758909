import { Langue } from '../../common/i18n/langue';
import { VARIABLES, modeleEditable } from '../modeles/modele-editable';

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

type Concernee = Candidat & { formation: string };

const { prenom, nom, numeroDossier, formation } = VARIABLES;
const candidat = { prenom, nom, numeroDossier, formation };
const valeursCandidat = (c: Concernee) => ({ prenom: c.prenom, nom: c.nom, numeroDossier: c.numeroDossier, formation: c.formation });

/** CANDIDATURE: the candidature is recorded; what to do next, by mode. */
export const candidatureEnregistree = modeleEditable<Concernee & Voeu & { lien: string }>({
  code: 'CANDIDATURE',
  description: 'Candidature enregistrée : que faire ensuite (en ligne ou par courrier)',
  variables: {
    ...candidat,
    lien: VARIABLES.lienCandidature,
    demat: { description: 'Vrai quand les pièces se déposent en ligne, faux quand le dossier part par courrier', exemple: true },
    dateRetour: { description: 'Date limite de retour du dossier', exemple: '10/04/2027' },
    adresse: { description: 'Adresse postale de la commission, sur une ligne', exemple: 'OSUC - SCOLARITE, 1 A rue de la Ferollerie, 45071 ORLEANS CEDEX 2' },
  },
  valeurs: (c, dates) => ({ ...valeursCandidat(c), lien: c.lien, demat: c.demat, dateRetour: dates.jour(c.dateRetour), adresse: c.adresse.join(', ') }),
  textes: {
    fr: {
      sujet: 'Candidature enregistrée : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre candidature à la formation « {{formation}} » est enregistrée (numéro de dossier {{numeroDossier}}).

{{#if demat}}
Déposez vos pièces justificatives en ligne, puis cliquez sur « Transmettre ma candidature » au plus tard le {{dateRetour}}.
{{else}}
Téléchargez votre dossier, imprimez-le et envoyez-le avec les pièces justificatives demandées au plus tard le {{dateRetour}} à l'adresse suivante : {{adresse}}.
{{/if}}

{{lien lien "Suivre ma candidature"}}
`,
    },
    en: {
      sujet: 'Application recorded: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application to the programme "{{formation}}" has been recorded (file number {{numeroDossier}}).

{{#if demat}}
Upload your supporting documents online, then click "Submit my application" by {{dateRetour}} at the latest.
{{else}}
Download your application file, print it and post it with the supporting documents requested by {{dateRetour}} at the latest to the following address: {{adresse}}.
{{/if}}

{{lien lien "Follow my application"}}
`,
    },
  },
});

/** CANDIDATURE_ANNULATION: the candidate cancelled. */
export const candidatureAnnulee = modeleEditable<Concernee>({
  code: 'CANDIDATURE_ANNULATION',
  description: 'Candidature annulée par le candidat',
  variables: candidat,
  valeurs: valeursCandidat,
  textes: {
    fr: {
      sujet: 'Candidature annulée : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre candidature à la formation « {{formation}} » est annulée (numéro de dossier {{numeroDossier}}). Cette annulation est définitive ; vous pouvez candidater de nouveau tant que la période de dépôt des vœux est ouverte.
`,
    },
    en: {
      sujet: 'Application cancelled: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application to the programme "{{formation}}" has been cancelled (file number {{numeroDossier}}). This cancellation is final; you may apply again as long as the application period is open.
`,
    },
  },
});

/** STATUT_RE after « Transmettre ma candidature »: the file reached the commission. Its own template, under its own code. */
export const candidatureTransmise = modeleEditable<Concernee>({
  code: 'CANDIDATURE_TRANSMISSION',
  description: 'Candidature transmise par le candidat (envoyé sous le code STATUT_RE)',
  variables: candidat,
  valeurs: valeursCandidat,
  textes: {
    fr: {
      sujet: 'Candidature transmise : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre candidature à la formation « {{formation}} » a été transmise à la commission, qui l'a réceptionnée (numéro de dossier {{numeroDossier}}).

Vos pièces justificatives ne sont plus modifiables ; vous serez informé(e) par e-mail de la suite donnée à votre dossier.
`,
    },
    en: {
      sujet: 'Application submitted: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application to the programme "{{formation}}" has been submitted to the admissions committee, which has received it (file number {{numeroDossier}}).

Your supporting documents can no longer be changed; you will be informed by e-mail of the outcome of your application.
`,
    },
  },
});

/** CANDIDATURE_RELANCE_RETOUR: the return date approaches and the candidate has not transmitted (job relance-retour). */
export const relanceRetour = modeleEditable<Concernee & { dateRetour: string; lien: string }>({
  code: 'CANDIDATURE_RELANCE_RETOUR',
  description: "Rappel : la date limite de retour approche et la candidature n'est pas transmise",
  variables: { ...candidat, lien: VARIABLES.lienCandidature, dateRetour: { description: 'Date limite de retour du dossier', exemple: '10/04/2027' } },
  valeurs: (c, dates) => ({ ...valeursCandidat(c), lien: c.lien, dateRetour: dates.jour(c.dateRetour) }),
  textes: {
    fr: {
      sujet: 'Rappel : transmettez votre candidature avant le {{dateRetour}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre candidature à la formation « {{formation}} » (numéro de dossier {{numeroDossier}}) n'est pas encore transmise.

Complétez vos pièces justificatives puis cliquez sur « Transmettre ma candidature » au plus tard le {{dateRetour}} : passé cette date, elle ne pourra plus être transmise.

{{lien lien "Suivre ma candidature"}}
`,
    },
    en: {
      sujet: 'Reminder: submit your application by {{dateRetour}}',
      corps: `Dear {{prenom}} {{nom}},

Your application to the programme "{{formation}}" (file number {{numeroDossier}}) has not been submitted yet.

Complete your supporting documents, then click "Submit my application" by {{dateRetour}} at the latest: after that date it can no longer be submitted.

{{lien lien "Follow my application"}}
`,
    },
  },
});

/** COMMISSION_ALERT_TRANSMISSION: a candidate transmitted their candidature (sent in French, to the commission). */
export const alerteTransmission = modeleEditable<Concernee>({
  code: 'COMMISSION_ALERT_TRANSMISSION',
  description: 'Alerte à la commission : candidature transmise',
  variables: candidat,
  valeurs: valeursCandidat,
  textes: {
    fr: {
      sujet: '[Alerte] Candidature transmise : {{formation}}',
      corps: `Bonjour,

{{prenom}} {{nom}} (numéro de dossier {{numeroDossier}}) a transmis sa candidature à la formation « {{formation}} ».
`,
    },
    en: {
      sujet: '[Alert] Application submitted: {{formation}}',
      corps: `Hello,

{{prenom}} {{nom}} (file number {{numeroDossier}}) submitted their application to the programme "{{formation}}".
`,
    },
  },
});

/** COMMISSION_ALERT_ANNULATION: a candidate cancelled their candidature (sent in French, to the commission). */
export const alerteAnnulation = modeleEditable<Concernee>({
  code: 'COMMISSION_ALERT_ANNULATION',
  description: 'Alerte à la commission : candidature annulée',
  variables: candidat,
  valeurs: valeursCandidat,
  textes: {
    fr: {
      sujet: '[Alerte] Candidature annulée : {{formation}}',
      corps: `Bonjour,

{{prenom}} {{nom}} (numéro de dossier {{numeroDossier}}) a annulé sa candidature à la formation « {{formation}} ».
`,
    },
    en: {
      sujet: '[Alert] Application cancelled: {{formation}}',
      corps: `Hello,

{{prenom}} {{nom}} (file number {{numeroDossier}}) cancelled their application to the programme "{{formation}}".
`,
    },
  },
});

/** COMMISSION_ALERT_PROPOSITION: staff created a candidature for a candidate, a proposition (sent in French, to the commission). */
export const alerteProposition = modeleEditable<Concernee>({
  code: 'COMMISSION_ALERT_PROPOSITION',
  description: 'Alerte à la commission : proposition de candidature faite par la scolarité',
  variables: candidat,
  valeurs: valeursCandidat,
  textes: {
    fr: {
      sujet: '[Alerte] Proposition de candidature : {{formation}}',
      corps: `Bonjour,

La scolarité a proposé à {{prenom}} {{nom}} (numéro de dossier {{numeroDossier}}) une candidature à la formation « {{formation}} ». Le dossier est complet et un avis favorable attend votre validation.
`,
    },
    en: {
      sujet: '[Alert] Application proposed: {{formation}}',
      corps: `Hello,

The registrar's office proposed to {{prenom}} {{nom}} (file number {{numeroDossier}}) an application to the programme "{{formation}}". The file is complete and a favourable decision awaits your validation.
`,
    },
  },
});

/** COMMISSION_ALERT_TRANSMISSION, COMMISSION_ALERT_ANNULATION and COMMISSION_ALERT_PROPOSITION: what happened to a candidature, for the commission. */
export const alerteCommission = (d: Concernee & { evenement: 'transmission' | 'annulation' | 'proposition'; langue: Langue }) =>
  ({ transmission: alerteTransmission, annulation: alerteAnnulation, proposition: alerteProposition })[d.evenement](d);

/** The candidate, the formation and the follow link: what the mails of staff's actions for the candidate say. */
const avecLien = {
  variables: { ...candidat, lien: VARIABLES.lienCandidature },
  valeurs: (c: Concernee & { lien: string }) => ({ ...valeursCandidat(c), lien: c.lien }),
};

/** CANDIDATURE_PROPOSITION: staff created a candidature for the candidate (a proposition, outside the window or the maximum). */
export const candidatureProposee = modeleEditable<Concernee & { lien: string }>({
  code: 'CANDIDATURE_PROPOSITION',
  description: 'Proposition : la scolarité a enregistré une candidature pour le candidat',
  ...avecLien,
  textes: {
    fr: {
      sujet: 'Proposition de candidature : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

La scolarité a enregistré pour vous une candidature à la formation « {{formation}} » (numéro de dossier {{numeroDossier}}). Votre dossier est complet : vous serez informé(e) par e-mail de la décision de la commission.

{{lien lien "Suivre ma candidature"}}
`,
    },
    en: {
      sujet: 'Application proposed: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

The registrar's office has recorded an application to the programme "{{formation}}" for you (file number {{numeroDossier}}). Your file is complete: you will be informed by e-mail of the committee's decision.

{{lien lien "Follow my application"}}
`,
    },
  },
});

/** CANDIDATURE_RESTAURATION: staff restored a cancelled candidature. */
export const candidatureRestauree = modeleEditable<Concernee & { lien: string }>({
  code: 'CANDIDATURE_RESTAURATION',
  description: 'Candidature annulée restaurée par la scolarité',
  ...avecLien,
  textes: {
    fr: {
      sujet: 'Candidature restaurée : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre candidature à la formation « {{formation}} », qui avait été annulée, est de nouveau active (numéro de dossier {{numeroDossier}}). Vérifiez vos pièces justificatives en ligne.

{{lien lien "Suivre ma candidature"}}
`,
    },
    en: {
      sujet: 'Application restored: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application to the programme "{{formation}}", which had been cancelled, is active again (file number {{numeroDossier}}). Check your supporting documents online.

{{lien lien "Follow my application"}}
`,
    },
  },
});
