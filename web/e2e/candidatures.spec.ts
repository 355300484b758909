import type { Locator, Page } from '@playwright/test';
import { apiConnectee, champ, deposer, expect, piece, seConnecter, telechargerPdf, test, titreFocalise, verifierPage } from './outils';

/**
 * The offer and the candidate's candidatures, by clicking, as the demo candidate who has not applied yet (DEMO0004):
 * browse and filter the offer, a formation's page, apply to the Caen guide's dematerialised L3, upload each pièce,
 * « non concerné », delete and upload again, transmit, download the dossier PDF; the API's refusals; cancel one;
 * then the decisions: favourable ones published through the staff API, one confirmed, one withdrawn, each through
 * the irreversible-choice dialog, and the admission letter downloaded. Each page checked by axe-core.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const CANDIDAT = 'DEMO0004';
const MOT_DE_PASSE = 'demo-candidat-candidatures';
const L3 = 'L3 Arts du spectacle - Etudes cinématographiques';

/** « Effacer les filtres »: the address without them, and the form shown again empty. */
async function effacerFiltres(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(page).toHaveURL(/\/offre$/);
  await expect(champ(page, 'Mots de l’intitulé ou mots-clés')).toHaveValue('');
  await expect(champ(page, 'Type de diplôme')).toHaveValue('');
  await expect(champ(page, 'Ouvertes aujourd’hui')).not.toBeChecked();
}

/** The dialog of an irreversible choice: focus on the way back, kept inside, Escape closes it without a change. */
async function verifierDialogue(page: Page, titre: string, nom: string): Promise<Locator> {
  const dialogue = page.getByRole('dialog', { name: titre });
  await expect(dialogue).toBeVisible();
  await expect(dialogue.getByRole('button', { name: 'Revenir sans rien changer' })).toBeFocused();
  await verifierPage(page, nom);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await dialogue.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialogue).toBeHidden();
  return dialogue;
}

test('l’offre, candidater à une formation en ligne, les pièces, transmettre, le dossier PDF, les refus, annuler', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Offre de formation' }).click();
  await titreFocalise(page, 'Offre de formation');
  await expect(page.getByRole('heading', { level: 2, name: /UFR des Humanités/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Licence' }).first()).toBeVisible();
  await verifierPage(page, 'offre');

  // Filters: the API's (words, centre, type de diplôme, open today), kept in the address.
  await champ(page, 'Mots de l’intitulé ou mots-clés').fill('cinema');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('status')).toHaveText('1 formation');
  await expect(page).toHaveURL(/q=cinema/);
  await effacerFiltres(page);
  await champ(page, 'Type de diplôme').selectOption('LP');
  await champ(page, 'Ouvertes aujourd’hui').check();
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('status')).toHaveText('1 formation');
  await expect(page.getByRole('link', { name: /LP ASSURANCE BANQUE FINANCE/ })).toBeVisible();
  await verifierPage(page, 'offre-filtree');
  await effacerFiltres(page);
  await champ(page, 'Centre de candidature').selectOption('UFR-ARTS');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('status')).toHaveText('3 formations');

  // A formation's page: dates, pièces, contact; logging in to apply comes back here.
  await page.getByRole('link', { name: L3 }).click();
  await titreFocalise(page, L3);
  await expect(page.getByRole('main')).toContainText('Curriculum vitae');
  await expect(page.getByRole('main')).toContainText('Attestations de stage (si vous êtes concerné·e)');
  await expect(page.getByRole('main').locator('address')).toContainText('Commission Arts du spectacle');
  await verifierPage(page, 'formation');
  await page.getByRole('link', { name: 'Se connecter pour candidater' }).click();
  await titreFocalise(page, 'Se connecter');
  await seConnecter(page, CANDIDAT, MOT_DE_PASSE);
  await titreFocalise(page, L3);
  await page.getByRole('button', { name: 'Candidater à cette formation' }).click();

  // The new candidature's récapitulatif: nothing transmitted yet, the reason said.
  await titreFocalise(page, `Ma candidature : ${L3}`);
  await expect(page.getByRole('status')).toContainText('Votre candidature est enregistrée');
  await expect(page.getByRole('main')).toContainText('Transmettre ma candidature : impossible. Il manque 5 pièces justificatives');
  await expect(page.getByRole('main')).toContainText('Accès contrôlé');
  await verifierPage(page, 'recapitulatif-nouvelle');

  // Pièces: each uploaded, one deleted and uploaded again, the conditional one « non concerné ».
  for (const libelle of ["Copie d'une pièce d'identité", 'Relevés de notes du baccalauréat et post-bac', 'Curriculum vitae', 'Lettre de motivation']) {
    await deposer(page, libelle);
  }
  const cv = piece(page, 'Curriculum vitae');
  await cv.getByRole('button', { name: 'Supprimer' }).click();
  await expect(cv.locator('.badge')).toHaveText('En attente');
  await expect(page.getByRole('main')).toContainText('Il manque 2 pièces justificatives');
  await deposer(page, 'Curriculum vitae');
  const stage = piece(page, 'Attestations de stage');
  await stage.getByRole('button', { name: 'Je ne suis pas concerné·e' }).click();
  await expect(stage.locator('.badge')).toHaveText('Non concerné');
  await verifierPage(page, 'recapitulatif-pieces');

  await page.getByRole('button', { name: 'Transmettre ma candidature' }).click();
  await expect(page.getByRole('status')).toContainText('transmise');
  await expect(page.getByRole('main')).toContainText('Réceptionné');
  await expect(page.getByRole('main')).toContainText('Annuler la candidature : impossible.');
  await verifierPage(page, 'recapitulatif-transmise');
  const nom = await telechargerPdf(page, () => page.getByRole('button', { name: 'Télécharger mon dossier (PDF)' }).click(), '/dossier.pdf');
  expect(nom).toMatch(/\.pdf$/);

  // The API's refusals, as it words them: already applied, outside the window.
  await page.goto('/offre');
  await page.getByRole('link', { name: L3 }).click();
  await expect(page.getByRole('main')).toContainText('Vous avez candidaté à cette formation');
  await page.getByRole('button', { name: 'Candidater à cette formation' }).click();
  await expect(page.getByRole('alert')).toContainText('Vous avez déjà candidaté à cette formation.');
  await expect(page.getByRole('alert')).toBeFocused();
  await verifierPage(page, 'candidater-deja');
  await page.getByRole('link', { name: '← Offre de formation' }).click();
  await page.getByRole('link', { name: /LP MARCHES PUBLICS/ }).click();
  await expect(page.getByRole('main')).toContainText('ne sont pas ouvertes aujourd’hui');
  await page.getByRole('button', { name: 'Candidater à cette formation' }).click();
  await expect(page.getByRole('alert')).toContainText('en dehors de la période de dépôt des vœux');
  await verifierPage(page, 'candidater-hors-periode');

  // Apply to another, then cancel it: the dialog first closed by Escape, then the choice made.
  await page.getByRole('link', { name: '← Offre de formation' }).click();
  await page.getByRole('link', { name: /L1 Mathématiques/ }).click();
  await page.getByRole('button', { name: 'Candidater à cette formation' }).click();
  await titreFocalise(page, /^Ma candidature : L1 Mathématiques/);
  const annuler = page.getByRole('button', { name: 'Annuler la candidature' });
  await annuler.click();
  await verifierDialogue(page, 'Annuler cette candidature ?', 'dialogue-annulation');
  await expect(annuler).toBeFocused();
  await annuler.click();
  const dialogue = page.getByRole('dialog', { name: 'Annuler cette candidature ?' });
  await expect(dialogue.getByRole('button', { name: 'Oui, annuler la candidature' })).toBeDisabled();
  await dialogue.getByLabel('J’ai compris que ce choix est définitif.').check();
  await dialogue.getByRole('button', { name: 'Oui, annuler la candidature' }).click();
  await expect(dialogue).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Votre candidature est annulée.');
  await expect(page.getByRole('main')).toContainText('Annuler la candidature : impossible. Cette candidature est annulée.');
  await verifierPage(page, 'recapitulatif-annulee');

  // Mon espace: the live candidatures, the cancelled one gone.
  await page.getByRole('link', { name: '← Mes candidatures' }).click();
  await titreFocalise(page, 'Mon espace');
  await expect(page.getByRole('table')).toContainText(L3);
  await expect(page.getByRole('table')).not.toContainText('L1 Mathématiques');
});

test('les décisions : confirmer une admission, se désister d’une autre, la lettre d’admission', async ({ page, request }) => {
  // Set-up through the API: a centre whose formations publish decisions at once, two candidatures of DEMO0004 with a
  // favourable avis validated by the scolarité.
  const scol = await apiConnectee(request, 'scol', 'demo-scol-candidatures');
  const candidat = await apiConnectee(request, CANDIDAT, MOT_DE_PASSE);
  const suffixe = Date.now().toString(36).toUpperCase().slice(-5);
  const centre = await scol.post('/api/offre/gestion/centres', { code: `DEC-${suffixe}`, libelle: 'Centre des décisions (parcours de test)' });
  const commission = await scol.post('/api/offre/gestion/commissions', {
    centreId: centre.id,
    code: `DEC-${suffixe}-COM`,
    libelle: 'Commission des décisions',
    adresse: { ligne1: '1 rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' },
    email: 'decisions@univ.test',
    lettresTelechargeables: true,
  });
  const jour = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
  const dates = { dateDebutCandidature: jour(-5), dateFinCandidature: jour(60), dateRetour: jour(70), dateJury: jour(72), dateConfirmation: jour(90) };
  const formations = [];
  for (const [code, libelle] of [
    ['CONF', 'Master Décisions (à confirmer)'],
    ['DESIST', 'Master Décisions (à refuser)'],
  ]) {
    const f = await scol.post('/api/offre/gestion/formations', { commissionId: commission.id, code: `${code}-${suffixe}`, libelle, typeDiplome: 'MAS', typeTraitement: 'AC', demat: true, ...dates });
    formations.push({ ...f, libelle });
  }
  const ids: number[] = [];
  for (const f of formations) ids.push((await candidat.post('/api/candidat/candidatures', { formationId: f.id })).id);
  await scol.post('/api/candidatures/avis', { candidatureIds: ids, type: 'FA' });
  await scol.post('/api/candidatures/avis/validation', { candidatureIds: ids });

  await page.goto('/connexion');
  await seConnecter(page, CANDIDAT, MOT_DE_PASSE);
  await titreFocalise(page, 'Mon espace');
  const ligne = (libelle: string) => page.getByRole('row').filter({ hasText: libelle });
  await expect(ligne(formations[0].libelle)).toContainText('Favorable');
  await expect(ligne(formations[1].libelle)).toContainText('Favorable');
  await verifierPage(page, 'mon-espace-decisions');

  // Confirm: the dialog (Escape first: nothing changes), then the choice; the letter downloaded.
  await ligne(formations[0].libelle).getByRole('link').click();
  await titreFocalise(page, `Ma candidature : ${formations[0].libelle}`);
  await expect(page.getByRole('main')).toContainText('Favorable');
  await verifierPage(page, 'recapitulatif-favorable');
  const confirmer = page.getByRole('button', { name: 'Confirmer mon admission' });
  await confirmer.click();
  await verifierDialogue(page, 'Confirmer votre admission ?', 'dialogue-confirmation');
  await expect(confirmer).toBeFocused();
  await confirmer.click();
  const confirmation = page.getByRole('dialog', { name: 'Confirmer votre admission ?' });
  await confirmation.getByLabel('J’ai compris que ce choix est définitif.').check();
  await confirmation.getByRole('button', { name: 'Oui, je confirme mon admission' }).click();
  await expect(confirmation).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Vous avez confirmé votre admission.');
  await expect(page.getByRole('main')).toContainText('Confirmer mon admission : impossible. Vous avez déjà confirmé cette candidature.');
  await expect(page.getByRole('main')).toContainText('Votre réponse');
  await verifierPage(page, 'recapitulatif-confirmee');
  expect(await telechargerPdf(page, () => page.getByRole('button', { name: 'Télécharger la lettre d’admission (PDF)' }).click(), '/lettre.pdf')).toMatch(/\.pdf$/);

  // Withdraw from the other: the same explicit dialog.
  await page.getByRole('link', { name: '← Mes candidatures' }).click();
  await ligne(formations[1].libelle).getByRole('link').click();
  await titreFocalise(page, `Ma candidature : ${formations[1].libelle}`);
  const desister = page.getByRole('button', { name: 'Me désister' });
  await desister.click();
  await verifierDialogue(page, 'Vous désister de cette formation ?', 'dialogue-desistement');
  await desister.click();
  const desistement = page.getByRole('dialog', { name: 'Vous désister de cette formation ?' });
  await desistement.getByLabel('J’ai compris que ce choix est définitif.').check();
  await desistement.getByRole('button', { name: 'Oui, je me désiste' }).click();
  await expect(desistement).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Votre désistement est enregistré.');
  await expect(page.getByRole('main')).toContainText('Me désister : impossible.');
  await verifierPage(page, 'recapitulatif-desistee');
});
