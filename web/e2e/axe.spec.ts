import { expect, test, verifierPage } from './outils';

/** The checks every journey relies on can fail: a field without a label (axe-core's `label` rule, critical) is refused. */
test('verifierPage refuse une page qui a une violation grave', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => document.querySelector('main')!.append(document.createElement('input')));
  await expect(verifierPage(page, 'violation')).rejects.toThrow(/critical label/);
});

/** So can the CSP watch of every page: an inline script, refused by the pages' CSP, fails the test (expected here). */
test('une page dont la CSP refuse un script échoue', async ({ page }) => {
  test.fail();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.title = "injecté"';
    document.head.append(script);
  });
  await expect(page).not.toHaveTitle('injecté');
});
