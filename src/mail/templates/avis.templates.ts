import { FormatsDates } from '../../common/i18n/dates';
import { Langue } from '../../common/i18n/langue';
import { VARIABLES, modeleEditable } from '../modeles/modele-editable';
import { VariableModele } from '../modeles/moteur';

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

const { prenom, nom, numeroDossier, formation } = VARIABLES;
const candidature = { prenom, nom, numeroDossier, formation, lien: VARIABLES.lienCandidature };
const valeursCandidature = (d: SansCommentaire) => ({ prenom: d.prenom, nom: d.nom, numeroDossier: d.numeroDossier, formation: d.formation, lien: d.lien });
const decision = {
  ...candidature,
  decision: { description: "Libellé du type de décision que l'établissement a défini (vide pour le type par défaut de la famille)", exemple: 'Avis favorable sous réserve' } satisfies VariableModele,
  commentaire: { description: 'Commentaire de la commission, quand elle le rend visible (sinon vide)', exemple: 'Très bon dossier' } satisfies VariableModele,
};
const valeursDecision = (d: Decision) => ({ ...valeursCandidature(d), decision: d.decision ?? null, commentaire: d.commentaire });
const dateConfirmation = { description: 'Date limite de confirmation (vide quand il n\'y en a pas)', exemple: '20/04/2027' } satisfies VariableModele;
const jourOuVide = (date: string | null, dates: FormatsDates) => (date ? dates.jour(date) : null);

/** The type de décision the institution defined, the comment the commission made visible, then the link. */
const SUITE = {
  fr: `{{#if decision}}
Décision de la commission : {{decision}}

{{/if}}
{{#if commentaire}}
Commentaire de la commission : {{commentaire}}
{{/if}}

{{lien lien "Voir ma candidature"}}
`,
  en: `{{#if decision}}
Decision of the admissions committee: {{decision}}

{{/if}}
{{#if commentaire}}
Comment from the admissions committee: {{commentaire}}
{{/if}}

{{lien lien "View my application"}}
`,
};
const REPONDRE_AVANT = {
  fr: '{{#if dateConfirmation}}Confirmez votre candidature, ou désistez-vous, au plus tard le {{dateConfirmation}} : passé cette date, vous serez considéré(e) comme désisté(e).{{else}}Confirmez votre candidature, ou désistez-vous, depuis votre espace candidat.{{/if}}',
  en: '{{#if dateConfirmation}}Confirm your application, or withdraw, by {{dateConfirmation}} at the latest: after that date, you will be considered to have withdrawn.{{else}}Confirm your application, or withdraw, from your applicant space.{{/if}}',
};

/** AVIS_FAVORABLE: admitted; confirm before the deadline, or withdraw. */
export const avisFavorable = modeleEditable<Decision & { dateConfirmation: string | null }>({
  code: 'AVIS_FAVORABLE',
  description: 'Avis favorable : confirmer ou se désister avant la date limite',
  variables: { ...decision, dateConfirmation },
  valeurs: (d, dates) => ({ ...valeursDecision(d), dateConfirmation: jourOuVide(d.dateConfirmation, dates) }),
  textes: {
    fr: {
      sujet: 'Avis favorable : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

La commission a émis un avis favorable à votre candidature à la formation « {{formation}} » (numéro de dossier {{numeroDossier}}).

${REPONDRE_AVANT.fr}

${SUITE.fr}`,
    },
    en: {
      sujet: 'Offer of admission: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

The admissions committee has given a favourable decision on your application to the programme "{{formation}}" (file number {{numeroDossier}}).

${REPONDRE_AVANT.en}

${SUITE.en}`,
    },
  },
});

/** AVIS_DEFAVORABLE, with its motif. */
export const avisDefavorable = modeleEditable<Decision & { motif: string }>({
  code: 'AVIS_DEFAVORABLE',
  description: 'Avis défavorable, avec son motif',
  variables: { ...decision, motif: { description: "Motif de l'avis défavorable", exemple: 'Capacité d\'accueil atteinte' } },
  valeurs: (d) => ({ ...valeursDecision(d), motif: d.motif }),
  textes: {
    fr: {
      sujet: 'Avis défavorable : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

La commission a émis un avis défavorable à votre candidature à la formation « {{formation}} » (numéro de dossier {{numeroDossier}}).

Motif : {{motif}}

${SUITE.fr}`,
    },
    en: {
      sujet: 'Unfavourable decision: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

The admissions committee has given an unfavourable decision on your application to the programme "{{formation}}" (file number {{numeroDossier}}).

Reason: {{motif}}

${SUITE.en}`,
    },
  },
});

/** AVIS_LISTE_COMP, with the rank. */
export const avisListeComplementaire = modeleEditable<Decision & { rang: number }>({
  code: 'AVIS_LISTE_COMP',
  description: 'Inscription sur liste complémentaire, avec le rang',
  variables: { ...decision, rang: { description: 'Rang sur la liste complémentaire', exemple: '4' } },
  valeurs: (d) => ({ ...valeursDecision(d), rang: String(d.rang) }),
  textes: {
    fr: {
      sujet: 'Liste complémentaire : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre candidature à la formation « {{formation}} » (numéro de dossier {{numeroDossier}}) est inscrite sur liste complémentaire, au rang {{rang}}.

Si des candidats admis se désistent, vous pourrez être admis(e) : vous en serez informé(e) par e-mail.

${SUITE.fr}`,
    },
    en: {
      sujet: 'Waiting list: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application to the programme "{{formation}}" (file number {{numeroDossier}}) is on the waiting list, in position {{rang}}.

If admitted applicants withdraw, you may be admitted: you will be informed by e-mail.

${SUITE.en}`,
    },
  },
});

/** AVIS_LISTE_ATT. */
export const avisListeAttente = modeleEditable<Decision>({
  code: 'AVIS_LISTE_ATT',
  description: "Candidature placée sur liste d'attente",
  variables: decision,
  valeurs: valeursDecision,
  textes: {
    fr: {
      sujet: "Liste d'attente : {{formation}}",
      corps: `Bonjour {{prenom}} {{nom}},

Votre candidature à la formation « {{formation}} » (numéro de dossier {{numeroDossier}}) est placée sur liste d'attente.

${SUITE.fr}`,
    },
    en: {
      sujet: 'Decision pending: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application to the programme "{{formation}}" (file number {{numeroDossier}}) has been put on hold; the admissions committee will decide later.

${SUITE.en}`,
    },
  },
});

/** AVIS_PRESELECTION: the convocation. */
export const avisPreselection = modeleEditable<Decision & { date: string; heure: string; lieu: string }>({
  code: 'AVIS_PRESELECTION',
  description: 'Présélection : la convocation (date, heure, lieu)',
  variables: {
    ...decision,
    date: { description: 'Date de la convocation', exemple: '02/05/2027' },
    heure: { description: 'Heure de la convocation (heure de Paris)', exemple: '09:30' },
    lieu: { description: 'Lieu de la convocation', exemple: 'Amphithéâtre A' },
  },
  valeurs: (d, dates) => ({ ...valeursDecision(d), date: dates.jour(d.date), heure: d.heure, lieu: d.lieu }),
  textes: {
    fr: {
      sujet: 'Présélection : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre candidature à la formation « {{formation}} » (numéro de dossier {{numeroDossier}}) est présélectionnée.

Vous êtes convoqué(e) le {{date}} à {{heure}}, {{lieu}}.

${SUITE.fr}`,
    },
    en: {
      sujet: 'Shortlisted: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application to the programme "{{formation}}" (file number {{numeroDossier}}) has been shortlisted.

You are invited to attend on {{date}} at {{heure}} (Paris time), {{lieu}}.

${SUITE.en}`,
    },
  },
});

/** CANDIDATURE_CONFIRM: the candidate confirmed; the OPI code for the administrative registration. */
export const confirmation = modeleEditable<SansCommentaire & { codeOpi?: string | null }>({
  code: 'CANDIDATURE_CONFIRM',
  description: "Confirmation d'inscription par le candidat, avec son code OPI",
  variables: { ...candidature, codeOpi: { description: "Code d'inscription (OPI)", exemple: 'EC0WBZPM9X' } },
  valeurs: (d) => ({ ...valeursCandidature(d), codeOpi: d.codeOpi ?? '' }),
  textes: {
    fr: {
      sujet: "Confirmation d'inscription : {{formation}}",
      corps: `Bonjour {{prenom}} {{nom}},

Vous avez confirmé votre candidature à la formation « {{formation}} ». Votre code d'inscription (OPI) est {{codeOpi}} : il vous sera demandé pour votre inscription administrative. (numéro de dossier {{numeroDossier}})

{{lien lien "Voir ma candidature"}}
`,
    },
    en: {
      sujet: 'Enrolment confirmed: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

You have confirmed your application to the programme "{{formation}}". Your registration code (OPI) is {{codeOpi}}: you will be asked for it when you register. (file number {{numeroDossier}})

{{lien lien "View my application"}}
`,
    },
  },
});

/** CANDIDATURE_DESIST: the candidate withdrew. */
export const desistement = modeleEditable<SansCommentaire>({
  code: 'CANDIDATURE_DESIST',
  description: 'Désistement du candidat',
  variables: candidature,
  valeurs: valeursCandidature,
  textes: {
    fr: {
      sujet: 'Désistement : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Vous vous êtes désisté(e) de la formation « {{formation}} ». Ce désistement est définitif. (numéro de dossier {{numeroDossier}})

{{lien lien "Voir ma candidature"}}
`,
    },
    en: {
      sujet: 'Withdrawal: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

You have withdrawn from the programme "{{formation}}". This withdrawal is final. (file number {{numeroDossier}})

{{lien lien "View my application"}}
`,
    },
  },
});

/** CANDIDATURE_DESIST_AUTO: no answer before the deadline. */
export const desistementAutomatique = modeleEditable<SansCommentaire>({
  code: 'CANDIDATURE_DESIST_AUTO',
  description: 'Désistement automatique faute de confirmation avant la date limite',
  variables: candidature,
  valeurs: valeursCandidature,
  textes: {
    fr: {
      sujet: 'Désistement automatique : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Vous n'avez pas confirmé votre candidature à la formation « {{formation}} » avant la date limite : vous êtes considéré(e) comme désisté(e). (numéro de dossier {{numeroDossier}})

{{lien lien "Voir ma candidature"}}
`,
    },
    en: {
      sujet: 'Automatic withdrawal: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

You did not confirm your application to the programme "{{formation}}" before the deadline: you are considered to have withdrawn. (file number {{numeroDossier}})

{{lien lien "View my application"}}
`,
    },
  },
});

type Reponse = 'confirmation' | 'desistement' | 'desistementAuto';

/** CANDIDATURE_CONFIRM, CANDIDATURE_DESIST, CANDIDATURE_DESIST_AUTO: the candidate's answer to a favourable decision. */
export const reponseCandidat = (d: SansCommentaire & { reponse: Reponse; codeOpi?: string | null; langue: Langue }) =>
  ({ confirmation, desistement, desistementAuto: desistementAutomatique })[d.reponse](d);

/** CANDIDATURE_RELANCE_FAVO: the confirmation deadline is near. */
export const relanceConfirmation = modeleEditable<SansCommentaire & { dateConfirmation: string }>({
  code: 'CANDIDATURE_RELANCE_FAVO',
  description: 'Rappel : la date limite de confirmation approche',
  variables: { ...candidature, dateConfirmation: { description: 'Date limite de confirmation', exemple: '20/04/2027' } },
  valeurs: (d, dates) => ({ ...valeursCandidature(d), dateConfirmation: dates.jour(d.dateConfirmation) }),
  textes: {
    fr: {
      sujet: 'Rappel : confirmez votre candidature avant le {{dateConfirmation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Vous avez reçu un avis favorable pour la formation « {{formation}} » (numéro de dossier {{numeroDossier}}) et n'avez pas encore répondu.

${REPONDRE_AVANT.fr}

{{lien lien "Répondre"}}
`,
    },
    en: {
      sujet: 'Reminder: confirm your application by {{dateConfirmation}}',
      corps: `Dear {{prenom}} {{nom}},

You have received a favourable decision for the programme "{{formation}}" (file number {{numeroDossier}}) and have not answered yet.

${REPONDRE_AVANT.en}

{{lien lien "Answer"}}
`,
    },
  },
});

type Alerte = { prenom: string; nom: string; numeroDossier: string; formation: string };
const alerte = { prenom, nom, numeroDossier, formation };
const valeursAlerte = (d: Alerte) => ({ prenom: d.prenom, nom: d.nom, numeroDossier: d.numeroDossier, formation: d.formation });

/** COMMISSION_ALERT_DESISTEMENT (sent in French, to the commission). */
export const alerteDesistement = modeleEditable<Alerte>({
  code: 'COMMISSION_ALERT_DESISTEMENT',
  description: "Alerte à la commission : désistement d'un candidat admis",
  variables: alerte,
  valeurs: valeursAlerte,
  textes: {
    fr: {
      sujet: '[Alerte] Désistement : {{formation}}',
      corps: `Bonjour,

{{prenom}} {{nom}} (numéro de dossier {{numeroDossier}}) s'est désisté(e) de la formation « {{formation}} ».
`,
    },
    en: {
      sujet: '[Alert] Withdrawal: {{formation}}',
      corps: `Hello,

{{prenom}} {{nom}} (file number {{numeroDossier}}) has withdrawn from the programme "{{formation}}".
`,
    },
  },
});

/** COMMISSION_ALERT_LISTE_PRINC (sent in French, to the commission). */
export const alertePromotion = modeleEditable<Alerte>({
  code: 'COMMISSION_ALERT_LISTE_PRINC',
  description: 'Alerte à la commission : passage de la liste complémentaire à la liste principale',
  variables: alerte,
  valeurs: valeursAlerte,
  textes: {
    fr: {
      sujet: '[Alerte] Promotion depuis la liste complémentaire : {{formation}}',
      corps: `Bonjour,

{{prenom}} {{nom}} (numéro de dossier {{numeroDossier}}) passe de la liste complémentaire à la liste principale de la formation « {{formation}} ».
`,
    },
    en: {
      sujet: '[Alert] Promotion from the waiting list: {{formation}}',
      corps: `Hello,

{{prenom}} {{nom}} (file number {{numeroDossier}}) moves from the waiting list to the list of admitted applicants of the programme "{{formation}}".
`,
    },
  },
});

/** COMMISSION_ALERT_DESISTEMENT and COMMISSION_ALERT_LISTE_PRINC. */
export const alerteDecision = (d: Alerte & { evenement: 'desistement' | 'promotion'; langue: Langue }) => (d.evenement === 'desistement' ? alerteDesistement : alertePromotion)(d);

/** TYPE_TRAIT_AC: the commission will examine the candidature (accès contrôlé). */
export const typeTraitementAccesControle = modeleEditable<SansCommentaire>({
  code: 'TYPE_TRAIT_AC',
  description: 'Candidature examinée par la commission (accès contrôlé)',
  variables: candidature,
  valeurs: valeursCandidature,
  textes: {
    fr: {
      sujet: 'Examen de votre candidature : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Votre candidature à la formation « {{formation}} » sera examinée par la commission (accès contrôlé) : vous serez informé(e) de sa décision par e-mail. (numéro de dossier {{numeroDossier}})

{{lien lien "Voir ma candidature"}}
`,
    },
    en: {
      sujet: 'Examination of your application: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

Your application to the programme "{{formation}}" will be examined by the admissions committee (selective admission): you will be informed of its decision by e-mail. (file number {{numeroDossier}})

{{lien lien "View my application"}}
`,
    },
  },
});

/** TYPE_TRAIT_ATT: how the candidature will be examined is not decided yet. */
export const typeTraitementEnAttente = modeleEditable<SansCommentaire>({
  code: 'TYPE_TRAIT_ATT',
  description: "Mode d'examen de la candidature pas encore arrêté",
  variables: candidature,
  valeurs: valeursCandidature,
  textes: {
    fr: {
      sujet: 'Examen de votre candidature : {{formation}}',
      corps: `Bonjour {{prenom}} {{nom}},

Le mode d'examen de votre candidature à la formation « {{formation}} » n'est pas encore arrêté : vous en serez informé(e) par e-mail. (numéro de dossier {{numeroDossier}})

{{lien lien "Voir ma candidature"}}
`,
    },
    en: {
      sujet: 'Examination of your application: {{formation}}',
      corps: `Dear {{prenom}} {{nom}},

How your application to the programme "{{formation}}" will be examined has not been decided yet: you will be informed by e-mail. (file number {{numeroDossier}})

{{lien lien "View my application"}}
`,
    },
  },
});

/** TYPE_TRAIT_AC and TYPE_TRAIT_ATT: how the candidature will be examined. */
export const typeTraitement = (d: SansCommentaire & { type: 'AC' | 'AT'; langue: Langue }) => (d.type === 'AC' ? typeTraitementAccesControle : typeTraitementEnAttente)(d);
