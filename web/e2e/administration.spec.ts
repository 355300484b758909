import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { champ, connecterPersonnel, expect, test, titreFocalise, verifierPage } from './outils';

/**
 * The administration's screens, by clicking (issue 17, « Screens too »): the demo administrator creates a gestionnaire
 * scoped to one centre (who then sees only that centre, until deactivated), defines « Avis favorable sous réserve »
 * and a motif de refus, edits a mail's text (an unknown variable refused under the field, a preview, a test mail, the
 * shipped text back), switches the maintenance mode on (candidates get 503) and off, and reads a job's runs. Each
 * page checked by axe-core. Everything it changes that other journeys read is put back (text, maintenance).
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);


const menu = (page: Page) => page.getByRole('navigation', { name: 'Administration' });

test('l’administrateur : personnel, décisions, texte d’un mail, maintenance, tâches', async ({ page, request }) => {
  await connecterPersonnel(page, 'admin', 'demo-admin-candidatures');
  await page.getByRole('navigation', { name: 'Compte' }).getByRole('link', { name: 'Administration' }).click();
  await titreFocalise(page, 'Administration');
  for (const ecran of ['Personnel', 'Décisions', 'Textes des mails', 'Lettres', 'Campagnes', 'Maintenance', 'Tâches planifiées']) {
    await expect(page.getByRole('main').getByRole('heading', { name: ecran, level: 2 })).toBeVisible();
  }
  await verifierPage(page, 'administration');

  // A gestionnaire scoped to the DEG centre, with a password.
  await menu(page).getByRole('link', { name: 'Personnel' }).click();
  await titreFocalise(page, 'Personnel');
  await verifierPage(page, 'administration-personnel');
  await page.getByRole('link', { name: 'Créer un compte' }).click();
  await titreFocalise(page, 'Nouveau compte du personnel');
  await champ(page, 'Login').fill('claire.martin');
  await champ(page, 'Adresse e-mail').fill('claire.martin@candidatures.localhost');
  await champ(page, 'Prénom').fill('Claire');
  await champ(page, 'Nom').fill('Martin');
  await champ(page, 'Mot de passe').fill('court');
  await expect(page.getByRole('checkbox', { name: 'Gestionnaire' })).toBeChecked();
  await page.getByRole('button', { name: 'Ajouter un centre' }).click();
  await page.getByLabel('Centre 1').selectOption('DEG');
  // A password under the policy: refused under its field, nothing created.
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(champ(page, 'Mot de passe')).toHaveAttribute('aria-invalid', 'true');
  await expect(champ(page, 'Mot de passe')).toHaveAccessibleDescription(/doit contenir au moins 12 caractères/);
  await verifierPage(page, 'administration-personnel-nouveau');
  await champ(page, 'Mot de passe').fill('une phrase de passe du service');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await titreFocalise(page, 'Compte de Claire Martin');
  await expect(page.getByRole('status').filter({ hasText: 'Compte créé.' })).toBeVisible();
  await expect(page.getByLabel('Centre 1')).toHaveValue('DEG');
  const historique = page.getByRole('table', { name: 'Attributions et retraits, les plus récents en premier' });
  await expect(historique).toContainText('Attribution · centre entier DEG');
  await expect(historique).toContainText('Attribution · rôle Gestionnaire');
  await verifierPage(page, 'administration-personnel-fiche');

  // Claire sees the DEG centre's candidatures only (none: the demo's are at OSUC and UFR-ARTS).
  const connexion = await request.post('/api/auth/login', { data: { login: 'claire.martin', password: 'une phrase de passe du service' } });
  expect(connexion.status()).toBe(200);
  const claire = { Authorization: `Bearer ${(await connexion.json()).token}` };
  const siennes = await request.get('/api/candidatures', { headers: claire });
  expect(siennes.status()).toBe(200);
  expect((await siennes.json()).items).toEqual([]);

  // Found by the search, then deactivated: her session ends at once.
  await page.getByRole('link', { name: 'Retour à la liste du personnel' }).click();
  await champ(page, 'Recherche').fill('MARTÍN claire');
  await page.getByRole('button', { name: 'Chercher' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'compte' })).toHaveText('1 compte');
  await page.getByRole('link', { name: 'Claire Martin' }).click();
  await titreFocalise(page, 'Compte de Claire Martin');
  await page.getByRole('button', { name: 'Désactiver le compte (ses sessions sont fermées)' }).click();
  await expect(page.getByRole('button', { name: 'Réactiver le compte' })).toBeVisible();
  await expect(historique).toContainText('Retrait · compte');
  expect((await request.get('/api/candidatures', { headers: claire })).status()).toBe(401);

  // « Avis favorable sous réserve »: a type of the favourable family, which the candidate confirms.
  await menu(page).getByRole('link', { name: 'Décisions' }).click();
  await titreFocalise(page, 'Décisions');
  const nouveauType = page.getByRole('form', { name: 'Nouveau type de décision' });
  await nouveauType.getByLabel(/^Code/).fill('fav_reserve_diplome');
  await nouveauType.getByLabel(/^Famille d’avis/).selectOption('FA');
  await nouveauType.getByLabel(/^Libellé \(ce que lit le candidat\)/).fill('Avis favorable sous réserve de l’obtention du diplôme');
  await nouveauType.getByLabel('Libellé en anglais').fill('Offer subject to passing your degree');
  await nouveauType.getByLabel('Décision définitive').selectOption('true');
  await nouveauType.getByLabel('Le candidat confirme ou se désiste').selectOption('true');
  await nouveauType.getByRole('button', { name: 'Créer le type de décision' }).click();
  await expect(nouveauType.getByRole('status')).toContainText('Type de décision « Avis favorable sous réserve de l’obtention du diplôme » créé');
  const ligneType = page.getByRole('row').filter({ hasText: 'FAV_RESERVE_DIPLOME' });
  await expect(ligneType).toContainText('le candidat confirme');
  await expect(ligneType).toContainText('Offer subject to passing your degree');
  // Created: the form is blank again for the next one.
  await expect(nouveauType.getByLabel(/^Code/)).toHaveValue('');
  // Changed: its own form, closed once saved, the list read again.
  await ligneType.getByRole('button', { name: /^Modifier « Avis favorable sous réserve/ }).click();
  const modificationType = page.getByRole('form', { name: 'Modifier le type « Avis favorable sous réserve de l’obtention du diplôme »' });
  await modificationType.getByLabel('Libellé en anglais').fill('Offer subject to your degree');
  await modificationType.getByRole('button', { name: 'Enregistrer le type' }).click();
  await expect(modificationType).toHaveCount(0);
  await expect(ligneType).toContainText('Offer subject to your degree');
  // A code already taken is refused, nothing created.
  await nouveauType.getByLabel(/^Code/).fill('FAV_RESERVE_DIPLOME');
  await nouveauType.getByLabel(/^Libellé \(ce que lit le candidat\)/).fill('Doublon');
  await nouveauType.getByRole('button', { name: 'Créer le type de décision' }).click();
  await expect(nouveauType.getByRole('alert')).toContainText('FAV_RESERVE_DIPLOME');
  await expect(page.getByRole('row').filter({ hasText: 'Doublon' })).toHaveCount(0);
  // A motif de refus, created then deactivated.
  const nouveauMotif = page.getByRole('form', { name: 'Nouveau motif de refus' });
  await nouveauMotif.getByLabel(/^Code du motif/).fill('LANGUE');
  await nouveauMotif.getByLabel(/^Libellé du motif/).fill('Niveau de langue insuffisant');
  await nouveauMotif.getByRole('button', { name: 'Créer le motif' }).click();
  await expect(nouveauMotif.getByRole('status')).toContainText('Motif « Niveau de langue insuffisant » créé.');
  await page.getByRole('button', { name: 'Désactiver LANGUE' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'LANGUE' })).toContainText('désactivé');
  await verifierPage(page, 'administration-decisions');

  // The gestionnaire's avis form offers the new type.
  const types = await (await request.get('/api/candidatures/types-decision', { headers: await jetonDe(page) })).json();
  expect(types.find((t: { code: string }) => t.code === 'FAV_RESERVE_DIPLOME')).toMatchObject({ famille: 'FA', definitif: true, confirmable: true, actif: true });

  // A mail's text: an unknown variable is refused under the field, then a good text previewed, saved, tried, reset.
  await menu(page).getByRole('link', { name: 'Textes des mails' }).click();
  await titreFocalise(page, 'Textes des mails');
  await verifierPage(page, 'administration-modeles-mail');
  await page.getByRole('link', { name: 'CPT_MIN_CREATE en français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(français)');
  const corps = champ(page, 'Texte');
  await expect(corps).toHaveValue(/\{\{prenom\}\}/);
  await corps.fill('Bonjour {{prenom}} {{nom}},\n\nVotre numéro : {{numeroDossier}}. Votre code : {{codeSecret}}.');
  await page.getByRole('button', { name: 'Enregistrer le texte' }).click();
  await expect(page.getByRole('form', { name: 'Texte du mail' }).getByRole('alert')).toBeVisible();
  await expect(corps).toHaveAttribute('aria-invalid', 'true');
  await expect(corps).toHaveAccessibleDescription(/utilise la variable inconnue « codeSecret »/);
  await verifierPage(page, 'administration-modele-mail-erreur');
  await corps.fill('Bonjour {{prenom}} {{nom}},\n\nVotre numéro de dossier est {{numeroDossier}}.\n\n{{lien lien "Activer mon compte"}}');
  await champ(page, 'Sujet').fill('Bienvenue {{prenom}}');
  await page.getByRole('button', { name: 'Aperçu' }).click();
  await expect(page.getByTestId('apercu-sujet')).toHaveText(/^Bienvenue \S+/);
  await expect(page.getByTitle('Aperçu du mail (HTML)')).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer le texte' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Texte enregistré' })).toBeVisible();
  await expect(corps).not.toHaveAttribute('aria-invalid');
  await verifierPage(page, 'administration-modele-mail');
  await page.getByRole('button', { name: 'M’envoyer un mail d’essai' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Mail d’essai' })).toContainText('admin@candidatures.localhost');
  await menu(page).getByRole('link', { name: 'Textes des mails' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'CPT_MIN_CREATE' })).toContainText('modifié');
  await page.getByRole('link', { name: 'CPT_MIN_CREATE en français' }).click();
  await page.getByRole('button', { name: 'Revenir au texte livré' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'texte livré' })).toBeVisible();
  await expect(champ(page, 'Sujet')).not.toHaveValue('Bienvenue {{prenom}}');
  await expect(page.getByRole('button', { name: 'Revenir au texte livré' })).toBeDisabled();

  // Maintenance on: candidates get 503 with the message, staff keep working; off: candidates are back.
  await menu(page).getByRole('link', { name: 'Maintenance' }).click();
  await titreFocalise(page, 'Maintenance');
  await expect(page.getByTestId('etat-maintenance')).toContainText('Plateforme ouverte aux candidats.');
  await verifierPage(page, 'administration-maintenance');
  await champ(page, 'Message aux candidats').fill('Mise à jour de la plateforme : retour prévu à 14 h.');
  await page.getByRole('button', { name: 'Activer la maintenance' }).click();
  await expect(page.getByTestId('etat-maintenance')).toContainText('Maintenance en cours');
  await expect
    .poll(async () => (await request.post('/api/auth/login', { data: { login: 'DEMO0004', password: 'demo-candidat-candidatures' } })).status(), { timeout: 10_000 })
    .toBe(503);
  const refus = await request.post('/api/auth/login', { data: { login: 'DEMO0004', password: 'demo-candidat-candidatures' } });
  expect((await refus.json()).detail).toContain('Mise à jour de la plateforme : retour prévu à 14 h.');
  expect((await request.get('/api/candidatures', { headers: await jetonDe(page) })).status()).toBe(200);
  await verifierPage(page, 'administration-maintenance-active');
  await page.getByRole('button', { name: 'Désactiver la maintenance' }).click();
  await expect(page.getByTestId('etat-maintenance')).toContainText('Plateforme ouverte aux candidats.');
  await expect
    .poll(async () => (await request.post('/api/auth/login', { data: { login: 'DEMO0004', password: 'demo-candidat-candidatures' } })).status(), { timeout: 10_000 })
    .toBe(200);

  // A job's runs: run now, found at the top of its history.
  await menu(page).getByRole('link', { name: 'Tâches planifiées' }).click();
  await titreFocalise(page, 'Tâches planifiées');
  await verifierPage(page, 'administration-jobs');
  await page.getByRole('link', { name: 'purge-comptes' }).click();
  await titreFocalise(page, 'Tâche purge-comptes');
  const executions = page.getByRole('region', { name: 'Exécutions (30 derniers jours)' });
  const avant = Number((await executions.getByRole('status').textContent())?.match(/\d+/)?.[0] ?? 0);
  await page.getByRole('button', { name: 'Lancer maintenant' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exécution terminée' })).toContainText('Succès');
  await expect(executions.getByRole('status')).toHaveText(`${avant + 1} exécution${avant + 1 > 1 ? 's' : ''}`);
  await expect(executions.getByRole('row').nth(1)).toContainText('Succès');
  // A schedule that is not cron is refused; paused, then resumed.
  await champ(page, 'Programmation (cron, heure de Paris, secondes en premier)').fill('tous les jours');
  await page.getByRole('button', { name: 'Enregistrer la programmation' }).click();
  await expect(page.getByRole('region', { name: 'Réglages' }).getByRole('alert')).toBeVisible();
  await page.getByRole('button', { name: 'Suspendre la tâche' }).click();
  await expect(page.getByRole('button', { name: 'Reprendre la tâche' })).toBeVisible();
  await verifierPage(page, 'administration-job');
  await page.getByRole('button', { name: 'Reprendre la tâche' }).click();
  await expect(page.getByRole('button', { name: 'Suspendre la tâche' })).toBeVisible();

  // The campaign's switch: account creation closed to non-CAS candidates, then opened again.
  await menu(page).getByRole('link', { name: 'Campagnes' }).click();
  await titreFocalise(page, 'Campagnes');
  const reglages = page.getByRole('form', { name: /^Réglages de la campagne/ });
  const horsCas = reglages.getByRole('checkbox', { name: /^Les candidats peuvent créer un compte/ });
  await expect(horsCas).toBeChecked();
  await verifierPage(page, 'administration-campagnes');
  const creerCompte = () =>
    request.post('/api/comptes', {
      data: { nom: 'Petit', prenom: 'Jeanne', email: 'jeanne.petit@example.org', emailConfirmation: 'jeanne.petit@example.org', password: 'une phrase de passe assez longue', passwordConfirmation: 'une phrase de passe assez longue' },
    });
  await horsCas.uncheck();
  await reglages.getByRole('button', { name: /^Enregistrer la campagne/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Campagne enregistrée.' })).toBeVisible();
  const refusee = await creerCompte();
  expect(refusee.status()).toBe(403);
  expect((await refusee.json()).code).toBe('CREATION_COMPTE_CAS_UNIQUEMENT');
  await horsCas.check();
  await reglages.getByRole('button', { name: /^Enregistrer la campagne/ }).click();
  await expect(horsCas).toBeChecked();
  await expect.poll(async () => (await creerCompte()).status()).toBeLessThan(300);
});

test('l’administrateur : les lettres (établissement, texte d’un type de diplôme, logo, commission, aperçu)', async ({ page, request }) => {
  await connecterPersonnel(page, 'admin', 'demo-admin-candidatures');
  await page.goto('/gestion/administration');
  await menu(page).getByRole('link', { name: 'Lettres' }).click();
  await titreFocalise(page, 'Lettres');
  const etablissement = page.getByRole('form', { name: 'En-tête et signataire de l’établissement' });
  const nom = etablissement.getByLabel(/^Nom de l’établissement/);
  const nomDemo = await nom.inputValue();
  expect(nomDemo).not.toBe('');
  await verifierPage(page, 'administration-lettres');

  // The institution's name; seven address lines are refused under the field, nothing saved.
  const adresse = etablissement.getByLabel(/^Adresse/);
  const adresseDemo = await adresse.inputValue();
  await nom.fill('Université de Démonstration des lettres');
  await adresse.fill('1\n2\n3\n4\n5\n6\n7');
  await etablissement.getByRole('button', { name: 'Enregistrer l’établissement' }).click();
  await expect(etablissement.getByRole('alert')).toBeVisible();
  await expect(adresse).toHaveAttribute('aria-invalid', 'true');
  await expect(adresse).toHaveAccessibleDescription(/compte au plus 6 lignes/);
  expect((await (await request.get('/api/lettres/etablissement', { headers: await jetonDe(page) })).json()).nom).toBe(nomDemo);
  await verifierPage(page, 'administration-lettres-erreur');
  await adresse.fill(adresseDemo);
  await etablissement.getByRole('button', { name: 'Enregistrer l’établissement' }).click();
  await expect(etablissement.getByRole('status')).toHaveText('Établissement enregistré : les prochaines lettres l’impriment.');
  await expect(adresse).not.toHaveAttribute('aria-invalid');
  expect(await (await request.get('/api/lettres/etablissement', { headers: await jetonDe(page) })).json()).toMatchObject({ nom: 'Université de Démonstration des lettres', updatedBy: 'admin' });

  // A paragraph for the licences professionnelles, then found among the texts, in French and English.
  const nouveauTexte = page.getByRole('form', { name: 'Texte d’un autre type de diplôme' });
  await nouveauTexte.getByLabel(/^Type de diplôme/).selectOption('LP');
  await nouveauTexte.getByLabel(/^Texte en français/).fill('La licence professionnelle se prépare en alternance.');
  await nouveauTexte.getByLabel('Texte en anglais').fill('The professional degree is work-study.');
  await nouveauTexte.getByRole('button', { name: 'Enregistrer le texte' }).click();
  await expect(nouveauTexte.getByRole('status')).toContainText('enregistré');
  const texteLp = page.getByRole('form', { name: /^Texte du type de diplôme .*profession/i });
  await expect(texteLp.getByLabel(/^Texte en français/)).toHaveValue('La licence professionnelle se prépare en alternance.');
  await expect(texteLp.getByLabel('Texte en anglais')).toHaveValue('The professional degree is work-study.');
  await expect(nouveauTexte.getByLabel(/^Type de diplôme/).locator('option[value="LP"]')).toHaveCount(0);

  // The logo: an image the PDF engine cannot draw is refused with the API's sentence; a real PNG is kept.
  const logo = page.getByRole('region', { name: 'Logo', exact: true });
  const fichierLogo = logo.getByLabel(/^Fichier : logo/);
  await fichierLogo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG_ABIME });
  await logo.getByRole('button', { name: 'Envoyer le logo' }).click();
  await expect(logo.getByRole('alert')).toContainText('Cette image n\'a pas pu être lue');
  await expect(fichierLogo).toHaveAttribute('aria-invalid', 'true');
  await expect(fichierLogo).toHaveAccessibleDescription(/n'est pas une image PNG ou JPEG lisible/);
  await verifierPage(page, 'administration-lettres-image-refusee');
  await fichierLogo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(60, 20) });
  await logo.getByRole('button', { name: 'Envoyer le logo' }).click();
  await expect(logo.getByRole('status')).toHaveText('Logo enregistré.');
  await expect(logo).toContainText('Image PNG enregistrée');
  await expect(fichierLogo).not.toHaveAttribute('aria-invalid');

  // A commission's own signatory and paragraph, read back from the API.
  const reglages = page.getByRole('region', { name: 'Réglages d’une commission' });
  const choixCommission = reglages.getByLabel('Commission', { exact: true });
  await choixCommission.selectOption({ index: 1 });
  const commissionId = Number(await choixCommission.inputValue());
  const lettreCommission = reglages.getByRole('form', { name: /^Lettres de la commission/ });
  await lettreCommission.getByLabel('Signataire de la commission', { exact: true }).fill('Martine Bodusseau');
  await lettreCommission.getByLabel('Titre du signataire de la commission en anglais', { exact: true }).fill('Head of the board');
  await lettreCommission.getByLabel('Paragraphe de la commission', { exact: true }).fill('Réunion de rentrée le 31 août à 9 h.');
  await lettreCommission.getByRole('button', { name: 'Enregistrer les lettres de la commission' }).click();
  await expect(lettreCommission.getByRole('status')).toContainText('enregistrées');
  const lireCommission = async () => (await request.get(`/api/offre/gestion/commissions/${commissionId}/lettre`, { headers: await jetonDe(page) })).json();
  expect(await lireCommission()).toMatchObject({ signataireNom: 'Martine Bodusseau', signataireTitreEn: 'Head of the board', texte: 'Réunion de rentrée le 31 août à 9 h.', updatedBy: 'admin' });
  await verifierPage(page, 'administration-lettres-commission');

  // The preview of a refusal in English, for that commission and a licence professionnelle: a PDF, in a new tab.
  const apercu = page.getByRole('form', { name: 'Aperçu d’une lettre' });
  await apercu.getByLabel(/^Lettre/).selectOption('refus');
  await apercu.getByLabel(/^Langue/).selectOption('en');
  await apercu.getByLabel('Commission').selectOption(String(commissionId));
  await apercu.getByLabel(/^Type de diplôme/).selectOption('LP');
  const [onglet, reponse] = await Promise.all([
    page.waitForEvent('popup'),
    page.waitForResponse((r) => r.url().includes('/api/lettres/apercu.pdf')),
    apercu.getByRole('button', { name: 'Ouvrir l’aperçu (PDF)' }).click(),
  ]);
  expect(reponse.status()).toBe(200);
  expect(reponse.headers()['content-type']).toBe('application/pdf');
  expect(new URL(reponse.url()).searchParams.toString()).toBe(`type=refus&langue=en&commissionId=${commissionId}&typeDiplome=LP`);
  await expect.poll(() => onglet.url()).toMatch(/^blob:/);
  await onglet.close();
  await verifierPage(page, 'administration-lettres-apercu');

  // Put back as the demo had it: the commission's letters the institution's, no logo, no text for LP, the demo's name.
  await lettreCommission.getByLabel('Signataire de la commission', { exact: true }).fill('');
  await lettreCommission.getByLabel('Titre du signataire de la commission en anglais', { exact: true }).fill('');
  await lettreCommission.getByLabel('Paragraphe de la commission', { exact: true }).fill('');
  await lettreCommission.getByRole('button', { name: 'Enregistrer les lettres de la commission' }).click();
  await expect.poll(async () => (await lireCommission()).signataireNom).toBeNull();
  expect(await lireCommission()).toMatchObject({ signataireTitreEn: null, texte: null, adresse: [] });
  await logo.getByRole('button', { name: 'Retirer le logo' }).click();
  await expect(logo.getByRole('status')).toHaveText('Logo retiré.');
  await expect(logo).toContainText('Aucune image');
  await texteLp.getByRole('button', { name: /^Retirer le texte/ }).click();
  await expect(texteLp).toHaveCount(0);
  await nom.fill(nomDemo);
  await etablissement.getByRole('button', { name: 'Enregistrer l’établissement' }).click();
  await expect.poll(async () => (await (await request.get('/api/lettres/etablissement', { headers: await jetonDe(page) })).json()).nom).toBe(nomDemo);
  expect((await (await request.get('/api/lettres/types-diplome', { headers: await jetonDe(page) })).json()).map((t: { typeDiplome: string }) => t.typeDiplome)).not.toContain('LP');
});

test('la fiche d’un candidat : export de ses données, effacement confirmé seulement après l’export proposé', async ({ page }) => {
  await connecterPersonnel(page, 'scol', 'demo-scol-candidatures');
  await page.goto('/gestion?q=nguyen');
  await page.getByRole('link', { name: 'Linh NGUYEN' }).click();
  await titreFocalise(page, 'Candidature de Linh NGUYEN');
  const rgpd = page.getByRole('region', { name: 'Données personnelles (RGPD)' });
  const telechargement = page.waitForEvent('download');
  await rgpd.getByRole('button', { name: 'Télécharger les données du candidat (JSON)' }).click();
  const fichier = await telechargement;
  const donnees = JSON.parse(readFileSync(await fichier.path(), 'utf8'));
  expect(donnees.compte.numeroDossier).toBe('DEMO0003');

  // The erasure asks for a confirmation; without the export offered, the API refuses and nothing is erased.
  await rgpd.getByRole('button', { name: 'Effacer le candidat…' }).click();
  const dialogue = page.getByRole('dialog', { name: 'Effacer Linh NGUYEN ?' });
  await expect(dialogue).toContainText('Cela ne peut pas être annulé.');
  await verifierPage(page, 'administration-effacement-confirmation');
  await dialogue.getByRole('button', { name: 'Effacer définitivement' }).click();
  await expect(dialogue.getByRole('alert')).toBeVisible();
  await dialogue.getByRole('button', { name: 'Revenir' }).click();
  await expect(dialogue).toBeHidden();
  await expect(rgpd.getByRole('checkbox', { name: 'L’export de ses données a été proposé au candidat' })).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await titreFocalise(page, 'Candidature de Linh NGUYEN');
});

test('chaque rôle ne voit que ses écrans : la scolarité centrale sans maintenance ni tâches, le gestionnaire sans administration', async ({ page }) => {
  await connecterPersonnel(page, 'scol', 'demo-scol-candidatures');
  await page.getByRole('navigation', { name: 'Compte' }).getByRole('link', { name: 'Administration' }).click();
  await titreFocalise(page, 'Administration');
  await expect(menu(page).getByRole('link')).toHaveText(['Administration', 'Personnel', 'Décisions', 'Textes des mails', 'Lettres', 'Campagnes']);
  await page.goto('/gestion/maintenance');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maintenance');
  await expect(page.getByRole('main')).toContainText('Cet écran est réservé aux administrateurs.');
  await verifierPage(page, 'administration-reservee');
  // Scolarité centrale grants gestionnaire and commission only.
  await page.goto('/gestion/personnel/nouveau');
  await expect(page.getByRole('checkbox', { name: 'Administrateur' })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'Membre de commission' })).toBeEnabled();
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/logout')), page.goto('/deconnexion')]);

  await connecterPersonnel(page, 'gestionnaire', 'demo-gestionnaire-candidatures');
  await expect(page.getByRole('navigation', { name: 'Compte' }).getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Hugo DURAND' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidature de Hugo DURAND');
  await expect(page.getByRole('region', { name: 'Données personnelles (RGPD)' })).toHaveCount(0);
  await page.goto('/gestion/personnel');
  await expect(page.getByRole('main')).toContainText('Cet écran est réservé à la scolarité centrale et à l’administration.');
});

/** The tab's session, for a call through the API beside the pages. */
async function jetonDe(page: Page): Promise<Record<string, string>> {
  const session = await page.evaluate(() => sessionStorage.getItem('candidatures.session'));
  return { Authorization: `Bearer ${JSON.parse(session!).token}` };
}

/** PNG magic bytes and nothing an image decoder can read: the API refuses it (IMAGE_ILLISIBLE). */
const PNG_ABIME = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 0x41)]);

/** A real PNG (8-bit RGB) of one colour, `largeur` × `hauteur` pixels. */
function png(largeur: number, hauteur: number): Buffer {
  const morceau = (type: string, donnees: Buffer) => {
    const corps = Buffer.concat([Buffer.from(type, 'latin1'), donnees]);
    const longueur = Buffer.alloc(4);
    longueur.writeUInt32BE(donnees.length);
    const somme = Buffer.alloc(4);
    somme.writeUInt32BE(crc32(corps));
    return Buffer.concat([longueur, corps, somme]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(largeur, 0);
  ihdr.writeUInt32BE(hauteur, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const ligne = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: largeur }, () => [40, 90, 200]).flat())]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    morceau('IHDR', ihdr),
    morceau('IDAT', deflateSync(Buffer.concat(Array.from({ length: hauteur }, () => ligne)))),
    morceau('IEND', Buffer.alloc(0)),
  ]);
}
