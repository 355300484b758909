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
  };
}

/** The login page's form, filled and sent (the session of this tab). */
export async function seConnecter(page: Page, login: string, password: string): Promise<void> {
  await champ(page, 'Numéro de dossier ou adresse e-mail').fill(login);
  await champ(page, 'Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}
