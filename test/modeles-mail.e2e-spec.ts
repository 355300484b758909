import { ParsedMail } from 'mailparser';
import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { OutboxService } from '../src/mail/outbox.service';
import { ScratchDatabase, createScratchDatabase } from '../scripts/lib/scratch-database';
import { api } from './support/api';
import { CANDIDAT_PASSWORD, createCampagne, createCandidat } from './support/factories';
import { login, staffConnecte } from './support/parcours';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';
import { TestClock } from './support/test-clock';

const MOT_DE_PASSE = 'une phrase de passe assez longue';
const CHEMIN = 'admin/modeles-mail/CPT_MIN_CREATE/fr';

/**
 * Mail texts staff change (src/mail/modeles): saved through one application instance, the next mail written by
 * another instance on the same database uses it, without a restart; a text naming a variable its mail code does
 * not offer is refused; what a candidate typed arrives escaped in the HTML part.
 */
describe('Mail templates stored in the database', () => {
  let smtp: SmtpCapture;
  let database: ScratchDatabase;
  let a: TestApp;
  let b: TestApp;
  let tokens: Record<'admin' | 'scol' | 'gestionnaire' | 'commission' | 'candidat', string>;
  let n = 0;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    database = await createScratchDatabase(undefined, { sqliteFile: true });
    const clock = new TestClock();
    const env = { MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, PUBLIC_URL: 'https://candidatures.univ.test' };
    a = await startTestApp(env, { database, clock });
    b = await startTestApp(env, { database, clock });
    const campagne = await createCampagne(a);
    const staff = await staffConnecte(a, {
      admin: ['modeles-admin', [Role.ADMIN]],
      scol: ['modeles-scol', [Role.SCOL_CENTRALE]],
      gestionnaire: ['modeles-gest', [Role.GESTIONNAIRE]],
      commission: ['modeles-com', [Role.COMMISSION]],
    });
    const candidat = await createCandidat(a, campagne);
    tokens = { ...staff, candidat: await login(a, candidat.numeroDossier, CANDIDAT_PASSWORD) };
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await database.drop();
    await smtp.stop();
  });

  /** An account created through an instance, and its activation mail as that instance's sender delivers it. */
  const creerCompte = async (t: TestApp, nom: string, langue = 'fr'): Promise<ParsedMail> => {
    const email = `modele${++n}@example.org`;
    await request(t.http)
      .post('/api/comptes')
      .send({ nom, prenom: 'Élise', email, emailConfirmation: email, password: MOT_DE_PASSE, passwordConfirmation: MOT_DE_PASSE, langue })
      .expect(202);
    await t.app.get(OutboxService).deliverDue();
    return smtp.waitFor((m) => smtp.to(email).includes(m));
  };

  it('uses a text saved through one instance for the next mail written by another, escaping what the candidate typed, until it is reset', async () => {
    // Instance B writes a mail with the shipped text first: nothing it may have kept must outlive the change.
    expect((await creerCompte(b, 'Martin')).subject).toBe('Création de votre compte candidat');

    const enregistre = await api(a, tokens.scol)
      .put(CHEMIN, { sujet: 'Bienvenue {{prenom}} !', corps: 'Bonjour {{prenom}} {{nom}},\n\nVotre numéro de dossier : {{numeroDossier}}, à activer avant le {{avant}}.\n\n{{lien lien "Activer mon compte"}}' })
      .expect(200);
    expect(enregistre.body).toMatchObject({ code: 'CPT_MIN_CREATE', langue: 'fr', enregistre: true, updatedBy: 'modeles-scol', sujet: 'Bienvenue {{prenom}} !', defaut: { sujet: 'Création de votre compte candidat' } });

    const mail = await creerCompte(b, '<b>Gras</b> & fils');
    expect(mail.subject).toBe('Bienvenue Élise !');
    expect(mail.text).toContain('Bonjour Élise <b>Gras</b> & fils,');
    expect(mail.text).toMatch(/Votre numéro de dossier : [0-9A-Z]{8}, à activer avant le \d+ \S+ \d{4} à \d\d:\d\d\./);
    expect(mail.text).toMatch(/Activer mon compte : https:\/\/candidatures\.univ\.test\/comptes\/activation\?token=/);
    expect(mail.html).toContain('<p>Bonjour Élise &lt;b&gt;Gras&lt;/b&gt; &amp; fils,</p>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toMatch(/<a href="https:\/\/candidatures\.univ\.test\/comptes\/activation\?token=[A-Za-z0-9_-]+">Activer mon compte<\/a>/);

    // Only French changed: the English mail keeps the shipped text.
    expect((await creerCompte(b, 'Smith', 'en')).subject).toBe('Your applicant account has been created');

    const liste = await api(b, tokens.admin).get('admin/modeles-mail').expect(200);
    expect(liste.body.find((m: { code: string }) => m.code === 'CPT_MIN_CREATE').modifie).toEqual(['fr']);

    const reinitialise = await api(b, tokens.admin).delete(CHEMIN).expect(200);
    expect(reinitialise.body).toMatchObject({ enregistre: false, updatedBy: null, sujet: 'Création de votre compte candidat' });
    expect((await creerCompte(a, 'Martin')).subject).toBe('Création de votre compte candidat');
  });

  it('refuses a text naming a variable its mail code does not offer, saying which, and keeps the current one', async () => {
    const refus = await api(a, tokens.admin).put(CHEMIN, { sujet: 'Bienvenue {{civilite}} {{nom}}', corps: 'Bonjour {{prenom}},\n\n{{#if majeur}}x{{/if}}' }).expect(400);
    expect(refus.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refus.body.code).toBe('REQUETE_INVALIDE');
    expect(refus.body.errors).toEqual([
      { field: 'sujet', message: 'utilise la variable inconnue « civilite »' },
      { field: 'corps', message: 'utilise la variable inconnue « majeur »' },
    ]);
    expect(refus.body.detail).toContain('« civilite »');
    const syntaxe = await api(a, tokens.admin).put(CHEMIN, { sujet: 'Bienvenue', corps: 'Bonjour {{#if prenom}}' }).expect(400);
    expect(syntaxe.body.errors[0]).toMatchObject({ field: 'corps', message: expect.stringMatching(/^n'est pas un modèle valide/) });
    expect((await api(a, tokens.admin).get(CHEMIN).expect(200)).body.enregistre).toBe(false);
    await api(a, tokens.admin).post(`${CHEMIN}/apercu`, { corps: '{{inconnue}}' }).expect(400);
  });

  it('previews a text with the sample values, and sends the current one to the caller only', async () => {
    const apercu = await api(a, tokens.scol).post(`${CHEMIN}/apercu`, { sujet: 'Pour {{prenom}} {{nom}}', corps: 'Bonjour {{prenom}},\n\n{{lien lien "Activer"}}' }).expect(200);
    expect(apercu.body.sujet).toBe('Pour Camille Martin');
    expect(apercu.body.texte).toBe('Bonjour Camille,\n\nActiver : https://candidatures.univ.fr/comptes/activation?token=exemple\n');
    expect(apercu.body.html).toContain('<a href="https://candidatures.univ.fr/comptes/activation?token=exemple">Activer</a>');
    const courant = await api(a, tokens.scol).post('admin/modeles-mail/STATUT_IN/en/apercu', {}).expect(200);
    expect(courant.body.texte).toContain('- Relevé de notes: refused (Illisible)');

    const envoi = await api(b, tokens.admin).post('admin/modeles-mail/CPT_MIN_CREATE/en/test').expect(202);
    expect(envoi.body).toEqual({ destinataire: 'modeles-admin@univ.test', sujet: '[Test] Your applicant account has been created' });
    await b.app.get(OutboxService).deliverDue();
    const recu = await smtp.waitFor((m) => smtp.to('modeles-admin@univ.test').includes(m));
    expect(recu.subject).toBe('[Test] Your applicant account has been created');
    expect(recu.text).toContain('Dear Camille Martin,');
  });

  it('answers 404 for a code that is not editable or a language that is not written', async () => {
    expect((await api(a, tokens.admin).get('admin/modeles-mail/INCONNU/fr').expect(404)).body.code).toBe('MODELE_MAIL_INTROUVABLE');
    expect((await api(a, tokens.admin).put('admin/modeles-mail/CPT_MIN_CREATE/de', { sujet: 'x', corps: 'y' }).expect(404)).body.code).toBe('MODELE_MAIL_INTROUVABLE');
  });

  it('lets only the administrator and the scolarité centrale in, on every route', async () => {
    const routes: [method: 'get' | 'put' | 'delete' | 'post', path: string, body?: object][] = [
      ['get', 'admin/modeles-mail'],
      ['get', CHEMIN],
      ['put', CHEMIN, { sujet: 'Intrus', corps: 'Intrus' }],
      ['delete', CHEMIN],
      ['post', `${CHEMIN}/apercu`, {}],
      ['post', `${CHEMIN}/test`],
    ];
    for (const [method, path, body] of routes) {
      await (api(a)[method] as (p: string, b?: object) => request.Test)(path, body).expect(401);
      for (const role of ['gestionnaire', 'commission', 'candidat'] as const) {
        await (api(a, tokens[role])[method] as (p: string, b?: object) => request.Test)(path, body).expect(403);
      }
    }
    expect((await api(a, tokens.admin).get(CHEMIN).expect(200)).body.enregistre).toBe(false);
    for (const role of ['admin', 'scol'] as const) {
      for (const [method, path, body] of routes) {
        const res = await (api(a, tokens[role])[method] as (p: string, b?: object) => request.Test)(path, body);
        expect({ role, method, path, status: res.status }).toEqual({ role, method, path, status: method === 'post' && path.endsWith('/test') ? 202 : 200 });
      }
    }
  });
});
