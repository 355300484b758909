import { champ, expect, lienDuMail, test, titreFocalise, verifierPage } from './outils';

/**
 * The candidate's first steps, by clicking: create an account, activate it from the mail's link, log in, the
 * candidate's space; then forgotten identifiers and a new password through their mail. Each page checked by axe-core.
 */
test.describe.configure({ mode: 'serial' });

const email = `elise.${Date.now()}@example.org`;
const motDePasse = 'une phrase de passe toute simple';
const nouveauMotDePasse = 'une autre phrase de passe, plus longue';

test('créer un compte, l’activer par le lien du mail, se connecter, mon espace', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Université de démonstration/);
  await verifierPage(page, 'accueil');

  await page.getByRole('main').getByRole('link', { name: 'Créer un compte' }).click();
  await titreFocalise(page, 'Créer un compte');
  await verifierPage(page, 'creation-compte');

  // The API's problem: its French detail announced, the field's message tied to the field.
  await champ(page, 'Nom').fill('Martin');
  await champ(page, 'Prénom').fill('Élise');
  await champ(page, 'Adresse e-mail').fill('pas-une-adresse');
  await champ(page, 'Adresse e-mail (confirmation)').fill('pas-une-adresse');
  await champ(page, 'Mot de passe').fill(motDePasse);
  await champ(page, 'Mot de passe (confirmation)').fill(motDePasse);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('alert')).toContainText('email');
  const adresse = champ(page, 'Adresse e-mail');
  await expect(adresse).toHaveAttribute('aria-invalid', 'true');
  await expect(adresse).toHaveAccessibleDescription(/adresse e-mail valide/);
  await verifierPage(page, 'creation-compte-erreurs');

  const avant = new Date();
  await adresse.fill(email);
  await champ(page, 'Adresse e-mail (confirmation)').fill(email);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await titreFocalise(page, 'Compte créé : activez-le');
  await expect(page.getByRole('status')).toContainText('mail');
  await verifierPage(page, 'compte-cree');

  await page.goto(await lienDuMail(email, '/comptes/activation?token=', avant));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activation du compte');
  const numero = (await page.getByTestId('numero-dossier').textContent())!;
  expect(numero).toMatch(/^[0-9A-Z]{8}$/);
  await verifierPage(page, 'activation');

  await page.getByRole('link', { name: 'Se connecter' }).last().click();
  await titreFocalise(page, 'Se connecter');
  await expect(champ(page, 'Numéro de dossier ou adresse e-mail')).toHaveValue(numero);
  await verifierPage(page, 'connexion');
  await champ(page, 'Mot de passe').fill(motDePasse);
  await page.getByRole('button', { name: 'Se connecter' }).click();

  await titreFocalise(page, 'Mon espace');
  await expect(page.getByRole('main')).toContainText(numero);
  await expect(page.getByText('Vous n’avez pas encore candidaté.')).toBeVisible();
  await verifierPage(page, 'mon-espace-vide');

  // A reload keeps the session of the tab.
  await page.reload();
  await expect(page.getByText('Vous n’avez pas encore candidaté.')).toBeVisible();

  await page.getByRole('link', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('status')).toHaveText('Vous êtes déconnecté.');
  await verifierPage(page, 'deconnexion');
  await page.goto('/mon-espace');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter');
});

test('identifiants oubliés : le mail donne le numéro et un lien pour choisir un nouveau mot de passe', async ({ page }) => {
  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Identifiants oubliés' }).click();
  await titreFocalise(page, 'Identifiants oubliés');
  await verifierPage(page, 'identifiants-oublies');
  const avant = new Date();
  await champ(page, 'Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir mes identifiants' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await verifierPage(page, 'identifiants-oublies-envoye');

  await page.goto(await lienDuMail(email, '/comptes/mot-de-passe?token=', avant));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choisir un nouveau mot de passe');
  await verifierPage(page, 'mot-de-passe');
  await champ(page, 'Nouveau mot de passe').fill(nouveauMotDePasse);
  await champ(page, 'Nouveau mot de passe (confirmation)').fill(nouveauMotDePasse);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByRole('status')).toContainText('Votre mot de passe est changé');
  await verifierPage(page, 'mot-de-passe-change');

  await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
  await champ(page, 'Numéro de dossier ou adresse e-mail').fill(email);
  await champ(page, 'Mot de passe').fill(motDePasse);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).toBeFocused();
  await verifierPage(page, 'connexion-refusee');
  await champ(page, 'Mot de passe').fill(nouveauMotDePasse);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await titreFocalise(page, 'Mon espace');
});

test('le lien d’un mail de candidature : la connexion, le numéro rempli, puis les candidatures (compte de démonstration)', async ({ page }) => {
  await page.goto('/candidatures/DEMO0001');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Suivre mes candidatures');
  await expect(champ(page, 'Numéro de dossier ou adresse e-mail')).toHaveValue('DEMO0001');
  await verifierPage(page, 'suivi-candidatures');
  await champ(page, 'Mot de passe').fill('demo-candidat-candidatures');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await titreFocalise(page, 'Mon espace');
  await expect(page.getByRole('table')).toContainText('M1 SCIENCES DE LA TERRE');
  await verifierPage(page, 'mon-espace');
});

test('connexion par le CAS de l’université : le bouton, le serveur CAS, la page de retour, mon espace', async ({ page }) => {
  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Se connecter avec le compte de l’université (CAS)' }).click();
  await page.waitForURL('**/mon-espace');
  await titreFocalise(page, 'Mon espace');
  await expect(page.getByRole('main')).toContainText('Bonjour Camille');
  await verifierPage(page, 'mon-espace-cas');
});

test('les autres pages du compte, et une adresse inconnue', async ({ page }) => {
  await page.goto('/comptes/activation/renvoi');
  await verifierPage(page, 'activation-renvoi');
  await champ(page, 'Adresse e-mail').fill('personne@example.org');
  await page.getByRole('button', { name: 'Recevoir un nouveau lien' }).click();
  await expect(page.getByRole('status')).toBeVisible();

  await page.goto('/comptes/activation?token=un-jeton-qui-n-existe-pas-du-tout-0123456789');
  await expect(page.getByRole('alert')).toBeVisible();
  await verifierPage(page, 'activation-lien-invalide');

  await page.goto('/comptes/email?token=un-jeton-qui-n-existe-pas-du-tout-0123456789');
  await expect(page.getByRole('alert')).toBeVisible();
  await verifierPage(page, 'validation-email-lien-invalide');

  await page.goto('/connexion/cas?code=un-code-qui-n-existe-pas-du-tout-0123456789');
  await expect(page.getByRole('alert')).toBeVisible();
  await verifierPage(page, 'connexion-cas-code-invalide');

  await page.goto('/nulle-part');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await verifierPage(page, 'page-introuvable');
});
