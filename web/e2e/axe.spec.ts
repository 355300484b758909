import { ECRANS_ADMINISTRATION } from '../src/administration/acces';
import { champ, expect, test, verifierPage } from './outils';

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

/** Every screen of the administration, and the desk's search and labels, as an administrator reaches them (the journeys walk them: administration.spec.ts, recherche.spec.ts). */
test('les écrans d’administration n’ont aucune violation grave', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/gestion/connexion');
  await champ(page, 'Identifiant').fill('admin');
  await champ(page, 'Mot de passe').fill('demo-admin-candidatures');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidatures à traiter');
  const ecrans = [
    ['/gestion/administration', 'Administration'],
    ...ECRANS_ADMINISTRATION.map((e) => [e.chemin, e.titre]),
    ['/gestion/personnel/nouveau', 'Nouveau compte du personnel'],
    ['/gestion/modeles-mail/CPT_MIN_CREATE/en', /\(anglais\)$/],
    ['/gestion/jobs/envoi-mails', 'Tâche envoi-mails'],
    ['/gestion/jobs/purge-campagnes-archivees', 'Tâche purge-campagnes-archivees'],
    ['/gestion/recherche', 'Rechercher un candidat'],
    ['/gestion/etiquettes', 'Étiquettes'],
  ] as const;
  for (const [chemin, titre] of ecrans) {
    await page.goto(chemin);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titre);
    await expect(page.getByRole('status').filter({ hasText: 'Chargement…' })).toHaveCount(0);
    await verifierPage(page, `axe${chemin.replaceAll('/', '-')}`);
  }
});
