import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';

const racine = fileURLToPath(new URL('../../', import.meta.url));
const dossierMails = `${racine}var/browser/mail`;
const dossierPages = `${racine}var/browser/pages`;

let numero = 0;

/**
 * Playwright's `test`, whose page fails the test if the browser refused anything under the pages' Content-Security-
 * Policy (a script, a style, the logo): the CSP the API sends must let the app run whole.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const refus: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refus.push(message.text());
    });
    await use(page);
    expect(refus, 'violations de la CSP').toEqual([]);
  },
});
export { expect };

/**
 * Every page a journey visits: its <h1> shown, axe-core's WCAG 2.1 A/AA rules with no serious or critical
 * violation (the journey fails otherwise, naming them), and a screenshot under var/browser/pages/.
 */
export async function verifierPage(page: Page, nom: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const graves = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(graves, `axe-core sur ${nom} (${page.url()})`).toEqual([]);
  mkdirSync(dossierPages, { recursive: true });
  numero += 1;
  await page.screenshot({ path: `${dossierPages}/${String(numero).padStart(2, '0')}-${nom}.png`, fullPage: true });
}

/**
 * The link of the newest mail to `destinataire` whose link's path is `chemin` (the `file` transport writes one .eml
 * a mail; the envoi-mails job runs every 10 seconds), waiting for it.
 */
export async function lienDuMail(destinataire: string, chemin: string, apres = new Date(0)): Promise<string> {
  let lien: string | undefined;
  await expect
    .poll(
      async () => {
        lien = await chercherLien(destinataire, chemin, apres);
        return lien;
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBeDefined();
  return lien!;
}

async function chercherLien(destinataire: string, chemin: string, apres: Date): Promise<string | undefined> {
  const trouves: { date: number; lien: string }[] = [];
  for (const nom of readdirSync(dossierMails).filter((n) => n.endsWith('.eml'))) {
    const mail = await simpleParser(readFileSync(`${dossierMails}/${nom}`));
    const a = [mail.to].flat().flatMap((t) => t?.value ?? []).map((v) => v.address?.toLowerCase());
    const date = mail.date?.getTime() ?? 0;
    if (!a.includes(destinataire.toLowerCase()) || date < apres.getTime() - 1000) continue;
    const lien = (mail.text ?? '').match(new RegExp(`https?://[^\\s"<>]+${chemin.replace(/[/?]/g, '\\$&')}[^\\s"<>]*`))?.[0];
    if (lien) trouves.push({ date, lien });
  }
  return trouves.sort((x, y) => y.date - x.date)[0]?.lien;
}

/** The <h1> has the focus: a screen reader announces the page reached. */
export async function titreFocalise(page: Page, titre: string | RegExp): Promise<void> {
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(titre);
  await expect(h1).toBeFocused();
}

/** A form's field by its label, as shown (« Nom » for « Nom * »: the asterisk of a required field is left out). */
export function champ(page: Page, libelle: string) {
  return page.getByLabel(new RegExp(`^${libelle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
}

/**
 * The API called directly, for a journey's set-up that is not what the journey tests (staff deciding, say): a
 * session opened with these identifiers, and its calls answering their JSON body (a status other than `attendu`
 * fails the journey, naming the problem).
 */
export async function apiConnectee(request: APIRequestContext, login: string, password: string) {
  const appel = async (methode: 'get' | 'post' | 'put', chemin: string, corps?: object, attendu = methode === 'post' ? [200, 201] : [200], jeton?: string) => {
    const reponse = await request[methode](chemin, { data: corps, headers: jeton ? { Authorization: `Bearer ${jeton}` } : {} });
    expect(attendu, `${methode.toUpperCase()} ${chemin} : ${await reponse.text()}`).toContain(reponse.status());
    return reponse.json();
  };
  const { token } = await appel('post', '/api/auth/login', { login, password });
  return {
    get: (chemin: string) => appel('get', chemin, undefined, [200], token),
    post: (chemin: string, corps: object = {}) => appel('post', chemin, corps, [200, 201], token),
    put: (chemin: string, corps: object = {}) => appel('put', chemin, corps, [200], token),
  };
}

/** The login page's form, filled and sent (the session of this tab). */
export async function seConnecter(page: Page, login: string, password: string): Promise<void> {
  await champ(page, 'Numéro de dossier ou adresse e-mail').fill(login);
  await champ(page, 'Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** A member of staff logged in from the staff login page, on the list they land on (the session of this tab). */
export async function connecterPersonnel(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/gestion/connexion');
  await champ(page, 'Identifiant').fill(login);
  await champ(page, 'Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await titreFocalise(page, 'Candidatures à traiter');
}

/** What remplirDossier types: a complete file (identity, address, bac) and one row of each list. */
export interface DonneesDossier {
  civilite: 'Madame' | 'Monsieur';
  nomNaissance: string;
  prenom: string;
  /** YYYY-MM-DD */
  dateNaissance: string;
  /** 11 characters; by default an INE of the INES form (9 digits, 2 letters) unique to this run. */
  ine: string;
  adresse: string;
  commune: string;
  codePostal: string;
  anneeBac: string;
  /** The two spécialités of the general bac (codes). */
  specialites: [string, string];
}

/** A field of one form of the page (several forms of « mon dossier » have a « Pays » or a « Commune »). */
export function champDe(page: Page, formulaire: string, libelle: string) {
  return page.getByRole('form', { name: formulaire }).getByLabel(new RegExp(`^${libelle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
}

/** Types a commune in a form's autocomplete and picks it among the proposals (« Orléans (45) »). */
export async function choisirCommune(page: Page, formulaire: string, libelle: string, commune: string, proposition: string): Promise<void> {
  const saisie = page.getByRole('form', { name: formulaire }).getByRole('combobox', { name: new RegExp(`^${libelle}`) });
  await saisie.fill(commune);
  await page.getByRole('option', { name: proposition }).click();
  await expect(saisie).toHaveValue(proposition);
}

/**
 * A logged-in candidate fills a complete file by clicking and typing in « mon dossier » (reached from « mon
 * espace »): identity, address (commune chosen in the autocomplete), bac (série of the year, spécialités), a year of
 * cursus externe, a stage and an expérience professionnelle; each save announced. Ends on « mon dossier ».
 */
export async function remplirDossier(page: Page, donnees: Partial<DonneesDossier> = {}): Promise<DonneesDossier> {
  const d: DonneesDossier = {
    civilite: 'Madame',
    nomNaissance: 'Martin',
    prenom: 'Élise',
    dateNaissance: '2003-03-14',
    ine: `${String(Date.now() % 1e9).padStart(9, '0')}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}`,
    adresse: '3 rue Jeanne d’Arc',
    commune: 'Orléans',
    codePostal: '45000',
    anneeBac: '2021',
    specialites: ['MATHS', 'PC'],
    ...donnees,
  };
  await page.goto('/mon-espace');
  await page.getByRole('main').getByRole('link', { name: 'Mon dossier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon dossier');

  const identite = 'Informations personnelles';
  await champDe(page, identite, 'Civilité').selectOption({ label: d.civilite });
  await champDe(page, identite, 'Nom de naissance').fill(d.nomNaissance);
  await champDe(page, identite, 'Prénom').fill(d.prenom);
  await champDe(page, identite, 'Date de naissance').fill(d.dateNaissance);
  await champDe(page, identite, 'Pays de naissance').selectOption('FR');
  await champDe(page, identite, 'Département de naissance').selectOption('45');
  await choisirCommune(page, identite, 'Commune de naissance', 'Orléans', 'Orléans (45)');
  await champDe(page, identite, 'Nationalité').selectOption('FR');
  await champDe(page, identite, 'INE').fill(d.ine);
  await page.getByRole('button', { name: 'Enregistrer mes informations personnelles' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vos informations personnelles sont enregistrées.' })).toBeVisible();

  const adresse = 'Adresse';
  await champDe(page, adresse, 'Pays').selectOption('FR');
  await champDe(page, adresse, 'Adresse (numéro et voie)').fill(d.adresse);
  await choisirCommune(page, adresse, 'Commune', d.commune, `${d.commune} (45)`);
  await champDe(page, adresse, 'Code postal').selectOption(d.codePostal);
  await page.getByRole('button', { name: 'Enregistrer mon adresse' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre adresse est enregistrée.' })).toBeVisible();

  const bac = 'Baccalauréat';
  await champDe(page, bac, 'Année d’obtention').fill(d.anneeBac);
  await champDe(page, bac, 'Série du bac ou équivalence').selectOption({ label: 'Baccalauréat général' });
  await champDe(page, bac, 'Première spécialité').selectOption(d.specialites[0]);
  await champDe(page, bac, 'Seconde spécialité').selectOption(d.specialites[1]);
  await champDe(page, bac, 'Mention').selectOption({ label: 'Bien' });
  await champDe(page, bac, 'Pays d’obtention').selectOption('FR');
  await champDe(page, bac, 'Département').selectOption('45');
  await page.getByRole('button', { name: 'Enregistrer mon baccalauréat' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre baccalauréat est enregistré.' })).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter une année d’études' }).click();
  const cursus = 'Ajouter une année d’études';
  await champDe(page, cursus, 'Année universitaire (première année : 2024 pour 2024-2025)').fill('2022');
  await champDe(page, cursus, 'Pays').selectOption('FR');
  await champDe(page, cursus, 'Département').selectOption('45');
  await champDe(page, cursus, 'Établissement').selectOption('0450855K');
  await champDe(page, cursus, 'Type de formation').selectOption('LIC');
  await champDe(page, cursus, 'Libellé de la formation').fill('L1 Géographie et aménagement');
  await champDe(page, cursus, 'Résultat').selectOption('OBTENU');
  await champDe(page, cursus, 'Mention').selectOption({ label: 'Assez bien' });
  await page.getByRole('form', { name: cursus }).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cursus externe ajouté.' })).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter un stage' }).click();
  const stage = 'Ajouter un stage';
  await champDe(page, stage, 'Année').fill('2023');
  await champDe(page, stage, 'Durée').fill('8 semaines');
  await champDe(page, stage, 'Nombre d’heures par semaine').fill('35');
  await champDe(page, stage, 'Employeur ou organisme').fill('Ville de Tours');
  await champDe(page, stage, 'Descriptif').fill('Inventaire des espaces verts, cartographie sous QGIS');
  await page.getByRole('form', { name: stage }).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stage ajouté.' })).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter une expérience professionnelle' }).click();
  const experience = 'Ajouter une expérience professionnelle';
  await champDe(page, experience, 'Année').fill('2024');
  await champDe(page, experience, 'Intitulé').fill('Animateur');
  await champDe(page, experience, 'Durée').fill('CDD 8 mois');
  await champDe(page, experience, 'Employeur ou organisme').fill('Foire de Bordeaux');
  await champDe(page, experience, 'Descriptif').fill('Accompagnement des visiteurs, tenue de stands');
  await page.getByRole('form', { name: experience }).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Expérience professionnelle ajoutée.' })).toBeVisible();

  await expect(page.getByTestId('dossier-complet')).toBeVisible();
  return d;
}

/** Creates an account (Martin Élise unless said), activates it from the mail's link and logs in: ends on « mon espace ». */
export async function nouveauCandidat(page: Page, email: string, motDePasse: string, nom = 'Martin', prenom = 'Élise'): Promise<string> {
  await page.goto('/comptes/creation');
  await champ(page, 'Nom').fill(nom);
  await champ(page, 'Prénom').fill(prenom);
  await champ(page, 'Adresse e-mail').fill(email);
  await champ(page, 'Adresse e-mail (confirmation)').fill(email);
  await champ(page, 'Mot de passe').fill(motDePasse);
  await champ(page, 'Mot de passe (confirmation)').fill(motDePasse);
  const avant = new Date();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await titreFocalise(page, 'Compte créé : activez-le');
  await page.goto(await lienDuMail(email, '/comptes/activation?token=', avant));
  const numero = (await page.getByTestId('numero-dossier').textContent())!;
  await page.getByRole('link', { name: 'Se connecter' }).last().click();
  await champ(page, 'Mot de passe').fill(motDePasse);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await titreFocalise(page, 'Mon espace');
  return numero;
}

/** A PDF download started by `clic`: the API's answer (200, application/pdf), the file saved by the browser; its name. */
export async function telechargerPdf(page: Page, clic: () => Promise<void>, fin: string): Promise<string> {
  const [fichier, reponse] = await Promise.all([page.waitForEvent('download'), page.waitForResponse((r) => r.url().endsWith(fin)), clic()]);
  expect(reponse.status()).toBe(200);
  expect(reponse.headers()['content-type']).toBe('application/pdf');
  expect(readFileSync((await fichier.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  return fichier.suggestedFilename();
}

/** A small PDF made here: one empty page, `titre` in a comment. */
export function pdf(titre: string) {
  const corps = `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\ntrailer <</Root 1 0 R>>\n%${titre}\n%%EOF\n`;
  return { name: `${titre}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(corps) };
}

/** A pièce of the récapitulatif: its block, found by its title. */
export const piece = (page: Page, libelle: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: libelle }) });

/** Uploads a small PDF for a pièce of the récapitulatif: the pièce then shows « Transmise ». */
export async function deposer(page: Page, libelle: string): Promise<void> {
  const bloc = piece(page, libelle);
  await bloc.getByLabel(/^(Fichier|Remplacer le fichier)/).setInputFiles(pdf(libelle.slice(0, 20).replace(/\W+/g, '-')));
  await bloc.getByRole('button', { name: 'Déposer' }).click();
  await expect(bloc.locator('.badge')).toHaveText('Transmise');
}
