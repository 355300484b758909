import { expect, test } from '@playwright/test';
import { verifierPage } from './outils';

/** The check every journey relies on can fail: a field without a label (axe-core's `label` rule, critical) is refused. */
test('verifierPage refuse une page qui a une violation grave', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => document.querySelector('main')!.append(document.createElement('input')));
  await expect(verifierPage(page, 'violation')).rejects.toThrow(/critical label/);
});
