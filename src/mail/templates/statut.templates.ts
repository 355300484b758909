import { FormatsDates } from '../../common/i18n/dates';
import { VARIABLES, modeleEditable } from '../modeles/modele-editable';

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

const { prenom, nom, numeroDossier, formation } = VARIABLES;
const dossier = { prenom, nom, numeroDossier, formation, lien: VARIABLES.lienCandidature };
const valeursDossier = (d: Dossier, dates: FormatsDates) => ({ prenom: d.prenom, nom: d.nom, numeroDossier: d.numeroDossier, formation: d.formation, lien: d.lien, date: dates.jour(d.date) });
const date = (description: string) => ({ description, exemple: '02/04/2027' });

/** STATUT_AT: the file is back to « en attente » (not received yet, or to be processed again). */
export const statutEnAttente = modeleEditable<Dossier>({
  code: 'STATUT_AT',
  description: 'Dossier de nouveau en attente de réception',
  variables: { ...dossier, date: date('Date du changement de statut') },
  valeurs: valeursDossier,
  textes: {
    fr: {
      sujet: 'Dossier en attente : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre dossier de candidature à la formation « {{formation}} » (numéro de dossier {{numeroDossier}}) est de nouveau en attente de réception par la commission.

{{lien lien "Suivre ma candidature"}}
`,
    },
    en: {
      sujet: 'Application pending: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application file for the programme "{{formation}}" (file number {{numeroDossier}}) is once again waiting to be received by the admissions committee.

{{lien lien "Follow my application"}}
`,
    },
  },
});

/** STATUT_RE: staff recorded the file's reception. */
export const statutReceptionne = modeleEditable<Dossier>({
  code: 'STATUT_RE',
  description: 'Dossier réceptionné par la scolarité',
  variables: { ...dossier, date: date('Date de réception') },
  valeurs: valeursDossier,
  textes: {
    fr: {
      sujet: 'Dossier réceptionné : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre dossier de candidature à la formation « {{formation}} » (numéro de dossier {{numeroDossier}}) a été réceptionné le {{date}}.

La commission va vérifier vos pièces justificatives ; vous serez informé(e) par e-mail de la suite donnée à votre dossier.

{{lien lien "Suivre ma candidature"}}
`,
    },
    en: {
      sujet: 'Application received: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application file for the programme "{{formation}}" (file number {{numeroDossier}}) was received on {{date}}.

The admissions committee will check your supporting documents; you will be informed by e-mail of the outcome of your application.

{{lien lien "Follow my application"}}
`,
    },
  },
});

/** STATUT_CO: the file is complete; it goes to the commission. */
export const statutComplet = modeleEditable<Dossier>({
  code: 'STATUT_CO',
  description: 'Dossier complet',
  variables: { ...dossier, date: date('Date à laquelle le dossier est complet') },
  valeurs: valeursDossier,
  textes: {
    fr: {
      sujet: 'Dossier complet : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre dossier de candidature à la formation « {{formation}} » (numéro de dossier {{numeroDossier}}) est complet depuis le {{date}}.

Il sera examiné par la commission ; vous serez informé(e) par e-mail de sa décision.

{{lien lien "Suivre ma candidature"}}
`,
    },
    en: {
      sujet: 'Application complete: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application file for the programme "{{formation}}" (file number {{numeroDossier}}) has been complete since {{date}}.

It will be examined by the admissions committee; you will be informed of its decision by e-mail.

{{lien lien "Follow my application"}}
`,
    },
  },
});

type Incomplet = Dossier & { pieces: PieceAFournir[]; dateRetour: string; demat: boolean; adresse: string[] };

/**
 * STATUT_IN: the file is incomplete. Lists each pièce refused (with the staff comment) or missing, and the return
 * deadline; how to complete depends on the mode (online, or by post to the commission).
 */
export const statutIncomplet = modeleEditable<Incomplet>({
  code: 'STATUT_IN',
  description: 'Dossier incomplet : pièces refusées ou manquantes, date limite de retour',
  variables: {
    ...dossier,
    date: date('Date à laquelle le dossier est déclaré incomplet'),
    pieces: {
      description: 'Pièces à fournir',
      exemple: [
        { libelle: 'Relevé de notes', refusee: true, commentaire: 'Illisible' },
        { libelle: 'CV', refusee: false, commentaire: null },
      ],
      elements: { libelle: 'Libellé de la pièce', refusee: 'Vrai quand la pièce a été refusée, faux quand elle manque', commentaire: 'Commentaire de la scolarité (peut être vide)' },
    },
    plusieursPieces: { description: 'Vrai quand plus d\'une pièce est à fournir', exemple: true },
    demat: { description: 'Vrai quand les pièces se déposent en ligne, faux quand elles partent par courrier', exemple: true },
    dateRetour: date('Date limite de retour des pièces'),
    adresse: { description: 'Adresse postale de la commission, sur une ligne', exemple: 'OSUC - SCOLARITE, 1 A rue de la Ferollerie, 45071 ORLEANS CEDEX 2' },
  },
  valeurs: (d, dates) => ({
    ...valeursDossier(d, dates),
    pieces: d.pieces.map((p) => ({ libelle: p.libelle, refusee: p.refusee, commentaire: p.commentaire })),
    plusieursPieces: d.pieces.length > 1,
    demat: d.demat,
    dateRetour: dates.jour(d.dateRetour),
    adresse: d.adresse.join(', '),
  }),
  textes: {
    fr: {
      sujet: 'Dossier incomplet : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre dossier de candidature à la formation « {{formation}} » (numéro de dossier {{numeroDossier}}) a été déclaré incomplet le {{date}}.

{{#if pieces}}
Pièces justificatives à fournir :

{{#each pieces}}
- {{libelle}} : {{#if refusee}}refusée{{else}}manquante{{/if}}{{#if commentaire}} ({{commentaire}}){{/if}}

{{/each}}
{{else}}
Prenez contact avec la commission pour savoir ce qui manque à votre dossier.
{{/if}}

{{#if demat}}Déposez {{#if plusieursPieces}}ces pièces{{else}}cette pièce{{/if}} en ligne, puis cliquez de nouveau sur « Transmettre ma candidature » au plus tard le {{dateRetour}}.{{else}}Envoyez {{#if plusieursPieces}}ces pièces{{else}}les pièces demandées{{/if}} au plus tard le {{dateRetour}} à l'adresse suivante : {{adresse}}.{{/if}} Passé cette date, votre dossier ne pourra plus être complété.

{{lien lien "Suivre ma candidature"}}
`,
    },
    en: {
      sujet: 'Application incomplete: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application file for the programme "{{formation}}" (file number {{numeroDossier}}) was declared incomplete on {{date}}.

{{#if pieces}}
Supporting documents to provide:

{{#each pieces}}
- {{libelle}}: {{#if refusee}}refused{{else}}missing{{/if}}{{#if commentaire}} ({{commentaire}}){{/if}}

{{/each}}
{{else}}
Please contact the admissions committee to find out what is missing from your file.
{{/if}}

{{#if demat}}Upload {{#if plusieursPieces}}these documents{{else}}this document{{/if}} online, then click "Submit my application" again by {{dateRetour}} at the latest.{{else}}Post {{#if plusieursPieces}}these documents{{else}}the documents requested{{/if}} by {{dateRetour}} at the latest to the following address: {{adresse}}.{{/if}} After that date, your file can no longer be completed.

{{lien lien "Follow my application"}}
`,
    },
  },
});
