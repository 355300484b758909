import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { champ, expect, test, titreFocalise, verifierPage } from './outils';

/**
 * The gestionnaire's desk, by clicking (the staff journey): the demo gestionnaire logs in, filters the list,
 * opens a demo candidature of the M1 GEO2env, opens a pièce in a new tab, refuses another with a comment, marks the
 * file complete, enters an avis and validates it, finds it in the list, exports the list as CSV, then acts on a
 * selection. Each page checked by axe-core.
 */
test.describe.configure({ mode: 'serial' });
// Long pages (the full view) and a loaded machine: axe-core takes its time.
test.setTimeout(300_000);

const CV = 'Curriculum Vitae avec photo';
const LETTRE = 'Lettre de motivation';
/** A real PNG of one pixel: what the candidate uploads. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function connecter(request: APIRequestContext, login: string, password: string): Promise<Record<string, string>> {
  const reponse = await request.post('/api/auth/login', { data: { login, password } });
  expect(reponse.status()).toBe(200);
  return { Authorization: `Bearer ${(await reponse.json()).token}` };
}

/**
 * The candidate's side, through the API: Hugo Durand (DEMO0002) gives his CV and letter as files. The M1 is a paper
 * formation, where nothing is uploaded: an administrator makes it dematerialised for the uploads and puts it back on
 * paper at once (the files stay on the pièces), so the desk has files to open.
 */
async function deposerPieces(request: APIRequestContext): Promise<void> {
  const admin = await connecter(request, 'admin', 'demo-admin-candidatures');
  const formations = await (await request.get('/api/offre/gestion/formations?centre=OSUC&limit=50', { headers: admin })).json();
  const m1 = formations.items.find((f: { code: string }) => f.code === 'M1-GEO2ENV');
  const basculer = async (demat: boolean, version: number) => {
    const corps = Object.fromEntries(Object.entries({ ...m1, demat }).filter(([cle, v]) => v !== null && !['id', 'centreCode', 'version'].includes(cle)));
    const reponse = await request.put(`/api/offre/gestion/formations/${m1.id}`, { headers: { ...admin, 'If-Match': `"${version}"` }, data: corps });
    expect(reponse.status(), await reponse.text()).toBe(200);
    return (await reponse.json()).version as number;
  };
  const version = await basculer(true, m1.version);
  const hugo = await connecter(request, 'DEMO0002', 'demo-candidat-candidatures');
  const candidatures = await (await request.get('/api/candidat/candidatures', { headers: hugo })).json();
  const { id } = candidatures.find((c: { formation: { code: string } }) => c.formation.code === 'M1-GEO2ENV');
  const candidature = await (await request.get(`/api/candidat/candidatures/${id}`, { headers: hugo })).json();
  for (const libelle of [CV, LETTRE]) {
    const piece = candidature.pieces.find((p: { libelle: string }) => p.libelle === libelle);
    const reponse = await request.put(`/api/candidat/candidatures/${candidature.id}/pieces/${piece.id}/fichier`, {
      headers: hugo,
      multipart: { fichier: { name: `${piece.code.toLowerCase()}.png`, mimeType: 'image/png', buffer: PNG } },
    });
    expect(reponse.status(), await reponse.text()).toBe(200);
  }
  await basculer(false, version);
}

test('le gestionnaire : connexion, liste filtrée, fiche, pièce ouverte et refusée, dossier complet, avis validé, export', async ({ page, request }) => {
  await deposerPieces(request);

  await page.goto('/gestion');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion des gestionnaires');
  await verifierPage(page, 'gestion-connexion');
  await champ(page, 'Identifiant').fill('gestionnaire');
  await champ(page, 'Mot de passe').fill('demo-gestionnaire-candidatures');
  await page.getByRole('button', { name: 'Se connecter' }).click();

  await titreFocalise(page, 'Candidatures à traiter');
  // Scoped as the API scopes it: the OSUC centre's three M1 candidatures.
  await expect(page.getByRole('status').filter({ hasText: 'candidatures' })).toHaveText('3 candidatures');
  await expect(page.getByRole('table')).toContainText('Élise MARTIN');
  await verifierPage(page, 'gestion-liste');

  await champ(page, 'Recherche').fill('dura');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'candidature' })).toHaveText('1 candidature');
  await expect(page).toHaveURL(/q=dura/);
  await verifierPage(page, 'gestion-liste-filtree');

  await page.getByRole('link', { name: 'Hugo DURAND' }).click();
  await titreFocalise(page, 'Candidature de Hugo DURAND');
  await expect(page.getByRole('main')).toContainText('M1 SCIENCES DE LA TERRE ET DES PLANETES, ENVIRONNEMENT -GEO2env');
  await verifierPage(page, 'gestion-fiche');

  // A pièce opened in a new tab (the file fetched with the session, shown from a blob: address).
  const onglet = page.waitForEvent('popup');
  await page.getByRole('button', { name: new RegExp(`^Ouvrir .*\\(${CV}\\) dans un nouvel onglet$`) }).click();
  const piece = await onglet;
  await expect(piece).toHaveURL(/^blob:/);
  await expect(piece.locator('img')).toBeVisible();
  await piece.close();

  // Refusing needs a comment: the dialog says so, then refuses.
  await page.getByRole('button', { name: `Refuser « ${LETTRE} »` }).click();
  const dialogue = page.getByRole('dialog', { name: `Refuser « ${LETTRE} »` });
  await expect(dialogue).toBeVisible();
  await expect(champ(page, 'Commentaire pour le candidat')).toBeFocused();
  await dialogue.getByRole('button', { name: 'Refuser la pièce' }).click();
  await expect(dialogue.getByRole('alert')).toBeVisible();
  await expect(champ(page, 'Commentaire pour le candidat')).toHaveAttribute('aria-invalid', 'true');
  await verifierPage(page, 'gestion-refus-piece');
  await champ(page, 'Commentaire pour le candidat').fill('La lettre n’est pas signée : envoyez-la signée.');
  await dialogue.getByRole('button', { name: 'Refuser la pièce' }).click();
  await expect(dialogue).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: LETTRE })).toContainText('refusée');
  const ligneLettre = page.getByRole('row').filter({ hasText: LETTRE });
  await expect(ligneLettre).toContainText('Commentaire : La lettre n’est pas signée');

  // The signed letter came by post (the M1 is on paper): received, then the file is complete.
  await page.getByRole('button', { name: `Remettre « ${LETTRE} » à vérifier` }).click();
  await expect(ligneLettre).not.toContainText('Refusée');
  await expect(ligneLettre).not.toContainText('Commentaire :');
  await page.getByRole('form', { name: 'Changer le statut du dossier' }).getByLabel('Nouveau statut').selectOption('CO');
  await page.getByRole('button', { name: 'Enregistrer le statut' }).click();
  await expect(page.getByTestId('statut-dossier')).toContainText('Complet');

  // An avis of the liste complémentaire asks for a rank; then a favourable avis, validated.
  const avis = page.getByRole('form', { name: 'Saisir un avis' });
  await avis.getByLabel('Avis').selectOption('LC');
  await expect(avis.getByLabel('Rang sur la liste complémentaire')).toBeVisible();
  await avis.getByLabel('Avis').selectOption('FA');
  await avis.getByRole('textbox', { name: 'Commentaire' }).fill('Très bon dossier.');
  await avis.getByRole('button', { name: 'Enregistrer l’avis' }).click();
  await expect(avis.getByRole('status')).toContainText('Avis enregistré');
  await page.getByRole('button', { name: 'Valider l’avis « Favorable »' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Avis validé' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Historique des avis, le plus récent en premier' })).toContainText('Validé');
  await verifierPage(page, 'gestion-fiche-avis-valide');

  // The bloc-notes, for staff only.
  await champ(page, 'Nouvelle note (vue du personnel seulement)').fill('Lettre signée reçue par courrier.');
  await page.getByRole('button', { name: 'Ajouter la note' }).click();
  await expect(page.getByRole('region', { name: 'Bloc-notes' }).getByRole('listitem')).toContainText('Lettre signée reçue par courrier.');
  await expect(champ(page, 'Nouvelle note (vue du personnel seulement)')).toHaveValue('');

  // The list reflects it.
  await page.getByRole('link', { name: 'Retour à la liste des candidatures' }).click();
  await titreFocalise(page, 'Candidatures à traiter');
  await page.getByLabel('Avis', { exact: true }).selectOption('FA');
  await page.getByLabel('Avis validé').selectOption('true');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'candidature' })).toHaveText('1 candidature');
  const ligne = page.getByRole('row').filter({ hasText: 'Hugo DURAND' });
  await expect(ligne).toContainText('Complet');
  await expect(ligne).toContainText('Favorable');
  await expect(ligne).toContainText('validé');
  await verifierPage(page, 'gestion-liste-avis-valides');

  // The export of the current filter, downloaded through the client.
  const telechargement = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const fichier = await telechargement;
  expect(fichier.suggestedFilename()).toBe('candidatures.csv');
  const csv = readFileSync(await fichier.path(), 'utf8');
  expect(csv).toContain('DURAND');
  expect(csv).not.toContain('NGUYEN');
});

test('pages de la liste, puis actions groupées : la sélection de la page reçoit un statut du dossier', async ({ page }) => {
  await page.goto('/gestion/connexion');
  await champ(page, 'Identifiant').fill('gestionnaire');
  await champ(page, 'Mot de passe').fill('demo-gestionnaire-candidatures');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await titreFocalise(page, 'Candidatures à traiter');

  // Pages: the next one through the API's cursor (`suivant`), the previous one by its number.
  await page.goto('/gestion?sort=nom&order=asc&limit=2');
  const lignes = page.getByRole('table').getByRole('rowheader');
  await expect(lignes).toHaveCount(2);
  await expect(lignes.first()).toContainText('Hugo DURAND');
  await page.getByRole('button', { name: 'Page suivante' }).click();
  await expect(page).toHaveURL(/apres=/);
  await expect(lignes).toHaveCount(1);
  await expect(lignes.first()).toContainText('Linh NGUYEN');
  await expect(page.getByRole('button', { name: 'Page suivante' })).toBeDisabled();
  await verifierPage(page, 'gestion-liste-page-2');
  await page.getByRole('button', { name: 'Page précédente' }).click();
  await expect(lignes).toHaveCount(2);
  await expect(page).not.toHaveURL(/apres=/);

  await page.getByLabel('Statut du dossier').selectOption('AT');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'candidatures' })).toHaveText('2 candidatures');
  await page.getByLabel('Sélectionner toutes les candidatures de la page').check();
  await expect(page.getByRole('heading', { name: 'Actions sur la sélection (2 candidatures)' })).toBeVisible();
  const actions = page.getByRole('region', { name: /Actions sur la sélection/ });
  await actions.getByLabel('Nouveau statut').selectOption('RE');
  await actions.getByRole('button', { name: 'Appliquer' }).click();
  await expect(actions.getByRole('status')).toContainText('Statut changé pour 2 candidature(s)');
  await verifierPage(page, 'gestion-actions-groupees');
  await expect(page.getByText('Aucune candidature ne correspond à ces filtres.')).toBeVisible();
});
