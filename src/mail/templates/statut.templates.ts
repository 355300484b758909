import { Traduit } from '../../common/i18n/langue';
import { Paragraphe, modele } from './mail-template';

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

const bonjour: Traduit<(d: Dossier) => string> = { fr: (d) => `Bonjour ${d.prenom} ${d.nom},`, en: (d) => `Dear ${d.prenom} ${d.nom},` };
const suivre: Traduit<(d: Dossier) => Paragraphe> = {
  fr: (d) => ({ lien: d.lien, libelle: 'Suivre ma candidature' }),
  en: (d) => ({ lien: d.lien, libelle: 'Follow my application' }),
};

/** STATUT_AT: the file is back to « en attente » (not received yet, or to be processed again). */
export const statutEnAttente = modele<Dossier>({
  fr: (d) => ({
    sujet: `Dossier en attente : ${d.formation}`,
    corps: [
      bonjour.fr(d),
      `Votre dossier de candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) est de nouveau en attente de réception par la commission.`,
      suivre.fr(d),
    ],
  }),
  en: (d) => ({
    sujet: `Application pending: ${d.formation}`,
    corps: [
      bonjour.en(d),
      `Your application file for the programme "${d.formation}" (file number ${d.numeroDossier}) is once again waiting to be received by the admissions committee.`,
      suivre.en(d),
    ],
  }),
});

/** STATUT_RE: staff recorded the file's reception. */
export const statutReceptionne = modele<Dossier>({
  fr: (d, dates) => ({
    sujet: `Dossier réceptionné : ${d.formation}`,
    corps: [
      bonjour.fr(d),
      `Votre dossier de candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) a été réceptionné le ${dates.jour(d.date)}.`,
      'La commission va vérifier vos pièces justificatives ; vous serez informé(e) par e-mail de la suite donnée à votre dossier.',
      suivre.fr(d),
    ],
  }),
  en: (d, dates) => ({
    sujet: `Application received: ${d.formation}`,
    corps: [
      bonjour.en(d),
      `Your application file for the programme "${d.formation}" (file number ${d.numeroDossier}) was received on ${dates.jour(d.date)}.`,
      'The admissions committee will check your supporting documents; you will be informed by e-mail of the outcome of your application.',
      suivre.en(d),
    ],
  }),
});

/** STATUT_CO: the file is complete; it goes to the commission. */
export const statutComplet = modele<Dossier>({
  fr: (d, dates) => ({
    sujet: `Dossier complet : ${d.formation}`,
    corps: [
      bonjour.fr(d),
      `Votre dossier de candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) est complet depuis le ${dates.jour(d.date)}.`,
      'Il sera examiné par la commission ; vous serez informé(e) par e-mail de sa décision.',
      suivre.fr(d),
    ],
  }),
  en: (d, dates) => ({
    sujet: `Application complete: ${d.formation}`,
    corps: [
      bonjour.en(d),
      `Your application file for the programme "${d.formation}" (file number ${d.numeroDossier}) has been complete since ${dates.jour(d.date)}.`,
      'It will be examined by the admissions committee; you will be informed of its decision by e-mail.',
      suivre.en(d),
    ],
  }),
});

type Incomplet = Dossier & { pieces: PieceAFournir[]; dateRetour: string; demat: boolean; adresse: string[] };

/**
 * STATUT_IN: the file is incomplete. Lists each pièce refused (with the staff comment) or missing, and the return
 * deadline; how to complete depends on the mode (online, or by post to the commission).
 */
export const statutIncomplet = modele<Incomplet>({
  fr: (d, dates) => {
    const pieces = d.pieces.map((p) => `- ${p.libelle} : ${p.refusee ? 'refusée' : 'manquante'}${p.commentaire ? ` (${p.commentaire})` : ''}`);
    const comment = d.demat
      ? `Déposez ${d.pieces.length > 1 ? 'ces pièces' : 'cette pièce'} en ligne, puis cliquez de nouveau sur « Transmettre ma candidature » au plus tard le ${dates.jour(d.dateRetour)}.`
      : `Envoyez ${d.pieces.length > 1 ? 'ces pièces' : 'les pièces demandées'} au plus tard le ${dates.jour(d.dateRetour)} à l'adresse suivante : ${d.adresse.join(', ')}.`;
    return {
      sujet: `Dossier incomplet : ${d.formation}`,
      corps: [
        bonjour.fr(d),
        `Votre dossier de candidature à la formation « ${d.formation} » (numéro de dossier ${d.numeroDossier}) a été déclaré incomplet le ${dates.jour(d.date)}.`,
        ...(pieces.length > 0 ? ['Pièces justificatives à fournir :', ...pieces] : ['Prenez contact avec la commission pour savoir ce qui manque à votre dossier.']),
        `${comment} Passé cette date, votre dossier ne pourra plus être complété.`,
        suivre.fr(d),
      ],
    };
  },
  en: (d, dates) => {
    const pieces = d.pieces.map((p) => `- ${p.libelle}: ${p.refusee ? 'refused' : 'missing'}${p.commentaire ? ` (${p.commentaire})` : ''}`);
    const comment = d.demat
      ? `Upload ${d.pieces.length > 1 ? 'these documents' : 'this document'} online, then click "Submit my application" again by ${dates.jour(d.dateRetour)} at the latest.`
      : `Post ${d.pieces.length > 1 ? 'these documents' : 'the documents requested'} by ${dates.jour(d.dateRetour)} at the latest to the following address: ${d.adresse.join(', ')}.`;
    return {
      sujet: `Application incomplete: ${d.formation}`,
      corps: [
        bonjour.en(d),
        `Your application file for the programme "${d.formation}" (file number ${d.numeroDossier}) was declared incomplete on ${dates.jour(d.date)}.`,
        ...(pieces.length > 0 ? ['Supporting documents to provide:', ...pieces] : ['Please contact the admissions committee to find out what is missing from your file.']),
        `${comment} After that date, your file can no longer be completed.`,
        suivre.en(d),
      ],
    };
  },
});
