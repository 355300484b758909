import { champ, champDe, expect, lienDuMail, nouveauCandidat, seConnecter, test, titreFocalise, verifierPage } from './outils';

/**
 * « Mon compte », by clicking: change the password (the current one asked; then only the new one logs in), change
 * the e-mail (the link mailed to the new address, the session closed and the login waiting for that link; then the
 * new address logs in). Each page checked by axe-core.
 */
test.describe.configure({ mode: 'serial' });

const email = `camille.${Date.now()}@example.org`;
const nouvelEmail = `camille.${Date.now()}@nouveau.example`;
const motDePasse = 'une phrase de passe toute simple';
const nouveauMotDePasse = 'une autre phrase de passe, bien plus longue';
let numero = '';

const MOT_DE_PASSE = 'Changer de mot de passe';
const EMAIL = 'Changer d’adresse e-mail';

test('changer de mot de passe : l’actuel est demandé, puis seul le nouveau ouvre une session', async ({ page }) => {
  numero = await nouveauCandidat(page, email, motDePasse, 'Durand', 'Camille');
  await page.getByRole('main').getByRole('link', { name: 'Mon compte' }).click();
  await titreFocalise(page, 'Mon compte');
  await expect(page.getByRole('main')).toContainText(numero);
  await expect(page.getByRole('main')).toContainText(email);
  await verifierPage(page, 'mon-compte');

  // A wrong current password: the API's message under the field.
  await champDe(page, MOT_DE_PASSE, 'Mot de passe actuel').fill('pas le bon mot de passe');
  await champDe(page, MOT_DE_PASSE, 'Nouveau mot de passe').fill(nouveauMotDePasse);
  await champDe(page, MOT_DE_PASSE, 'Nouveau mot de passe (confirmation)').fill(nouveauMotDePasse);
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  const actuel = champDe(page, MOT_DE_PASSE, 'Mot de passe actuel');
  await expect(actuel).toHaveAttribute('aria-invalid', 'true');
  await expect(actuel).toHaveAccessibleDescription(/votre mot de passe actuel/);
  await verifierPage(page, 'mon-compte-mot-de-passe-refuse');

  await actuel.fill(motDePasse);
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(page.getByRole('status')).toContainText('Votre mot de passe est changé');
  // The form is emptied: nothing typed stays on screen.
  await expect(champDe(page, MOT_DE_PASSE, 'Nouveau mot de passe')).toHaveValue('');
  await verifierPage(page, 'mon-compte-mot-de-passe-change');

  await page.getByRole('link', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('status')).toHaveText('Vous êtes déconnecté.');
  await page.goto('/connexion');
  await seConnecter(page, numero, motDePasse);
  await expect(page.getByRole('alert')).toBeVisible();
  await champ(page, 'Mot de passe').fill(nouveauMotDePasse);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await titreFocalise(page, 'Mon espace');
});

test('changer d’adresse e-mail : le lien envoyé à la nouvelle, la session fermée, la connexion après validation', async ({ page }) => {
  await page.goto('/mon-compte');
  // No session in this new tab: the login page, then back to « Mon compte ».
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter');
  await seConnecter(page, numero, nouveauMotDePasse);
  await titreFocalise(page, 'Mon compte');

  const avant = new Date();
  await champDe(page, EMAIL, 'Nouvelle adresse e-mail').fill(nouvelEmail);
  await champDe(page, EMAIL, 'Nouvelle adresse e-mail (confirmation)').fill(nouvelEmail);
  await champDe(page, EMAIL, 'Mot de passe actuel').fill(nouveauMotDePasse);
  await page.getByRole('button', { name: 'Changer mon adresse e-mail' }).click();
  await titreFocalise(page, 'Validez votre nouvelle adresse e-mail');
  await expect(page.getByRole('status')).toContainText(nouvelEmail);
  await expect(page.getByRole('main')).toContainText(numero);
  // The session is over, here as on the server.
  await expect(page.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();
  await verifierPage(page, 'mon-compte-email-demande');

  // Until the link is followed, logging in waits (the API says why).
  await page.goto('/connexion');
  await seConnecter(page, numero, nouveauMotDePasse);
  await expect(page.getByRole('alert')).toContainText(nouvelEmail);

  await page.goto(await lienDuMail(nouvelEmail, '/comptes/email?token=', avant));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Validation de la nouvelle adresse e-mail');
  await expect(page.getByRole('status')).toContainText('validée');
  await verifierPage(page, 'validation-email');
  await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
  await expect(champ(page, 'Numéro de dossier ou adresse e-mail')).toHaveValue(numero);

  // The new address is a login now.
  await champ(page, 'Numéro de dossier ou adresse e-mail').fill(nouvelEmail);
  await champ(page, 'Mot de passe').fill(nouveauMotDePasse);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await titreFocalise(page, 'Mon espace');
  await page.getByRole('link', { name: 'Mon compte' }).first().click();
  await expect(page.getByRole('main')).toContainText(nouvelEmail);
});
