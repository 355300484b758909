import { readFileSync } from 'node:fs';
import { champ, connecterPersonnel, expect, test, titreFocalise, verifierPage } from './outils';

// A loaded machine: axe-core takes its time.
test.setTimeout(300_000);

/**
 * The campaign's statistics, by clicking: the demo gestionnaire (centre OSUC) opens them from the list, sees their
 * centre's figures only, one line per formation, then downloads them as a workbook. Each page checked by axe-core.
 */
test('le gestionnaire : statistiques de son centre, par formation, téléchargées en XLSX', async ({ page }) => {
  await connecterPersonnel(page, 'gestionnaire', 'demo-gestionnaire-candidatures');
  // The journeys run before this one add candidatures to the demo: the list's own count is the reference.
  const compte = page.getByRole('status').filter({ hasText: /^\d+ candidatures?$/ });
  await expect(compte).toBeVisible();
  const enCours = Number.parseInt((await compte.textContent()) as string, 10);
  expect(enCours).toBeGreaterThanOrEqual(3);

  await page.getByRole('link', { name: 'Statistiques de la campagne' }).click();
  await titreFocalise(page, 'Statistiques de la campagne');
  // As the list: the OSUC centre's candidatures, and no other centre.
  await expect(page.getByRole('status').filter({ hasText: 'en cours' })).toContainText(`${enCours} candidatures en cours`);
  const tableau = page.getByRole('table');
  await expect(tableau.locator('tbody tr')).toHaveCount(1);
  await expect(tableau.locator('tbody tr th')).toHaveText('OSUC');
  await expect(tableau.locator('tfoot')).toContainText('Total');
  await verifierPage(page, 'gestion-statistiques');

  await champ(page, 'Une ligne par').selectOption('formation');
  await expect(page).toHaveURL(/niveau=formation/);
  await expect(tableau).toContainText('M1-GEO2ENV');
  await verifierPage(page, 'gestion-statistiques-formations');

  const telechargement = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger en Excel (XLSX)' }).click();
  const fichier = await telechargement;
  expect(fichier.suggestedFilename()).toBe('statistiques-formation.xlsx');
  // A workbook is a zip archive.
  expect(readFileSync((await fichier.path()) as string).subarray(0, 2).toString()).toBe('PK');
});
