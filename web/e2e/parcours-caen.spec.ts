import { apiConnectee, champ, deposer, expect, nouveauCandidat, piece, remplirDossier, telechargerPdf, test, titreFocalise, verifierPage } from './outils';

/**
 * The Caen guide (shared/docs/student-guides), end to end by clicking, as a candidate never enrolled at Caen: create
 * the account and validate it from the mail, enter the file (identity and INE, address, bac, cursus, stages and
 * expériences), apply online to the L3 Études cinématographiques, give each pièce justificative (« non concerné » for
 * the conditional one), download the file, transmit it; then follow its statut as the scolarité checks it: Réceptionné,
 * Incomplet with the refused pièce's comment (transmitting is refused until it is replaced), the pièce given again,
 * Réceptionné, Complet; a validated avis stays unseen until the formation's publication date. The scolarité's side
 * goes through the API as the demo's `scol`, as the desk's own journey clicks it (gestion.spec.ts). Each page checked
 * by axe-core.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

const L3 = 'L3 Arts du spectacle - Etudes cinématographiques';
const RELEVES = 'Relevés de notes du baccalauréat et post-bac';
const COMMENTAIRE = 'Il manque le relevé du semestre 2.';
const email = `lucie.moreau.${Date.now()}@example.org`;
const motDePasse = 'une phrase de passe pour Caen';

test('le guide de Caen : compte, dossier, candidature en ligne, pièces, transmission, dossier incomplet puis complet', async ({ page, request }) => {
  // « Création de votre dossier » and « Saisie des informations du dossier ».
  await nouveauCandidat(page, email, motDePasse, 'Moreau', 'Lucie');
  await remplirDossier(page, { nomNaissance: 'Moreau', prenom: 'Lucie' });

  // « Dépôt en ligne de vos candidatures »: find the L3, open it, apply.
  await page.getByRole('link', { name: 'Offre de formation' }).click();
  await titreFocalise(page, 'Offre de formation');
  await champ(page, 'Mots de l’intitulé ou mots-clés').fill('cinéma');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.getByRole('link', { name: L3 }).click();
  await titreFocalise(page, L3);
  await page.getByRole('button', { name: 'Candidater à cette formation' }).click();
  await titreFocalise(page, `Ma candidature : ${L3}`);
  const candidatureId = Number(new URL(page.url()).pathname.split('/').pop());

  // « Pièces justificatives », « Télécharger le dossier », « Date & transmission ».
  for (const libelle of ["Copie d'une pièce d'identité", RELEVES, 'Curriculum vitae', 'Lettre de motivation']) await deposer(page, libelle);
  const stage = piece(page, 'Attestations de stage');
  await stage.getByRole('button', { name: 'Je ne suis pas concerné·e' }).click();
  await expect(stage.locator('.badge')).toHaveText('Non concerné');
  expect(await telechargerPdf(page, () => page.getByRole('button', { name: 'Télécharger mon dossier (PDF)' }).click(), '/dossier.pdf')).toMatch(/\.pdf$/);
  await page.getByRole('button', { name: 'Transmettre ma candidature' }).click();
  await expect(page.getByRole('main')).toContainText('Réceptionné');
  await verifierPage(page, 'caen-recapitulatif-transmis');

  // The scolarité checks the pièces: the relevés refused with a comment, the others validated; the file Incomplet.
  const scol = await apiConnectee(request, 'scol', 'demo-scol-candidatures');
  const pieces = (await scol.get(`/api/candidatures/${candidatureId}`)).recapitulatif.pieces as { id: number; libelle: string; statut: string }[];
  for (const p of pieces.filter((p) => p.statut === 'TR')) {
    await scol.put(`/api/candidatures/${candidatureId}/pieces/${p.id}/statut`, p.libelle === RELEVES ? { statut: 'RE', commentaire: COMMENTAIRE } : { statut: 'VA' });
  }
  await scol.post('/api/candidatures/statut-dossier', { candidatureIds: [candidatureId], statut: 'IN' });

  // « Dossier incomplet »: the statut, the comment on the pièce; transmitting waits for the pièce.
  await page.reload();
  await expect(page.getByRole('main')).toContainText('Incomplet');
  await expect(piece(page, RELEVES)).toContainText(`Commentaire de la scolarité : ${COMMENTAIRE}`);
  await expect(page.getByRole('main')).toContainText(`Il manque une pièce justificative : ${RELEVES}`);
  await verifierPage(page, 'caen-recapitulatif-incomplet');
  await deposer(page, RELEVES);
  await page.getByRole('button', { name: 'Transmettre ma candidature' }).click();
  await expect(page.getByRole('main')).toContainText('Réceptionné');

  // « Dossier complet »; the commission's avis, validated, waits for the formation's publication date.
  const releves = pieces.find((p) => p.libelle === RELEVES)!;
  await scol.put(`/api/candidatures/${candidatureId}/pieces/${releves.id}/statut`, { statut: 'VA' });
  await scol.post('/api/candidatures/statut-dossier', { candidatureIds: [candidatureId], statut: 'CO' });
  await scol.post('/api/candidatures/avis', { candidatureIds: [candidatureId], type: 'FA' });
  await scol.post('/api/candidatures/avis/validation', { candidatureIds: [candidatureId] });
  await page.reload();
  await expect(page.getByRole('main')).toContainText('Complet');
  await expect(page.getByRole('main')).not.toContainText('Favorable');
  await verifierPage(page, 'caen-recapitulatif-complet');
});
