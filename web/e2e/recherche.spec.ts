import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { apiConnectee, champ, connecterPersonnel, expect, test, titreFocalise, verifierPage } from './outils';

/**
 * The desk's search, labels and export columns (issue 18, « Screens too »), by clicking: the demo administrator finds
 * an account just opened (no identity, no candidature) by the name typed in lower case without accents and by its numéro, and follows an account's
 * candidatures to the list; the demo gestionnaire (centre OSUC) creates two labels, a pale one and a dark one (axe-core
 * checks their chips' contrast), puts one on a candidature from its fiche, filters the list on it, downloads an export
 * of the columns they chose, and tags a selection. Each page checked by axe-core. Counts are read from the API, never
 * assumed: earlier journeys add accounts and candidatures.
 */
test.describe.configure({ mode: 'serial' });
// Long pages and a loaded machine: axe-core takes its time.
test.setTimeout(300_000);


const filtres = (page: Page) => page.getByRole('search', { name: 'Filtrer les candidatures' });
const statut = (page: Page, texte: RegExp) => page.getByRole('status').filter({ hasText: texte });
const comptes = (n: number) => `${n} compte${n > 1 ? 's' : ''} trouvé${n > 1 ? 's' : ''}`;
const candidatures = (n: number) => `${n} candidature${n > 1 ? 's' : ''}`;

/**
 * An account just opened (not activated, no identity, no candidature), by the public form: found by the name typed
 * there. Its own, so that no earlier journey (a proposition, a candidature) has given it candidatures.
 */
async function compteSansCandidature(request: APIRequestContext): Promise<string> {
  const email = `maelys.herault.${Date.now()}@example.org`;
  const motDePasse = 'une phrase de passe pour la recherche';
  const cree = await request.post('/api/comptes', {
    data: { nom: 'Hérault', prenom: 'Maëlys', email, emailConfirmation: email, password: motDePasse, passwordConfirmation: motDePasse },
  });
  expect(cree.status()).toBe(202);
  return email;
}

test('l’administrateur trouve un compte sans candidature par son nom replié et par son numéro', async ({ page, request }) => {
  const email = await compteSansCandidature(request);
  const admin = await apiConnectee(request, 'admin', 'demo-admin-candidatures');
  const trouves: { total: number; items: { numeroDossier: string; email: string }[] } = await admin.get('/api/candidats?q=maelys%20herault&limit=100');
  const numero = trouves.items.find((c) => c.email === email)?.numeroDossier as string;
  expect(numero).toBeDefined();

  await connecterPersonnel(page, 'admin', 'demo-admin-candidatures');
  // The current campaign is the list's default.
  await expect(filtres(page).getByLabel('Campagne', { exact: true })).toHaveValue('');
  await expect(filtres(page).getByLabel('Campagne', { exact: true }).locator('option:checked')).toHaveText(/\(en service\)$/);
  await page.getByRole('link', { name: 'Rechercher un candidat' }).click();
  await titreFocalise(page, 'Rechercher un candidat');

  // By name, in lower case without accents: the name is folded (MAËLYS HÉRAULT), found before any identity.
  await champ(page, 'Nom, prénom, numéro de dossier ou INE').fill('maelys herault');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/q=maelys/);
  await expect(statut(page, /trouvé/)).toHaveText(comptes(trouves.total));
  const maelys = page.getByRole('row').filter({ hasText: numero });
  await expect(maelys.getByRole('rowheader')).toContainText('Maëlys Hérault');
  await expect(maelys.getByRole('rowheader')).toContainText('compte non activé');
  await expect(maelys.getByRole('cell').nth(2)).toHaveText('Aucune');
  // No candidature to list; a proposition, on the page that makes them.
  await expect(maelys.getByRole('link', { name: /^Candidatures de/ })).toHaveCount(0);
  await expect(maelys.getByRole('link', { name: `Proposer une candidature à Maëlys Hérault (${numero})` })).toHaveAttribute('href', `/gestion/proposition?numeroDossier=${numero}`);
  await verifierPage(page, 'gestion-recherche');

  // Only the accounts without candidature: Maëlys still, and none with one.
  const sans: { total: number } = await admin.get('/api/candidats?q=maelys%20herault&avecCandidature=false&limit=1');
  await page.getByLabel('Candidatures', { exact: true }).selectOption('false');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/avecCandidature=false/);
  await expect(statut(page, /trouvé/)).toHaveText(comptes(sans.total));
  await expect(page.getByRole('row').filter({ hasText: numero })).toHaveCount(1);

  // By numéro, exactly (case ignored): one account.
  await page.getByRole('button', { name: 'Effacer les critères' }).click();
  await expect(champ(page, 'Nom, prénom, numéro de dossier ou INE')).toHaveValue('');
  await champ(page, 'Numéro de dossier').fill(numero.toLowerCase());
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(statut(page, /trouvé/)).toHaveText(comptes(1));
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(/^Maëlys Hérault/);

  // An account with candidatures leads to them, in the list filtered by its numéro.
  await champ(page, 'Numéro de dossier').fill('DEMO0001');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const elise = page.getByRole('row').filter({ hasText: 'DEMO0001' });
  await expect(elise.getByRole('rowheader')).toContainText('Élise MARTIN');
  const n = Number(await elise.getByRole('cell').nth(2).textContent());
  expect(n).toBeGreaterThanOrEqual(1);
  await elise.getByRole('link', { name: /^Candidatures de Élise MARTIN/ }).click();
  await titreFocalise(page, 'Candidatures à traiter');
  await expect(page).toHaveURL(/q=DEMO0001/);
  await expect(statut(page, /candidature/)).toHaveText(candidatures(n));
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveCount(n);
});

test('un gestionnaire ne trouve que les comptes qui ont une candidature dans son périmètre', async ({ page, request }) => {
  const email = await compteSansCandidature(request);
  const admin = await apiConnectee(request, 'admin', 'demo-admin-candidatures');
  const [{ numeroDossier }]: { numeroDossier: string }[] = (await admin.get(`/api/candidats?email=${encodeURIComponent(email)}`)).items;
  await connecterPersonnel(page, 'gestionnaire', 'demo-gestionnaire-candidatures');
  await page.getByRole('link', { name: 'Rechercher un candidat' }).click();
  await titreFocalise(page, 'Rechercher un candidat');
  await champ(page, 'Numéro de dossier').fill(numeroDossier);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(statut(page, /trouvé/)).toHaveText(comptes(0));
  await expect(page.getByText('Aucun compte ne correspond à ces critères.')).toBeVisible();
  await champ(page, 'Numéro de dossier').fill('DEMO0002');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(statut(page, /trouvé/)).toHaveText(comptes(1));
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(/^Hugo DURAND/);
});

test('le gestionnaire : étiquettes créées, posée depuis la fiche, liste filtrée, export des colonnes choisies, sélection étiquetée', async ({ page, request }) => {
  const suffixe = String(Date.now() % 100_000);
  const rappel = `Rappeler ${suffixe}`;
  const boursier = `Boursier ${suffixe}`;
  const gestionnaire = await apiConnectee(request, 'gestionnaire', 'demo-gestionnaire-candidatures');
  const catalogue: { code: string; entete: string; groupe: string; libelleGroupe: string }[] = await gestionnaire.get('/api/candidatures/export/colonnes');

  await connecterPersonnel(page, 'gestionnaire', 'demo-gestionnaire-candidatures');
  await page.getByRole('link', { name: 'Étiquettes' }).click();
  await titreFocalise(page, 'Étiquettes');

  // Two labels of the OSUC centre: a pale yellow (its text in black) and a dark blue (in white).
  for (const [libelle, couleur] of [
    [rappel, '#ffe066'],
    [boursier, '#1a237e'],
  ]) {
    const formulaire = page.getByRole('form', { name: 'Nouvelle étiquette' });
    await formulaire.getByLabel('Libellé').fill(libelle);
    await formulaire.getByLabel('Couleur').fill(couleur);
    await expect(formulaire.getByLabel('Propriétaire')).toHaveValue('OSUC');
    await formulaire.getByRole('button', { name: 'Créer l’étiquette' }).click();
    await expect(formulaire.getByRole('status')).toContainText(`Étiquette « ${libelle} » créée pour le centre OSUC`);
    await expect(page.getByRole('row').filter({ hasText: libelle })).toContainText(couleur);
    // Created: the form is blank again for the next one.
    await expect(formulaire.getByLabel('Libellé')).toHaveValue('');
  }
  // Recoloured: its own form, closed once saved, the list read again.
  await page.getByRole('row').filter({ hasText: boursier }).getByRole('button', { name: `Modifier « ${boursier} »` }).click();
  const modification = page.getByRole('form', { name: `Modifier l’étiquette « ${boursier} »` });
  await modification.getByLabel('Couleur').fill('#0d47a1');
  await modification.getByRole('button', { name: 'Enregistrer l’étiquette' }).click();
  await expect(modification).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: boursier })).toContainText('#0d47a1');
  // The same label again (case and accents ignored): refused, as the API says.
  await page.getByRole('form', { name: 'Nouvelle étiquette' }).getByLabel('Libellé').fill(rappel.toUpperCase());
  await page.getByRole('button', { name: 'Créer l’étiquette' }).click();
  await expect(page.getByRole('alert')).toContainText('existe déjà');
  await verifierPage(page, 'gestion-etiquettes');

  // Put on Hugo Durand's candidature from its fiche, taken off, put on again.
  await page.getByRole('link', { name: 'Retour aux candidatures' }).click();
  await titreFocalise(page, 'Candidatures à traiter');
  await page.getByRole('link', { name: 'Hugo DURAND' }).click();
  await titreFocalise(page, 'Candidature de Hugo DURAND');
  const region = page.getByRole('region', { name: 'Étiquettes' });
  await expect(region).toContainText('Aucune étiquette.');
  await region.getByLabel('Étiquette à poser').selectOption({ label: `${rappel} (centre OSUC)` });
  await region.getByRole('button', { name: 'Poser l’étiquette' }).click();
  const portees = region.getByRole('list', { name: 'Étiquettes de la candidature' });
  await expect(portees.getByRole('listitem')).toHaveText([new RegExp(rappel)]);
  await region.getByRole('button', { name: `Retirer l’étiquette « ${rappel} »` }).click();
  await expect(region).toContainText('Aucune étiquette.');
  await region.getByLabel('Étiquette à poser').selectOption({ label: `${rappel} (centre OSUC)` });
  await region.getByRole('button', { name: 'Poser l’étiquette' }).click();
  await expect(portees.getByRole('listitem')).toHaveText([new RegExp(rappel)]);
  await verifierPage(page, 'gestion-fiche-etiquette');

  // The list filtered on the label: Hugo's candidature only, its chip shown.
  await page.getByRole('link', { name: 'Retour à la liste des candidatures' }).click();
  await titreFocalise(page, 'Candidatures à traiter');
  await filtres(page).getByLabel('Étiquette', { exact: true }).selectOption({ label: `${rappel} (centre OSUC)` });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/etiquette=\d+/);
  await expect(statut(page, /candidature/)).toHaveText(candidatures(1));
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(new RegExp(`^Hugo DURAND.*${rappel}`));
  await verifierPage(page, 'gestion-liste-etiquette');

  // The export of the filter, with chosen columns: the labels, the numéro, the birth name and the postal code.
  const choisies = [catalogue.find((c) => c.groupe === 'etiquettes')!.code, 'numeroDossier', 'nomNaissance', 'adresseCodePostal'].map((code) => catalogue.find((c) => c.code === code)!);
  const panneau = page.getByRole('region', { name: 'Colonnes de l’export' });
  await expect(panneau).toBeHidden();
  await page.getByRole('button', { name: /^Colonnes de l’export/ }).click();
  await expect(panneau).toBeVisible();
  await panneau.getByRole('button', { name: 'Aucune colonne' }).click();
  await expect(page.getByRole('button', { name: 'Exporter en CSV' })).toBeDisabled();
  for (const c of choisies) await panneau.getByRole('group', { name: c.libelleGroupe }).getByLabel(c.entete, { exact: true }).check();
  await expect(page.getByRole('button', { name: /^Colonnes de l’export/ })).toHaveText(`Colonnes de l’export (${choisies.length} sur ${catalogue.length})`);
  await verifierPage(page, 'gestion-export-colonnes');
  const telechargement = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const fichier = await telechargement;
  expect(fichier.suggestedFilename()).toBe('candidatures.csv');
  const lignes = readFileSync(await fichier.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const cellules = (ligne: string) => ligne.split(';').map((c) => c.replace(/^"(.*)"$/, '$1'));
  // In the catalogue's order, whatever the order they were ticked in.
  const ordre = catalogue.filter((c) => choisies.includes(c)).map((c) => c.entete);
  expect(cellules(lignes[0])).toEqual(ordre);
  expect(lignes).toHaveLength(2);
  const hugo = cellules(lignes[1]);
  expect(hugo[ordre.indexOf(catalogue.find((c) => c.code === 'numeroDossier')!.entete)]).toBe('DEMO0002');
  expect(hugo[ordre.indexOf(catalogue.find((c) => c.code === 'nomNaissance')!.entete)]).toBe('DURAND');
  expect(hugo[ordre.indexOf(choisies[0].entete)]).toContain(rappel);

  // A grouped action: the second label on every candidature of the page; the list filtered on it counts them all.
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(page).not.toHaveURL(/etiquette=/);
  const lignesListe = page.getByRole('table').getByRole('rowheader');
  await expect(lignesListe.first()).toBeVisible();
  const nombre = await lignesListe.count();
  await page.getByLabel('Sélectionner toutes les candidatures de la page').check();
  const actions = page.getByRole('region', { name: /Actions sur la sélection/ });
  await actions.getByLabel('Action', { exact: true }).selectOption({ label: 'Poser une étiquette' });
  await actions.getByRole('combobox', { name: 'Étiquette', exact: true }).selectOption({ label: `${boursier} (centre OSUC)` });
  await actions.getByRole('button', { name: 'Poser l’étiquette' }).click();
  await expect(actions.getByRole('status')).toContainText(`Étiquette posée sur ${nombre} candidature(s)`);
  await verifierPage(page, 'gestion-actions-etiquette');
  await filtres(page).getByLabel('Étiquette', { exact: true }).selectOption({ label: `${boursier} (centre OSUC)` });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(statut(page, /candidature/)).toHaveText(candidatures(nombre));
  await expect(lignesListe.filter({ hasText: boursier })).toHaveCount(nombre);
});
