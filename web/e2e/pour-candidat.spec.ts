import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { apiConnectee, champ, connecterPersonnel, expect, pdf, test, titreFocalise, verifierPage } from './outils';

/**
 * Staff acting for candidates who phone, by clicking (issue 18): the demo gestionnaire (centre OSUC) restores a
 * candidature cancelled by mistake, uploads a pièce and declares « non concerné » for the candidate, confirms then
 * withdraws for another after a favourable decision, deletes their own note (not a colleague's), proposes the M1 to
 * the candidate who has not applied (DEMO0004), and sets the deadlines of a selection. The history names the
 * gestionnaire; the candidates get their mails. State is arranged through the API; counts are read, never assumed.
 */
test.describe.configure({ mode: 'serial' });
// Long pages (the full view) and a loaded machine: axe-core takes its time.
test.setTimeout(300_000);

const MOT_DE_PASSE_CANDIDAT = 'demo-candidat-candidatures';
const M1 = 'M1-GEO2ENV';
const LETTRE = 'Lettre de motivation';
const FRANCAIS = 'Attestation de niveau de français (minimum B2) (étudiants étrangers uniquement)';
const dossierMails = fileURLToPath(new URL('../../var/browser/mail', import.meta.url));

type Api = Awaited<ReturnType<typeof apiConnectee>>;

/** A mail to `destinataire` whose subject contains `sujet`, sent after `apres` (the envoi-mails job runs every 10 s). */
async function mailRecu(destinataire: string, sujet: string, apres: Date): Promise<void> {
  await expect
    .poll(
      async () => {
        for (const nom of readdirSync(dossierMails).filter((n) => n.endsWith('.eml'))) {
          const mail = await simpleParser(readFileSync(`${dossierMails}/${nom}`));
          const a = [mail.to].flat().flatMap((t) => t?.value ?? []).map((v) => v.address?.toLowerCase());
          if (a.includes(destinataire) && (mail.subject ?? '').includes(sujet) && (mail.date?.getTime() ?? 0) >= apres.getTime() - 1000) return true;
        }
        return false;
      },
      { timeout: 40_000, intervals: [1000] },
    )
    .toBe(true);
}

/** The M1 made dematerialised (uploads need it) or put back on paper, by an administrator. */
async function m1Demat(request: APIRequestContext, demat: boolean): Promise<void> {
  const admin = await apiConnectee(request, 'admin', 'demo-admin-candidatures');
  const { items } = await admin.get('/api/offre/gestion/formations?centre=OSUC&limit=50');
  const m1 = items.find((f: { code: string }) => f.code === M1);
  if (m1.demat === demat) return;
  const login = await request.post('/api/auth/login', { data: { login: 'admin', password: 'demo-admin-candidatures' } });
  const corps = Object.fromEntries(Object.entries({ ...m1, demat }).filter(([cle, v]) => v !== null && !['id', 'centreCode', 'version'].includes(cle)));
  const reponse = await request.put(`/api/offre/gestion/formations/${m1.id}`, {
    headers: { Authorization: `Bearer ${(await login.json()).token}`, 'If-Match': `"${m1.version}"` },
    data: corps,
  });
  expect(reponse.status(), await reponse.text()).toBe(200);
}

/** The candidate's own candidature to the M1, through their API. */
async function candidatureM1(candidat: Api) {
  const candidatures = await candidat.get('/api/candidat/candidatures');
  const c = candidatures.find((x: { formation: { code: string } }) => x.formation.code === M1);
  expect(c, 'une candidature au M1').toBeDefined();
  return candidat.get(`/api/candidat/candidatures/${c.id}`);
}

const connecterGestionnaire = (page: Page) => connecterPersonnel(page, 'gestionnaire', 'demo-gestionnaire-candidatures');

const agir = (page: Page) => page.getByRole('region', { name: 'Agir pour le candidat' });
const historique = (page: Page) => page.getByRole('table', { name: /^Actions faites pour le candidat/ });

test.beforeAll(async ({ request }) => m1Demat(request, true));
test.afterAll(async ({ request }) => m1Demat(request, false));

test('une candidature annulée par erreur : restaurée, puis une pièce déposée et une autre « non concerné » pour le candidat', async ({ page, request }) => {
  // Élise Martin cancels her M1 candidature through her own API.
  const elise = await apiConnectee(request, 'DEMO0001', MOT_DE_PASSE_CANDIDAT);
  // Earlier journeys may have moved her file on (gestion.spec.ts's grouped actions): back to « en attente » first.
  const { id: idElise, statutDossier } = await candidatureM1(elise);
  if (statutDossier.code !== 'AT') {
    const gestionnaire = await apiConnectee(request, 'gestionnaire', 'demo-gestionnaire-candidatures');
    await gestionnaire.post('/api/candidatures/statut-dossier', { candidatureIds: [idElise], statut: 'AT' });
  }
  const avant = await candidatureM1(elise);
  expect(avant.actions.annuler, 'Élise peut annuler sa candidature au M1').toMatchObject({ possible: true });
  await elise.post(`/api/candidat/candidatures/${avant.id}/annulation`);
  const debut = new Date();

  await connecterGestionnaire(page);
  await page.getByLabel('Candidatures', { exact: true }).selectOption('true');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.getByRole('row').filter({ hasText: 'DEMO0001' }).filter({ hasText: M1 }).getByRole('link').click();
  await titreFocalise(page, 'Candidature de Élise MARTIN');
  await expect(agir(page)).toContainText('Candidature annulée le');
  await verifierPage(page, 'pour-candidat-annulee');

  await agir(page).getByRole('button', { name: 'Restaurer la candidature' }).click();
  await expect(agir(page).getByRole('status').filter({ hasText: 'Candidature restaurée' })).toBeVisible();
  await expect(historique(page).getByRole('row').filter({ hasText: 'Candidature annulée restaurée' })).toContainText('gestionnaire');
  expect((await candidatureM1(elise)).annuleeAt).toBeNull();
  await mailRecu('elise.martin@candidatures.localhost', 'Candidature restaurée', debut);

  // The letter she sent by mail, uploaded for her; the French certificate does not concern her.
  await agir(page).getByLabel(new RegExp(`^(Fichier pour|Remplacer le fichier de) « ${LETTRE} »$`)).setInputFiles(pdf('lettre-elise'));
  await agir(page).getByRole('form', { name: `Déposer un fichier pour « ${LETTRE} »` }).getByRole('button', { name: 'Déposer' }).click();
  await expect(agir(page).getByRole('status').filter({ hasText: 'Fichier déposé' })).toHaveText(`Fichier déposé pour « ${LETTRE} » au nom du candidat.`);
  await agir(page).getByRole('button', { name: `Déclarer le candidat non concerné par « ${FRANCAIS} »` }).click();
  await expect(agir(page).getByRole('status').filter({ hasText: 'non concerné' })).toHaveText(`Candidat déclaré non concerné par « ${FRANCAIS} ».`);
  const lignes = historique(page).getByRole('row');
  await expect(lignes.filter({ hasText: 'Pièce déposée pour le candidat' }).filter({ hasText: LETTRE })).toContainText('gestionnaire');
  await expect(lignes.filter({ hasText: FRANCAIS })).toContainText('gestionnaire');
  await verifierPage(page, 'pour-candidat-pieces');

  // What Élise sees: the file transmitted, the certificate « non concerné ».
  const apres = await candidatureM1(elise);
  expect(apres.pieces.find((p: { libelle: string }) => p.libelle === LETTRE)).toMatchObject({ statut: 'TR', fichier: 'lettre-elise.pdf' });
  expect(apres.pieces.find((p: { libelle: string }) => p.libelle === FRANCAIS)).toMatchObject({ statut: 'NC' });
});

test('une admission : confirmée puis désistée pour le candidat, avec le dialogue ; le bloc-notes : sa propre note supprimée', async ({ page, request }) => {
  // Set-up through the staff API: Linh Nguyen's file complete, a favourable avis validated (the M1 publishes at once).
  const linh = await apiConnectee(request, 'DEMO0003', MOT_DE_PASSE_CANDIDAT);
  const { id } = await candidatureM1(linh);
  const gestionnaire = await apiConnectee(request, 'gestionnaire', 'demo-gestionnaire-candidatures');
  await gestionnaire.post('/api/candidatures/statut-dossier', { candidatureIds: [id], statut: 'CO' });
  await gestionnaire.post('/api/candidatures/avis', { candidatureIds: [id], type: 'FA' });
  await gestionnaire.post('/api/candidatures/avis/validation', { candidatureIds: [id] });
  // A colleague's note, which the gestionnaire may not delete.
  const scol = await apiConnectee(request, 'scol', 'demo-scol-candidatures');
  await scol.post(`/api/candidatures/${id}/notes`, { message: 'Appel de la candidate le matin.' });
  const debut = new Date();

  await connecterGestionnaire(page);
  await page.goto(`/gestion/candidatures/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidature de Linh NGUYEN');
  await agir(page).getByRole('button', { name: 'Confirmer l’admission pour le candidat' }).click();
  await expect(agir(page).getByRole('status').filter({ hasText: 'Admission confirmée pour le candidat' })).toBeVisible();
  await expect(historique(page).getByRole('row').filter({ hasText: 'gestionnaire' })).toHaveCount(1);
  expect((await candidatureM1(linh)).reponse).toMatchObject({ code: 'CONFIRMEE' });
  await mailRecu('linh.nguyen@candidatures.localhost', "Confirmation d'inscription", debut);

  // Withdrawing asks first: « Revenir » changes nothing, then the withdrawal.
  await agir(page).getByRole('button', { name: 'Désister le candidat…' }).click();
  const dialogue = page.getByRole('dialog', { name: 'Désister le candidat de cette formation ?' });
  await expect(dialogue.getByRole('button', { name: 'Revenir sans rien changer' })).toBeFocused();
  await verifierPage(page, 'pour-candidat-desistement');
  await dialogue.getByRole('button', { name: 'Revenir sans rien changer' }).click();
  await expect(dialogue).toBeHidden();
  expect((await candidatureM1(linh)).reponse).toMatchObject({ code: 'CONFIRMEE' });
  await agir(page).getByRole('button', { name: 'Désister le candidat…' }).click();
  await dialogue.getByRole('button', { name: 'Confirmer le désistement' }).click();
  await expect(dialogue).toBeHidden();
  await expect(agir(page).getByRole('status').filter({ hasText: 'Désistement enregistré pour le candidat' })).toBeVisible();
  await expect(agir(page).getByRole('button', { name: 'Désister le candidat…' })).toHaveCount(0);
  await expect(historique(page).getByRole('row').filter({ hasText: 'gestionnaire' })).toHaveCount(2);
  expect((await candidatureM1(linh)).reponse).toMatchObject({ code: 'DESISTEE' });

  // The bloc-notes: « Supprimer » on one's own note only.
  const blocNotes = page.getByRole('region', { name: 'Bloc-notes' });
  await champ(page, 'Nouvelle note (vue du personnel seulement)').fill('Désistement donné au téléphone.');
  await page.getByRole('button', { name: 'Ajouter la note' }).click();
  const mienne = blocNotes.getByRole('listitem').filter({ hasText: 'Désistement donné au téléphone.' });
  const collegue = blocNotes.getByRole('listitem').filter({ hasText: 'Appel de la candidate le matin.' });
  await expect(mienne.getByRole('button', { name: 'Supprimer ma note « Désistement donné au téléphone. »' })).toBeVisible();
  await expect(collegue.getByRole('button')).toHaveCount(0);
  await verifierPage(page, 'pour-candidat-notes');
  const notes = (await gestionnaire.get(`/api/candidatures/${id}/notes`)).length;
  await mienne.getByRole('button', { name: /^Supprimer/ }).click();
  await expect(mienne).toHaveCount(0);
  await expect(collegue).toBeVisible();
  expect((await gestionnaire.get(`/api/candidatures/${id}/notes`)).length).toBe(notes - 1);
});

test('une proposition au candidat qui n’a pas candidaté (DEMO0004), puis les délais d’une sélection', async ({ page, request }) => {
  const gestionnaire = await apiConnectee(request, 'gestionnaire', 'demo-gestionnaire-candidatures');
  const { items } = await gestionnaire.get('/api/offre/gestion/formations?limit=200');
  const m1 = items.find((f: { code: string }) => f.code === M1);
  const total = async () => (await gestionnaire.get('/api/candidatures?limit=1')).total as number;
  const avant = await total();
  const debut = new Date();

  await connecterGestionnaire(page);
  await page.getByRole('link', { name: 'Proposer une formation à un candidat' }).click();
  await titreFocalise(page, 'Proposer une formation à un candidat');
  // Only the formations of the gestionnaire's scope.
  await expect(champ(page, 'Formation').locator('option')).toHaveCount(items.length + 1);
  await champ(page, 'Formation').selectOption(String(m1.id));
  await page.getByRole('button', { name: 'Créer la proposition' }).click();
  // Without a numéro de dossier, the API's refusal, in French.
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(champ(page, 'Numéro de dossier du candidat')).toHaveAttribute('aria-invalid', 'true');
  await verifierPage(page, 'pour-candidat-proposition-refusee');

  // From a search result: the numéro in the address.
  await page.goto('/gestion/proposition?numeroDossier=DEMO0004');
  await expect(champ(page, 'Numéro de dossier du candidat')).toHaveValue('DEMO0004');
  await verifierPage(page, 'pour-candidat-proposition');
  await champ(page, 'Formation').selectOption(String(m1.id));
  await page.getByRole('button', { name: 'Créer la proposition' }).click();
  await titreFocalise(page, 'Candidature de Lucas BERNARD');
  await expect(page.getByTestId('statut-dossier')).toContainText('Complet');
  await expect(historique(page).getByRole('row').filter({ hasText: 'gestionnaire' })).toHaveCount(1);
  expect(await total()).toBe(avant + 1);
  await mailRecu('lucas.bernard@candidatures.localhost', 'Proposition de candidature', debut);
  // A second proposition of the same formation: refused, said in French.
  await page.goto('/gestion/proposition?numeroDossier=DEMO0004');
  await champ(page, 'Formation').selectOption(String(m1.id));
  await page.getByRole('button', { name: 'Créer la proposition' }).click();
  await expect(page.getByRole('alert')).toContainText('Le candidat DEMO0004 a déjà une candidature à cette formation.');

  // The deadlines of Élise's and Lucas's M1 candidatures at once.
  const jour = (base: string, n: number) => new Date(Date.parse(`${base}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const aujourdhui = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
  const retour = jour(m1.dateRetour > aujourdhui ? m1.dateRetour : aujourdhui, 10);
  const confirmation = jour(aujourdhui, 30);
  await page.getByRole('link', { name: 'Retour à la liste des candidatures' }).click();
  await titreFocalise(page, 'Candidatures à traiter');
  await champ(page, 'Formation').selectOption(String(m1.id));
  await page.getByRole('button', { name: 'Filtrer' }).click();
  for (const numero of ['DEMO0001', 'DEMO0004']) await page.getByRole('row').filter({ hasText: numero }).getByRole('checkbox').check();
  const actions = page.getByRole('region', { name: /^Actions sur la sélection/ });
  await expect(actions).toContainText('2 candidatures');
  await actions.getByLabel('Action').selectOption({ label: 'Fixer les délais (confirmation, retour)' });
  const formulaire = page.getByRole('form', { name: 'Fixer les délais de la sélection' });
  // A return date that does not extend the formation's is refused, on its field.
  await formulaire.getByLabel('Date limite de retour').fill(m1.dateRetour);
  await formulaire.getByRole('button', { name: 'Appliquer les délais' }).click();
  await expect(formulaire.getByRole('alert')).toBeVisible();
  await expect(formulaire.getByLabel('Date limite de retour')).toHaveAttribute('aria-invalid', 'true');
  await formulaire.getByLabel('Date limite de retour').fill(retour);
  await formulaire.getByLabel('Date limite de confirmation').fill(confirmation);
  await formulaire.getByRole('button', { name: 'Appliquer les délais' }).click();
  await expect(formulaire.getByRole('status')).toHaveText('Délais enregistrés pour 2 candidature(s).');
  await verifierPage(page, 'pour-candidat-delais-groupes');
  const { items: m1s } = await gestionnaire.get(`/api/candidatures?formationId=${m1.id}&limit=200`);
  for (const numero of ['DEMO0001', 'DEMO0004']) {
    const { id } = m1s.find((c: { numeroDossier: string }) => c.numeroDossier === numero);
    const detail = await gestionnaire.get(`/api/candidatures/${id}`);
    expect(detail.recapitulatif.dates, numero).toMatchObject({ limiteRetour: retour, confirmation });
  }
});
