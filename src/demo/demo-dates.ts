import { plusJours } from '../candidature/avis/avis-rules';

/**
 * The demo's calendar, counted from the day the demo is loaded so that it never expires: a campaign in service for
 * a month already and ten more; formations open for three weeks already and three more months, then the return
 * deadline, the jury, the publication and the confirmation deadline in the order formation-dates.ts requires; and,
 * as in the Orléans guide, one formation that opens only after the others have closed.
 */
export function demoDates(today: string) {
  const jour = (n: number) => plusJours(today, n);
  const campagne = { dateDebut: jour(-30), dateFin: jour(300) };
  return {
    /** The campaign's code and label are the year it ends in, as universities name them */
    campagne: { ...campagne, code: campagne.dateFin.slice(0, 4), libelle: `Campagne ${campagne.dateFin.slice(0, 4)}` },
    ouverte: { dateDebutCandidature: jour(-21), dateFinCandidature: jour(90), dateRetour: jour(97), dateJury: jour(135), datePublication: jour(140), dateConfirmation: jour(161) },
    plusTard: { dateDebutCandidature: jour(136), dateFinCandidature: jour(185), dateRetour: jour(192), dateJury: jour(201), datePublication: jour(206), dateConfirmation: jour(216) },
  };
}
