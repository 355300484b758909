import { modele } from './mail-template';

interface Destinataire {
  prenom: string;
  nom: string;
}

type Lien = Destinataire & { numeroDossier: string; lien: string; avant: Date };

/** CPT_MIN_CREATE: the account exists; activate it before the deadline. */
export const compteCree = modele<Lien>({
  fr: (c, dates) => ({
    sujet: 'Création de votre compte candidat',
    corps: [
      `Bonjour ${c.prenom} ${c.nom},`,
      `Votre compte candidat a été créé. Votre numéro de dossier, qui vous sert d'identifiant, est : ${c.numeroDossier}`,
      `Pour l'activer, suivez ce lien avant le ${dates.instant(c.avant)} ; passé ce délai, le compte sera supprimé.`,
      { lien: c.lien, libelle: 'Activer mon compte' },
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
    ],
  }),
  en: (c, dates) => ({
    sujet: 'Your applicant account has been created',
    corps: [
      `Dear ${c.prenom} ${c.nom},`,
      `Your applicant account has been created. Your file number, which is your login, is: ${c.numeroDossier}`,
      `To activate it, follow this link before ${dates.instant(c.avant)}; after that, the account will be deleted.`,
      { lien: c.lien, libelle: 'Activate my account' },
      'If you did not make this request, please ignore this message.',
    ],
  }),
});

/** CPT_MIN_EXISTANT, sent instead of CPT_MIN_CREATE when the address already has an account: the form answers the same either way. */
export const compteExistant = modele<{ lienIdentifiantsOublies: string }>({
  fr: (c) => ({
    sujet: 'Demande de création de compte candidat',
    corps: [
      'Bonjour,',
      'Une demande de création de compte candidat a été faite avec cette adresse, mais un compte existe déjà pour elle dans la campagne en cours.',
      "Si vous avez oublié votre numéro de dossier ou votre mot de passe, utilisez « J'ai oublié mes identifiants » :",
      { lien: c.lienIdentifiantsOublies, libelle: "J'ai oublié mes identifiants" },
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
    ],
  }),
  en: (c) => ({
    sujet: 'Request to create an applicant account',
    corps: [
      'Hello,',
      'Someone asked to create an applicant account with this address, but this address already has an account in the current campaign.',
      'If you have forgotten your file number or your password, use "I forgot my login details":',
      { lien: c.lienIdentifiantsOublies, libelle: 'I forgot my login details' },
      'If you did not make this request, please ignore this message.',
    ],
  }),
});

/**
 * CPT_MIN_MOD_MAIL_EXISTANT, to an address another account asked to take: sent instead of the validation link, so the
 * e-mail change answers the same whether or not the address has an account. Nothing changes on either account.
 */
export const adresseDejaUtilisee = modele<Destinataire & { lienIdentifiantsOublies: string }>({
  fr: (c) => ({
    sujet: 'Demande de changement d\'adresse e-mail vers la vôtre',
    corps: [
      `Bonjour ${c.prenom} ${c.nom},`,
      "Le titulaire d'un autre compte candidat a demandé que cette adresse devienne la sienne. Elle est déjà celle de votre compte : rien n'a changé, ni pour vous ni pour lui.",
      "Si vous avez oublié votre numéro de dossier ou votre mot de passe, utilisez « J'ai oublié mes identifiants » :",
      { lien: c.lienIdentifiantsOublies, libelle: "J'ai oublié mes identifiants" },
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
    ],
  }),
  en: (c) => ({
    sujet: 'Request to move another account to your e-mail address',
    corps: [
      `Dear ${c.prenom} ${c.nom},`,
      'The holder of another applicant account asked for this address to become theirs. It is already the address of your account: nothing has changed, for you or for them.',
      'If you have forgotten your file number or your password, use "I forgot my login details":',
      { lien: c.lienIdentifiantsOublies, libelle: 'I forgot my login details' },
      'If you did not make this request, please ignore this message.',
    ],
  }),
});

/** CPT_MIN_LIEN_VALID_OUBLIE: a new activation link; the deadline does not move. */
export const nouveauLienActivation = modele<Lien>({
  fr: (c, dates) => ({
    sujet: "Nouveau lien d'activation de votre compte candidat",
    corps: [
      `Bonjour ${c.prenom} ${c.nom},`,
      `Voici un nouveau lien pour activer votre compte (numéro de dossier ${c.numeroDossier}). Les liens envoyés auparavant ne fonctionnent plus.`,
      `Activez votre compte avant le ${dates.instant(c.avant)} ; passé ce délai, il sera supprimé.`,
      { lien: c.lien, libelle: 'Activer mon compte' },
    ],
  }),
  en: (c, dates) => ({
    sujet: 'New activation link for your applicant account',
    corps: [
      `Dear ${c.prenom} ${c.nom},`,
      `Here is a new link to activate your account (file number ${c.numeroDossier}). Links sent before no longer work.`,
      `Activate your account before ${dates.instant(c.avant)}; after that, it will be deleted.`,
      { lien: c.lien, libelle: 'Activate my account' },
    ],
  }),
});

/** CPT_MIN_MDP_OUBLIE: the numéro de dossier and a link to choose a new password. */
export const identifiantsOublies = modele<Lien>({
  fr: (c, dates) => ({
    sujet: 'Vos identifiants de candidat',
    corps: [
      `Bonjour ${c.prenom} ${c.nom},`,
      `Votre numéro de dossier, qui vous sert d'identifiant, est : ${c.numeroDossier}`,
      `Pour choisir un nouveau mot de passe, suivez ce lien avant le ${dates.instant(c.avant)} ; il ne sert qu'une fois.`,
      { lien: c.lien, libelle: 'Choisir un nouveau mot de passe' },
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
    ],
  }),
  en: (c, dates) => ({
    sujet: 'Your applicant login details',
    corps: [
      `Dear ${c.prenom} ${c.nom},`,
      `Your file number, which is your login, is: ${c.numeroDossier}`,
      `To choose a new password, follow this link before ${dates.instant(c.avant)}; it works only once.`,
      { lien: c.lien, libelle: 'Choose a new password' },
      'If you did not make this request, please ignore this message: your current password remains valid.',
    ],
  }),
});

/** CPT_MIN_MOD_MAIL: to the new address, the link that validates it. */
export const validationNouvelEmail = modele<Lien>({
  fr: (c, dates) => ({
    sujet: 'Validation de votre nouvelle adresse e-mail',
    corps: [
      `Bonjour ${c.prenom} ${c.nom},`,
      `Vous avez demandé que cette adresse devienne celle de votre compte candidat (numéro de dossier ${c.numeroDossier}).`,
      `Pour la valider, suivez ce lien avant le ${dates.instant(c.avant)}. Vous pourrez ensuite vous reconnecter.`,
      { lien: c.lien, libelle: 'Valider ma nouvelle adresse' },
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
    ],
  }),
  en: (c, dates) => ({
    sujet: 'Confirm your new e-mail address',
    corps: [
      `Dear ${c.prenom} ${c.nom},`,
      `You asked for this address to become the address of your applicant account (file number ${c.numeroDossier}).`,
      `To confirm it, follow this link before ${dates.instant(c.avant)}. You can then log in again.`,
      { lien: c.lien, libelle: 'Confirm my new address' },
      'If you did not make this request, please ignore this message.',
    ],
  }),
});

/** CPT_MIN_MOD_MAIL_INFO, to the old address when an e-mail change is asked: the owner hears of it even if the account was taken over. */
export const changementEmailDemande = modele<Destinataire & { numeroDossier: string; nouvelEmail: string; lienIdentifiantsOublies: string }>({
  fr: (c) => ({
    sujet: "Changement de l'adresse e-mail de votre compte candidat",
    corps: [
      `Bonjour ${c.prenom} ${c.nom},`,
      `Un changement d'adresse e-mail a été demandé pour votre compte candidat (numéro de dossier ${c.numeroDossier}) : la nouvelle adresse serait ${c.nouvelEmail}. Elle remplacera celle-ci quand le lien qui lui a été envoyé aura été suivi.`,
      "Si vous n'êtes pas à l'origine de cette demande, choisissez sans attendre un nouveau mot de passe avec « J'ai oublié mes identifiants » : cela annule le changement d'adresse.",
      { lien: c.lienIdentifiantsOublies, libelle: "J'ai oublié mes identifiants" },
    ],
  }),
  en: (c) => ({
    sujet: 'Change of the e-mail address of your applicant account',
    corps: [
      `Dear ${c.prenom} ${c.nom},`,
      `A change of e-mail address was requested for your applicant account (file number ${c.numeroDossier}): the new address would be ${c.nouvelEmail}. It will replace this one once the link sent to it has been followed.`,
      'If you did not make this request, choose a new password at once with "I forgot my login details": this cancels the change of address.',
      { lien: c.lienIdentifiantsOublies, libelle: 'I forgot my login details' },
    ],
  }),
});
