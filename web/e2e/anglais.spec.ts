import { apiConnectee, champ, expect, lienDuMail, test, titreFocalise, verifierPage } from './outils';

/**
 * A candidate who reads English: the FR | EN switch of the header, an account created in English (its mails and
 * letters too), activated, the login bringing the account's language back even after the pages were switched to
 * French, « My space », « My file », the offer, a formation's page and « Apply ». The API's problems stay French
 * (the API writes no other language): marked `lang="fr"`. Each page checked by axe-core.
 */
const email = `amelia.${Date.now()}@example.org`;
const motDePasse = 'a simple passphrase for the test';
const L3 = 'L3 Arts du spectacle - Etudes cinématographiques';

test('in English: create an account, activate it, log in, my space, my file, the offer, apply', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: /English/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apply to Université de démonstration');
  await verifierPage(page, 'en-home');

  // The choice is kept by this browser.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apply to Université de démonstration');

  await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
  await titreFocalise(page, 'Create an account');
  // Mails and letters in the language the pages are read in, unless the candidate picks the other.
  await expect(champ(page, 'Language of mails and letters')).toHaveValue('en');
  await champ(page, 'Surname').fill('Smith');
  await champ(page, 'First name').fill('Amelia');
  await champ(page, 'E-mail address').fill('not-an-address');
  await champ(page, 'E-mail address (confirmation)').fill('not-an-address');
  await champ(page, 'Password').fill(motDePasse);
  await champ(page, 'Password (confirmation)').fill(motDePasse);
  await page.getByRole('button', { name: 'Create my account' }).click();
  // The API's sentence, in French, said to be French.
  await expect(page.getByRole('alert').locator('[lang="fr"]').first()).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Request reference:');
  await verifierPage(page, 'en-account-creation-errors');

  const avant = new Date();
  await champ(page, 'E-mail address').fill(email);
  await champ(page, 'E-mail address (confirmation)').fill(email);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await titreFocalise(page, 'Account created: activate it');
  await expect(page.getByRole('status')).toContainText('a mail has just been sent');
  await verifierPage(page, 'en-account-created');

  await page.goto(await lienDuMail(email, '/comptes/activation?token=', avant));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account activation');
  const numero = (await page.getByTestId('numero-dossier').textContent())!;
  await verifierPage(page, 'en-activation');
  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await titreFocalise(page, 'Log in');
  await verifierPage(page, 'en-login');

  // Pages switched back to French: the login brings the account's English back.
  await page.getByRole('button', { name: /Français/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter');
  await champ(page, 'Mot de passe').fill(motDePasse);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await titreFocalise(page, 'My space');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('main')).toContainText(`Hello Amelia Smith · application number ${numero}`);
  await expect(page.getByText('You have not applied yet.')).toBeVisible();
  await verifierPage(page, 'en-my-space');

  await page.getByRole('main').getByRole('link', { name: 'My account' }).click();
  await titreFocalise(page, 'My account');
  await expect(page.getByRole('heading', { level: 2, name: 'Change password' })).toBeVisible();
  await verifierPage(page, 'en-my-account');

  // The file filled in through the API (« mon dossier »'s clicks are dossier.spec.ts's journey), then read here.
  const candidat = await apiConnectee(request, numero, motDePasse);
  // An INE of the INES form (9 digits, 2 letters) unique to this run, as remplirDossier types.
  const ine = `${String(Date.now() % 1e9).padStart(9, '0')}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}`;
  await candidat.put('/api/candidat/identite', { civilite: 'MME', nomNaissance: 'Smith', prenom: 'Amelia', dateNaissance: '2002-05-04', paysNaissance: 'FR', departementNaissance: '45', communeNaissance: '45234', nationalite: 'FR', ine });
  await candidat.put('/api/candidat/adresse', { pays: 'FR', ligne1: '3 rue Jeanne d’Arc', codePostal: '45000', commune: '45234' });
  await candidat.put('/api/candidat/bac', { serie: 'GEN', annee: 2022, mention: 'AB', specialites: ['MATHS', 'PC'], pays: 'FR', departement: '45', commune: '45234' });
  await page.goto('/mon-espace');
  await page.getByRole('main').getByRole('link', { name: 'My file' }).click();
  await titreFocalise(page, 'My file');
  await expect(page.getByTestId('dossier-complet')).toHaveText('Your file is complete: you can apply.');
  await expect(page.getByRole('heading', { level: 2, name: 'Personal information' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Address' }).getByLabel(/^Address \(number and street\)/)).toHaveValue('3 rue Jeanne d’Arc');
  await verifierPage(page, 'en-my-file');

  await page.getByRole('link', { name: 'Programmes', exact: true }).click();
  await titreFocalise(page, 'Programmes');
  await champ(page, 'Words of the title or keywords').fill('cinema');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('1 programme');
  await verifierPage(page, 'en-programmes');

  await page.getByRole('link', { name: L3 }).click();
  await titreFocalise(page, L3);
  await expect(page.getByRole('heading', { level: 2, name: 'Supporting documents to provide' })).toBeVisible();
  await expect(page.getByText('Applications to this programme are open.')).toBeVisible();
  await verifierPage(page, 'en-programme');

  await page.getByRole('button', { name: 'Apply to this programme' }).click();
  await titreFocalise(page, `My application: ${L3}`);
  await expect(page.getByRole('status')).toHaveText('Your application is recorded: an e-mail confirms it.');
  await expect(page.getByRole('heading', { level: 2, name: 'What you can do' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Supporting documents' })).toBeVisible();
  await verifierPage(page, 'en-application');

  await page.getByRole('link', { name: '← My applications' }).click();
  await titreFocalise(page, 'My space');
  await expect(page.getByRole('table')).toContainText(L3);
  await verifierPage(page, 'en-my-space-applied');
});

test('the staff desk stays French whatever the candidate pages are read in', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /English/ }).click();
  await page.goto('/gestion/connexion');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: /English/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Offre de formation' })).toBeVisible();
});
