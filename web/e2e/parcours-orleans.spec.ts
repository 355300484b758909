import { apiConnectee, champ, expect, nouveauCandidat, remplirDossier, telechargerPdf, test, titreFocalise, verifierPage } from './outils';

/**
 * The Orléans guide (shared/docs/student-guides), end to end by clicking, as a student of another university would
 * walk it: create an account and activate it from the mail, complete the file (identity with the INE, address, bac,
 * cursus externe), find the OSUC's M1 GEO2env in the offer (a paper file), apply, download the file to print and
 * post, follow its statut as the scolarité receives it (Réceptionné, Complet), see the favourable decision and
 * confirm it through the irreversible-choice dialog, then download the admission letter. The university's side
 * (the paper file received, the commission's avis, its validation) goes through the API as the demo's staff, as the
 * desk's own journey clicks it (gestion.spec.ts). Each page checked by axe-core.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

const M1 = 'M1 SCIENCES DE LA TERRE ET DES PLANETES, ENVIRONNEMENT -GEO2env';
const email = `julia.testeur.${Date.now()}@example.org`;
const motDePasse = 'une phrase de passe pour Orléans';

test('le guide d’Orléans : compte, dossier, candidature au M1 sur papier, dossier à imprimer, statut, admission confirmée, lettre', async ({ page, request }) => {
  // « Créer son compte », then « Compléter son dossier »: the mandatory sections and the INE.
  await nouveauCandidat(page, email, motDePasse, 'Testeur', 'Julia');
  await remplirDossier(page, { nomNaissance: 'Testeur', prenom: 'Julia' });

  // « Candidater à des formations »: the offer by centre and type of diploma; the M1 is a paper file.
  await page.getByRole('link', { name: 'Offre de formation' }).click();
  await titreFocalise(page, 'Offre de formation');
  await champ(page, 'Centre de candidature').selectOption('OSUC');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('main')).toContainText('Dossier papier');
  await verifierPage(page, 'orleans-offre-osuc');
  await page.getByRole('link', { name: M1 }).click();
  await titreFocalise(page, M1);
  await expect(page.getByRole('main')).toContainText('Le dossier se fait sur papier');
  await page.getByRole('button', { name: 'Candidater à cette formation' }).click();

  // « Suivre l'avancement de son dossier »: the récapitulatif, « Télécharger mon dossier », the statut En attente.
  await titreFocalise(page, `Ma candidature : ${M1}`);
  const candidatureId = Number(new URL(page.url()).pathname.split('/').pop());
  await expect(page.getByRole('main')).toContainText('dossier papier');
  await expect(page.getByRole('main')).toContainText('En attente');
  await verifierPage(page, 'orleans-recapitulatif');
  expect(await telechargerPdf(page, () => page.getByRole('button', { name: 'Télécharger mon dossier (PDF)' }).click(), '/dossier.pdf')).toMatch(/\.pdf$/);

  // The scolarité receives the envelope, finds it complete; the commission's favourable avis is validated.
  const gestionnaire = await apiConnectee(request, 'gestionnaire', 'demo-gestionnaire-candidatures');
  const commission = await apiConnectee(request, 'commission', 'demo-commission-candidatures');
  await gestionnaire.post('/api/candidatures/statut-dossier', { candidatureIds: [candidatureId], statut: 'RE' });
  await page.reload();
  await expect(page.getByRole('main')).toContainText('Réceptionné');
  await gestionnaire.post('/api/candidatures/statut-dossier', { candidatureIds: [candidatureId], statut: 'CO' });
  await commission.post('/api/candidatures/avis', { candidatureIds: [candidatureId], type: 'FA' });
  await gestionnaire.post('/api/candidatures/avis/validation', { candidatureIds: [candidatureId] });

  // « Confirmer sa candidature »: the decision, the explicit dialog, the answer, the letter.
  await page.reload();
  await expect(page.getByRole('main')).toContainText('Complet');
  await expect(page.getByRole('main')).toContainText('Favorable');
  await verifierPage(page, 'orleans-recapitulatif-favorable');
  await page.getByRole('button', { name: 'Confirmer mon admission' }).click();
  const dialogue = page.getByRole('dialog', { name: 'Confirmer votre admission ?' });
  await expect(dialogue.getByRole('button', { name: 'Oui, je confirme mon admission' })).toBeDisabled();
  await dialogue.getByLabel('J’ai compris que ce choix est définitif.').check();
  await dialogue.getByRole('button', { name: 'Oui, je confirme mon admission' }).click();
  await expect(dialogue).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Vous avez confirmé votre admission.');
  await verifierPage(page, 'orleans-recapitulatif-confirmee');
  expect(await telechargerPdf(page, () => page.getByRole('button', { name: 'Télécharger la lettre d’admission (PDF)' }).click(), '/lettre.pdf')).toMatch(/\.pdf$/);

  // Mon espace: the candidature and its answer.
  await page.getByRole('link', { name: '← Mes candidatures' }).click();
  await titreFocalise(page, 'Mon espace');
  await expect(page.getByRole('row').filter({ hasText: M1 })).toContainText('Favorable');
});
