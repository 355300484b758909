import { RenderedMail, formatInstant, render } from './mail-template';

interface Destinataire {
  prenom: string;
  nom: string;
}

/** CPT_MIN_CREATE: the account exists; activate it before the deadline. */
export function compteCree(c: Destinataire & { numeroDossier: string; lien: string; avant: Date }): RenderedMail {
  return render('Création de votre compte candidat', [
    `Bonjour ${c.prenom} ${c.nom},`,
    `Votre compte candidat a été créé. Votre numéro de dossier, qui vous sert d'identifiant, est : ${c.numeroDossier}`,
    `Pour l'activer, suivez ce lien avant le ${formatInstant(c.avant)} ; passé ce délai, le compte sera supprimé.`,
    { lien: c.lien, libelle: 'Activer mon compte' },
    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
  ]);
}

/** Sent instead of CPT_MIN_CREATE when the address already has an account: the form answers the same either way. */
export function compteExistant(c: { lienIdentifiantsOublies: string }): RenderedMail {
  return render('Demande de création de compte candidat', [
    'Bonjour,',
    'Une demande de création de compte candidat a été faite avec cette adresse, mais un compte existe déjà pour elle dans la campagne en cours.',
    "Si vous avez oublié votre numéro de dossier ou votre mot de passe, utilisez « J'ai oublié mes identifiants » :",
    { lien: c.lienIdentifiantsOublies, libelle: "J'ai oublié mes identifiants" },
    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
  ]);
}

/** CPT_MIN_LIEN_VALID_OUBLIE: a new activation link; the deadline does not move. */
export function nouveauLienActivation(c: Destinataire & { numeroDossier: string; lien: string; avant: Date }): RenderedMail {
  return render("Nouveau lien d'activation de votre compte candidat", [
    `Bonjour ${c.prenom} ${c.nom},`,
    `Voici un nouveau lien pour activer votre compte (numéro de dossier ${c.numeroDossier}). Les liens envoyés auparavant ne fonctionnent plus.`,
    `Activez votre compte avant le ${formatInstant(c.avant)} ; passé ce délai, il sera supprimé.`,
    { lien: c.lien, libelle: 'Activer mon compte' },
  ]);
}

/** CPT_MIN_MDP_OUBLIE: the numéro de dossier and a link to choose a new password. */
export function identifiantsOublies(c: Destinataire & { numeroDossier: string; lien: string; avant: Date }): RenderedMail {
  return render('Vos identifiants de candidat', [
    `Bonjour ${c.prenom} ${c.nom},`,
    `Votre numéro de dossier, qui vous sert d'identifiant, est : ${c.numeroDossier}`,
    `Pour choisir un nouveau mot de passe, suivez ce lien avant le ${formatInstant(c.avant)} ; il ne sert qu'une fois.`,
    { lien: c.lien, libelle: 'Choisir un nouveau mot de passe' },
    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
  ]);
}

/** CPT_MIN_MOD_MAIL: to the new address, the link that validates it. */
export function validationNouvelEmail(c: Destinataire & { numeroDossier: string; lien: string; avant: Date }): RenderedMail {
  return render('Validation de votre nouvelle adresse e-mail', [
    `Bonjour ${c.prenom} ${c.nom},`,
    `Vous avez demandé que cette adresse devienne celle de votre compte candidat (numéro de dossier ${c.numeroDossier}).`,
    `Pour la valider, suivez ce lien avant le ${formatInstant(c.avant)}. Vous pourrez ensuite vous reconnecter.`,
    { lien: c.lien, libelle: 'Valider ma nouvelle adresse' },
    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
  ]);
}

/** To the old address when an e-mail change is asked: the owner hears of it even if the account was taken over. */
export function changementEmailDemande(c: Destinataire & { numeroDossier: string; nouvelEmail: string; lienIdentifiantsOublies: string }): RenderedMail {
  return render("Changement de l'adresse e-mail de votre compte candidat", [
    `Bonjour ${c.prenom} ${c.nom},`,
    `Un changement d'adresse e-mail a été demandé pour votre compte candidat (numéro de dossier ${c.numeroDossier}) : la nouvelle adresse serait ${c.nouvelEmail}. Elle remplacera celle-ci quand le lien qui lui a été envoyé aura été suivi.`,
    "Si vous n'êtes pas à l'origine de cette demande, choisissez sans attendre un nouveau mot de passe avec « J'ai oublié mes identifiants » : cela annule le changement d'adresse.",
    { lien: c.lienIdentifiantsOublies, libelle: "J'ai oublié mes identifiants" },
  ]);
}
