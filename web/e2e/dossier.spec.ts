import type { Page } from '@playwright/test';
import { champ, champDe, expect, nouveauCandidat, remplirDossier, test, titreFocalise, verifierPage } from './outils';

/**
 * « Mon dossier », by clicking: a new candidate (created, activated from the mail, logged in) fills every section,
 * sees it saved after a reload, corrects an INE whose O and 0 were confused, changes and deletes rows of the lists,
 * and meets a 412 (the file changed elsewhere) without losing what was typed; a demo candidate who has applied sees
 * the identity locked with the reason. Each page checked by axe-core.
 */
test.describe.configure({ mode: 'serial' });
// A long journey (every section, axe-core on pages of several hundred options) on a shared 2-core machine.
test.setTimeout(300_000);

const email = `dossier.${Date.now()}@example.org`;
const motDePasse = 'une phrase de passe pour le dossier';

/** The bearer token of the tab's session, to change the file « elsewhere » (another tab, another device). */
async function jeton(page: Page): Promise<string> {
  return page.evaluate(() => (JSON.parse(sessionStorage.getItem('candidatures.session') ?? '{}') as { token: string }).token);
}

test('un nouveau candidat remplit tout son dossier en cliquant, et le retrouve après rechargement', async ({ page }) => {
  const numero = await nouveauCandidat(page, email, motDePasse);
  await page.getByRole('main').getByRole('link', { name: 'Mon dossier' }).click();
  await titreFocalise(page, 'Mon dossier');
  await expect(page.getByRole('main')).toContainText(numero);
  // What the API says is missing, each line a link to its section.
  const manquants = page.getByTestId('manquants');
  await expect(manquants.getByRole('listitem')).toHaveText(['Renseignez vos informations personnelles.', 'Renseignez votre adresse.', 'Renseignez votre baccalauréat ou son équivalent.']);
  // The Orléans guide's hint, tied to the INE field.
  await expect(champDe(page, 'Informations personnelles', 'INE')).toHaveAccessibleDescription(/1856816120 C.*« O ».*« 0 »/);
  await verifierPage(page, 'mon-dossier-vide');

  // A refused save: the API's messages under the fields, announced.
  await page.getByRole('button', { name: 'Enregistrer mes informations personnelles' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(champDe(page, 'Informations personnelles', 'Nom de naissance')).toHaveAttribute('aria-invalid', 'true');
  await verifierPage(page, 'mon-dossier-erreurs');

  // The commune autocomplete with the keyboard alone: type, arrow down, Enter.
  const commune = page.getByRole('form', { name: 'Adresse' }).getByRole('combobox', { name: /^Commune/ });
  await commune.fill('orlea');
  await expect(page.getByRole('listbox')).toBeVisible();
  await verifierPage(page, 'mon-dossier-autocompletion');
  await commune.press('ArrowDown');
  await commune.press('Enter');
  await expect(commune).toHaveValue('Orléans (45)');

  const d = await remplirDossier(page);
  await verifierPage(page, 'mon-dossier-complet');

  // Saved: a reload shows every section as the API has it.
  await page.reload();
  await expect(page.getByTestId('dossier-complet')).toBeVisible();
  await expect(champDe(page, 'Informations personnelles', 'Nom de naissance')).toHaveValue(d.nomNaissance);
  await expect(champDe(page, 'Informations personnelles', 'INE')).toHaveValue(d.ine);
  await expect(page.getByRole('form', { name: 'Informations personnelles' }).getByRole('combobox', { name: /^Commune de naissance/ })).toHaveValue('Orléans (45)');
  await expect(champDe(page, 'Adresse', 'Adresse (numéro et voie)')).toHaveValue(d.adresse);
  await expect(commune).toHaveValue('Orléans (45)');
  await expect(champDe(page, 'Adresse', 'Code postal')).toHaveValue('45000');
  await expect(champDe(page, 'Baccalauréat', 'Année d’obtention')).toHaveValue('2021');
  await expect(champDe(page, 'Baccalauréat', 'Série du bac ou équivalence')).toHaveValue('GEN');
  await expect(champDe(page, 'Baccalauréat', 'Seconde spécialité')).toHaveValue('PC');
  await expect(page.locator('#cursus-externe')).toContainText('L1 Géographie et aménagement');
  await expect(page.locator('#stages')).toContainText('Ville de Tours');
  await expect(page.locator('#experiences-pro')).toContainText('Foire de Bordeaux');
  await expect(page.locator('#cursus-interne')).toContainText('se complète automatiquement');

  // The O/0 confusion of the guide: the INE is saved as typed, the API offers the reading its key confirms.
  await champDe(page, 'Informations personnelles', 'INE').fill('185681612OS');
  await page.getByRole('button', { name: 'Enregistrer mes informations personnelles' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Vouliez-vous saisir 1856816120S' })).toBeVisible();
  await verifierPage(page, 'mon-dossier-ine-o-0');
  await page.getByRole('button', { name: 'Enregistrer l’INE 1856816120S' }).click();
  await expect(champDe(page, 'Informations personnelles', 'INE')).toHaveValue('1856816120S');
  await expect(page.getByRole('alert').filter({ hasText: 'Vouliez-vous saisir' })).toHaveCount(0);

  // A list: change a row, then delete another after confirming.
  await page.getByRole('button', { name: 'Modifier : stage 2023 Ville de Tours' }).click();
  await champDe(page, 'Modifier : stage 2023 Ville de Tours', 'Durée').fill('10 semaines');
  await page.getByRole('form', { name: 'Modifier : stage 2023 Ville de Tours' }).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stage modifié.' })).toBeVisible();
  await expect(page.locator('#stages')).toContainText('10 semaines');
  await page.getByRole('button', { name: 'Supprimer : Animateur 2024 Foire de Bordeaux' }).click();
  await page.getByRole('button', { name: 'Confirmer la suppression : Animateur 2024 Foire de Bordeaux' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Expérience professionnelle supprimée.' })).toBeVisible();
  await expect(page.locator('#experiences-pro')).toContainText('Aucune expérience professionnelle renseignée.');

  // 412: the address changed elsewhere since the page read it; the page reloads it, says so, keeps what was typed.
  const auth = { Authorization: `Bearer ${await jeton(page)}` };
  const lue = await (await page.request.get('/api/candidat/adresse', { headers: auth })).json();
  const ailleurs = await page.request.put('/api/candidat/adresse', {
    headers: { ...auth, 'If-Match': `"${lue.version}"` },
    data: { pays: 'FR', ligne1: '1 place du Martroi', codePostal: '45000', commune: '45234' },
  });
  expect(ailleurs.status()).toBe(200);
  await champDe(page, 'Adresse', 'Adresse (numéro et voie)').fill('5 rue de la République');
  await page.getByRole('button', { name: 'Enregistrer mon adresse' }).click();
  await expect(page.locator('.probleme')).toBeFocused();
  await expect(page.getByText('Votre dossier a été modifié ailleurs')).toBeVisible();
  await expect(champDe(page, 'Adresse', 'Adresse (numéro et voie)')).toHaveValue('5 rue de la République');
  await verifierPage(page, 'mon-dossier-version-perimee');
  await page.getByRole('button', { name: 'Enregistrer mon adresse' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre adresse est enregistrée.' })).toBeVisible();
  await page.reload();
  await expect(champDe(page, 'Adresse', 'Adresse (numéro et voie)')).toHaveValue('5 rue de la République');
});

test('un candidat qui a candidaté (DEMO0001) voit son identité verrouillée, avec la raison', async ({ page }) => {
  await page.goto('/connexion');
  await champ(page, 'Numéro de dossier ou adresse e-mail').fill('DEMO0001');
  await champ(page, 'Mot de passe').fill('demo-candidat-candidatures');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await titreFocalise(page, 'Mon espace');
  await page.getByRole('main').getByRole('link', { name: 'Mon dossier' }).click();
  await titreFocalise(page, 'Mon dossier');
  const verrou = page.getByTestId('identite-verrouillee');
  await expect(verrou).toContainText('Vous avez déjà candidaté');
  await expect(page.getByRole('form', { name: 'Informations personnelles' })).toHaveCount(0);
  await expect(page.locator('#identite')).toContainText('MARTIN');
  await expect(page.locator('#identite')).toContainText('Orléans');
  await expect(page.getByTestId('dossier-complet')).toBeVisible();
  await verifierPage(page, 'mon-dossier-identite-verrouillee');

  // Phones stay editable.
  await champDe(page, 'Coordonnées', 'Téléphone portable').fill('06 12 34 56 78');
  await page.getByRole('button', { name: 'Enregistrer mes coordonnées' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vos coordonnées sont enregistrées.' })).toBeVisible();
});
