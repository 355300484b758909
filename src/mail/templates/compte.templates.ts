import { VARIABLES, modeleEditable } from '../modeles/modele-editable';
import { VariableModele } from '../modeles/moteur';

interface Destinataire {
  prenom: string;
  nom: string;
}

type Lien = Destinataire & { numeroDossier: string; lien: string; avant: Date };

const { prenom, nom, numeroDossier } = VARIABLES;
const avant = { description: 'Date et heure limites du lien (heure de Paris)', exemple: '27 novembre 2026 à 19:00' } satisfies VariableModele;
const lienIdentifiantsOublies = { description: "Adresse de la page « J'ai oublié mes identifiants »", exemple: 'https://candidatures.univ.fr/comptes/identifiants-oublies' } satisfies VariableModele;
/** A link with a token: the variables of the four mails that carry one. */
const variablesLien = (lien: string) => ({ prenom, nom, numeroDossier, lien: { description: lien, exemple: 'https://candidatures.univ.fr/comptes/activation?token=exemple' }, avant });
const valeursLien = (c: Lien, dates: { instant(d: Date): string }) => ({ prenom: c.prenom, nom: c.nom, numeroDossier: c.numeroDossier, lien: c.lien, avant: dates.instant(c.avant) });

/** CPT_MIN_CREATE: the account exists; activate it before the deadline. */
export const compteCree = modeleEditable<Lien>({
  code: 'CPT_MIN_CREATE',
  description: 'Compte candidat créé : lien d\'activation',
  variables: variablesLien("Adresse du lien d'activation du compte"),
  valeurs: valeursLien,
  textes: {
    fr: {
      sujet: 'Création de votre compte candidat',
      corps: `Bonjour {{prenom}} {{nom}},

Votre compte candidat a été créé. Votre numéro de dossier, qui vous sert d'identifiant, est : {{numeroDossier}}

Pour l'activer, suivez ce lien avant le {{avant}} ; passé ce délai, le compte sera supprimé.

{{lien lien "Activer mon compte"}}

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
`,
    },
    en: {
      sujet: 'Your applicant account has been created',
      corps: `Dear {{prenom}} {{nom}},

Your applicant account has been created. Your file number, which is your login, is: {{numeroDossier}}

To activate it, follow this link before {{avant}}; after that, the account will be deleted.

{{lien lien "Activate my account"}}

If you did not make this request, please ignore this message.
`,
    },
  },
});

/** CPT_MIN_EXISTANT, sent instead of CPT_MIN_CREATE when the address already has an account: the form answers the same either way. */
export const compteExistant = modeleEditable<{ lienIdentifiantsOublies: string }>({
  code: 'CPT_MIN_EXISTANT',
  description: 'Création de compte demandée pour une adresse qui a déjà un compte',
  variables: { lienIdentifiantsOublies },
  valeurs: (c) => ({ lienIdentifiantsOublies: c.lienIdentifiantsOublies }),
  textes: {
    fr: {
      sujet: 'Demande de création de compte candidat',
      corps: `Bonjour,

Une demande de création de compte candidat a été faite avec cette adresse, mais un compte existe déjà pour elle dans la campagne en cours.

Si vous avez oublié votre numéro de dossier ou votre mot de passe, utilisez « J'ai oublié mes identifiants » :

{{lien lienIdentifiantsOublies "J'ai oublié mes identifiants"}}

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
`,
    },
    en: {
      sujet: 'Request to create an applicant account',
      corps: `Hello,

Someone asked to create an applicant account with this address, but this address already has an account in the current campaign.

If you have forgotten your file number or your password, use "I forgot my login details":

{{lien lienIdentifiantsOublies "I forgot my login details"}}

If you did not make this request, please ignore this message.
`,
    },
  },
});

/**
 * CPT_MIN_MOD_MAIL_EXISTANT, to an address another account asked to take: sent instead of the validation link, so the
 * e-mail change answers the same whether or not the address has an account. Nothing changes on either account.
 */
export const adresseDejaUtilisee = modeleEditable<Destinataire & { lienIdentifiantsOublies: string }>({
  code: 'CPT_MIN_MOD_MAIL_EXISTANT',
  description: "Un autre compte a demandé à prendre l'adresse de ce compte",
  variables: { prenom, nom, lienIdentifiantsOublies },
  valeurs: (c) => ({ prenom: c.prenom, nom: c.nom, lienIdentifiantsOublies: c.lienIdentifiantsOublies }),
  textes: {
    fr: {
      sujet: "Demande de changement d'adresse e-mail vers la vôtre",
      corps: `Bonjour {{prenom}} {{nom}},

Le titulaire d'un autre compte candidat a demandé que cette adresse devienne la sienne. Elle est déjà celle de votre compte : rien n'a changé, ni pour vous ni pour lui.

Si vous avez oublié votre numéro de dossier ou votre mot de passe, utilisez « J'ai oublié mes identifiants » :

{{lien lienIdentifiantsOublies "J'ai oublié mes identifiants"}}

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
`,
    },
    en: {
      sujet: 'Request to move another account to your e-mail address',
      corps: `Dear {{prenom}} {{nom}},

The holder of another applicant account asked for this address to become theirs. It is already the address of your account: nothing has changed, for you or for them.

If you have forgotten your file number or your password, use "I forgot my login details":

{{lien lienIdentifiantsOublies "I forgot my login details"}}

If you did not make this request, please ignore this message.
`,
    },
  },
});

/** CPT_MIN_LIEN_VALID_OUBLIE: a new activation link; the deadline does not move. */
export const nouveauLienActivation = modeleEditable<Lien>({
  code: 'CPT_MIN_LIEN_VALID_OUBLIE',
  description: "Nouveau lien d'activation du compte",
  variables: variablesLien("Adresse du nouveau lien d'activation"),
  valeurs: valeursLien,
  textes: {
    fr: {
      sujet: "Nouveau lien d'activation de votre compte candidat",
      corps: `Bonjour {{prenom}} {{nom}},

Voici un nouveau lien pour activer votre compte (numéro de dossier {{numeroDossier}}). Les liens envoyés auparavant ne fonctionnent plus.

Activez votre compte avant le {{avant}} ; passé ce délai, il sera supprimé.

{{lien lien "Activer mon compte"}}
`,
    },
    en: {
      sujet: 'New activation link for your applicant account',
      corps: `Dear {{prenom}} {{nom}},

Here is a new link to activate your account (file number {{numeroDossier}}). Links sent before no longer work.

Activate your account before {{avant}}; after that, it will be deleted.

{{lien lien "Activate my account"}}
`,
    },
  },
});

/** CPT_MIN_MDP_OUBLIE: the numéro de dossier and a link to choose a new password. */
export const identifiantsOublies = modeleEditable<Lien>({
  code: 'CPT_MIN_MDP_OUBLIE',
  description: 'Identifiants oubliés : numéro de dossier et lien pour choisir un nouveau mot de passe',
  variables: variablesLien('Adresse du lien pour choisir un nouveau mot de passe'),
  valeurs: valeursLien,
  textes: {
    fr: {
      sujet: 'Vos identifiants de candidat',
      corps: `Bonjour {{prenom}} {{nom}},

Votre numéro de dossier, qui vous sert d'identifiant, est : {{numeroDossier}}

Pour choisir un nouveau mot de passe, suivez ce lien avant le {{avant}} ; il ne sert qu'une fois.

{{lien lien "Choisir un nouveau mot de passe"}}

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.
`,
    },
    en: {
      sujet: 'Your applicant login details',
      corps: `Dear {{prenom}} {{nom}},

Your file number, which is your login, is: {{numeroDossier}}

To choose a new password, follow this link before {{avant}}; it works only once.

{{lien lien "Choose a new password"}}

If you did not make this request, please ignore this message: your current password remains valid.
`,
    },
  },
});

/** CPT_MIN_MOD_MAIL: to the new address, the link that validates it. */
export const validationNouvelEmail = modeleEditable<Lien>({
  code: 'CPT_MIN_MOD_MAIL',
  description: 'Lien de validation de la nouvelle adresse e-mail',
  variables: variablesLien('Adresse du lien de validation de la nouvelle adresse'),
  valeurs: valeursLien,
  textes: {
    fr: {
      sujet: 'Validation de votre nouvelle adresse e-mail',
      corps: `Bonjour {{prenom}} {{nom}},

Vous avez demandé que cette adresse devienne celle de votre compte candidat (numéro de dossier {{numeroDossier}}).

Pour la valider, suivez ce lien avant le {{avant}}. Vous pourrez ensuite vous reconnecter.

{{lien lien "Valider ma nouvelle adresse"}}

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
`,
    },
    en: {
      sujet: 'Confirm your new e-mail address',
      corps: `Dear {{prenom}} {{nom}},

You asked for this address to become the address of your applicant account (file number {{numeroDossier}}).

To confirm it, follow this link before {{avant}}. You can then log in again.

{{lien lien "Confirm my new address"}}

If you did not make this request, please ignore this message.
`,
    },
  },
});

/** CPT_MIN_MOD_MAIL_INFO, to the old address when an e-mail change is asked: the owner hears of it even if the account was taken over. */
export const changementEmailDemande = modeleEditable<Destinataire & { numeroDossier: string; nouvelEmail: string; lienIdentifiantsOublies: string }>({
  code: 'CPT_MIN_MOD_MAIL_INFO',
  description: "Changement d'adresse e-mail demandé (à l'ancienne adresse)",
  variables: { prenom, nom, numeroDossier, nouvelEmail: { description: 'Nouvelle adresse e-mail demandée', exemple: 'camille.martin@example.org' }, lienIdentifiantsOublies },
  valeurs: (c) => ({ prenom: c.prenom, nom: c.nom, numeroDossier: c.numeroDossier, nouvelEmail: c.nouvelEmail, lienIdentifiantsOublies: c.lienIdentifiantsOublies }),
  textes: {
    fr: {
      sujet: "Changement de l'adresse e-mail de votre compte candidat",
      corps: `Bonjour {{prenom}} {{nom}},

Un changement d'adresse e-mail a été demandé pour votre compte candidat (numéro de dossier {{numeroDossier}}) : la nouvelle adresse serait {{nouvelEmail}}. Elle remplacera celle-ci quand le lien qui lui a été envoyé aura été suivi.

Si vous n'êtes pas à l'origine de cette demande, choisissez sans attendre un nouveau mot de passe avec « J'ai oublié mes identifiants » : cela annule le changement d'adresse.

{{lien lienIdentifiantsOublies "J'ai oublié mes identifiants"}}
`,
    },
    en: {
      sujet: 'Change of the e-mail address of your applicant account',
      corps: `Dear {{prenom}} {{nom}},

A change of e-mail address was requested for your applicant account (file number {{numeroDossier}}): the new address would be {{nouvelEmail}}. It will replace this one once the link sent to it has been followed.

If you did not make this request, choose a new password at once with "I forgot my login details": this cancels the change of address.

{{lien lienIdentifiantsOublies "I forgot my login details"}}
`,
    },
  },
});

/** CPT_SUPPR: sent to the candidate whose account staff erased at their request (RGPD art. 17). */
export const compteEfface = modeleEditable<Destinataire & { numeroDossier: string }>({
  code: 'CPT_SUPPR',
  description: 'Compte candidat supprimé à la demande du candidat',
  variables: { prenom, nom, numeroDossier },
  valeurs: (c) => ({ prenom: c.prenom, nom: c.nom, numeroDossier: c.numeroDossier }),
  textes: {
    fr: {
      sujet: 'Suppression de votre compte candidat',
      corps: `Bonjour {{prenom}} {{nom}},

À votre demande, votre compte candidat {{numeroDossier}} a été supprimé, avec votre dossier, vos candidatures, vos pièces justificatives et l'historique de vos mails.

Ce numéro de dossier ne sera jamais réattribué. Si vous souhaitez candidater de nouveau, créez un nouveau compte.
`,
    },
    en: {
      sujet: 'Your applicant account has been deleted',
      corps: `Dear {{prenom}} {{nom}},

As you requested, your applicant account {{numeroDossier}} has been deleted, with your file, your applications, your supporting documents and the history of your mails.

This file number will never be given again. To apply again, create a new account.
`,
    },
  },
});
