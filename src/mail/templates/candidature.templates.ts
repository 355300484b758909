import { formatDate } from '../../common/clock/clock';
import { RenderedMail, render } from './mail-template';

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

/** CANDIDATURE: the candidature is recorded; what to do next, by mode. */
export function candidatureEnregistree(c: Candidat & Voeu & { lien: string }): RenderedMail {
  const suite = c.demat
    ? `Déposez vos pièces justificatives en ligne, puis cliquez sur « Transmettre ma candidature » au plus tard le ${formatDate(c.dateRetour)}.`
    : `Téléchargez votre dossier, imprimez-le et envoyez-le avec les pièces justificatives demandées au plus tard le ${formatDate(c.dateRetour)} à l'adresse suivante : ${c.adresse.join(', ')}.`;
  return render(`Candidature enregistrée : ${c.formation}`, [
    `Bonjour ${c.prenom} ${c.nom},`,
    `Votre candidature à la formation « ${c.formation} » est enregistrée (numéro de dossier ${c.numeroDossier}).`,
    suite,
    { lien: c.lien, libelle: 'Suivre ma candidature' },
  ]);
}

/** CANDIDATURE_ANNULATION: the candidate cancelled. */
export function candidatureAnnulee(c: Candidat & { formation: string }): RenderedMail {
  return render(`Candidature annulée : ${c.formation}`, [
    `Bonjour ${c.prenom} ${c.nom},`,
    `Votre candidature à la formation « ${c.formation} » est annulée (numéro de dossier ${c.numeroDossier}). Cette annulation est définitive ; vous pouvez candidater de nouveau tant que la période de dépôt des vœux est ouverte.`,
  ]);
}

/** STATUT_RE after « Transmettre ma candidature »: the file reached the commission. */
export function candidatureTransmise(c: Candidat & { formation: string }): RenderedMail {
  return render(`Candidature transmise : ${c.formation}`, [
    `Bonjour ${c.prenom} ${c.nom},`,
    `Votre candidature à la formation « ${c.formation} » a été transmise à la commission, qui l'a réceptionnée (numéro de dossier ${c.numeroDossier}).`,
    'Vos pièces justificatives ne sont plus modifiables ; vous serez informé(e) par e-mail de la suite donnée à votre dossier.',
  ]);
}

/** COMMISSION_ALERT_TRANSMISSION and COMMISSION_ALERT_ANNULATION: what a candidate did, for the commission. */
export function alerteCommission(c: Candidat & { formation: string; evenement: 'transmission' | 'annulation' }): RenderedMail {
  const quoi = c.evenement === 'transmission' ? 'a transmis sa candidature' : 'a annulé sa candidature';
  return render(`[Alerte] ${c.evenement === 'transmission' ? 'Candidature transmise' : 'Candidature annulée'} : ${c.formation}`, [
    'Bonjour,',
    `${c.prenom} ${c.nom} (numéro de dossier ${c.numeroDossier}) ${quoi} à la formation « ${c.formation} ».`,
  ]);
}
