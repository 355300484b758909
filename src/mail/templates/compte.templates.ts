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
