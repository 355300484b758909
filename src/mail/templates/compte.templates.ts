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
