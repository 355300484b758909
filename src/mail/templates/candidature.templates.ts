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

/** COMMISSION_ALERT_TRANSMISSION and COMMISSION_ALERT_ANNULATION: what a candidate did, for the commission. */
export const alerteCommission = (d: Concernee & { evenement: 'transmission' | 'annulation'; langue: Langue }) =>
  (d.evenement === 'transmission' ? alerteTransmission : alerteAnnulation)(d);
