import { ParsedMail } from 'mailparser';
import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { OutboxService } from '../src/mail/outbox.service';
import { api } from './support/api';
import { CANDIDAT_PASSWORD, createCampagne } from './support/factories';
import { Offre, creerOffre } from './support/offre';
import { login, remplirDossier, staffConnecte } from './support/parcours';
import { pdfText } from './support/pdf-text';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  (res as unknown as NodeJS.ReadableStream).on('data', (d: Buffer) => chunks.push(d)).on('end', () => cb(null, Buffer.concat(chunks)));
};
const squash = (s: string) => s.replace(/\s+/g, ' ');

const NOW = '2026-11-20T10:00:00Z';
/** What only the French texts say: a greeting, the words of the French templates, French typography. */
const FRANCAIS = /Bonjour|Votre|votre|candidature|numéro|Madame|Monsieur|Objet|lors de sa réunion|«|»/;
/** A mail's text without its links (front-end paths are not words of the text). */
const texte = (m: ParsedMail) => (m.text ?? '').replace(/https?:\/\/\S+/g, '');

describe("Mails and letters follow the candidate's language", () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let offre: Offre;
  let tokens: Record<'scol' | 'gest', string>;

  /** What the sender job does every 10 s, then the mail as the candidate receives it. */
  const mail = async (to: string, subject: RegExp): Promise<ParsedMail> => {
    await t.app.get(OutboxService).deliverDue();
    return smtp.waitFor((m) => subject.test(m.subject ?? '') && smtp.to(to).includes(m));
  };

  /** An account created through the form, in that language (or none given), activated from its mail, logged in. */
  async function compte(email: string, langue?: 'fr' | 'en') {
    await request(t.http)
      .post('/api/comptes')
      .send({ nom: 'Martin', prenom: 'Élise', email, emailConfirmation: email, password: CANDIDAT_PASSWORD, passwordConfirmation: CANDIDAT_PASSWORD, ...(langue ? { langue } : {}) })
      .expect(202);
    const activation = await mail(email, /./);
    const token = /activation\?token=([A-Za-z0-9_-]+)/.exec(activation.text ?? '')?.[1];
    const numero = (await request(t.http).post('/api/comptes/activation').send({ token }).expect(200)).body.numeroDossier as string;
    return { activation, numero, session: await login(t, numero, CANDIDAT_PASSWORD) };
  }

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set(NOW);
    await createCampagne(t);
    tokens = await staffConnecte(t, { scol: ['scol.langue', [Role.SCOL_CENTRALE]], gest: ['gest.langue', [Role.GESTIONNAIRE], { centres: ['LANGUE'] }] });
    offre = await creerOffre(t, tokens.scol, {
      centre: { code: 'LANGUE', libelle: 'Centre des langues' },
      commission: { code: 'LANGUE-COM', libelle: 'Commission des langues', email: 'commission.langue@univ.test', lettreJointeAuMail: true },
    });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('an account created in English: every mail to the candidate, and the letter, in English; the commission alerted in French', async () => {
    const email = 'elise.en@example.org';
    const { activation, numero, session } = await compte(email, 'en');
    expect(activation.subject).toBe('Your applicant account has been created');
    expect(activation.text).toContain(`Dear Élise Martin,\n\nYour applicant account has been created. Your file number, which is your login, is: ${numero}`);
    expect(activation.text).toMatch(/before \d{1,2} November 2026 at \d{2}:\d{2} \(Paris time\);/);
    expect(activation.html).toContain('<html lang="en">');
    expect(texte(activation)).not.toMatch(FRANCAIS);

    // The file keeps the language chosen at creation; the right-of-access export shows it on the account.
    const candidat = api(t, session);
    await remplirDossier(t, session, 'Martin', 'Élise');
    expect((await candidat.get('candidat/identite').expect(200)).body.langue).toBe('en');
    expect((await candidat.get('comptes/moi/donnees').expect(200)).body.compte.langue).toBe('en');

    const formationId = await offre.formation({ code: 'M1-LANG', libelle: 'Master langues' });
    const id = (await candidat.post('candidat/candidatures', { formationId }).expect(201)).body.id as number;
    const enregistree = await mail(email, /^Application recorded: Master langues$/);
    expect(enregistree.text).toContain('Your application to the programme "Master langues" has been recorded');
    expect(enregistree.text).toContain('by 10 April 2027 at the latest.');
    expect(enregistree.html).toContain('<html lang="en">');
    expect(texte(enregistree)).not.toMatch(FRANCAIS);

    await candidat.post(`candidat/candidatures/${id}/transmission`).expect(200);
    expect(texte(await mail(email, /^Application submitted: Master langues$/))).not.toMatch(FRANCAIS);
    const alerte = await mail('commission.langue@univ.test', /^\[Alerte\] Candidature transmise : Master langues$/);
    expect(alerte.text).toContain(`Élise Martin (numéro de dossier ${numero}) a transmis sa candidature`);
    expect(alerte.html).toContain('<html lang="fr">');

    // Staff preview the letter in the candidate's language, then validate: the decision mail and its letter in English.
    await api(t, tokens.gest).post('candidatures/avis', { candidatureIds: [id], type: 'FA', dateReunion: '2026-11-19' }).expect(201);
    const apercu = await request(t.http).get(`/api/candidatures/${id}/lettre.pdf`).set('Authorization', `Bearer ${tokens.gest}`).buffer(true).parse(binary).expect(200);
    expect(squash(await pdfText(apercu.body as Buffer))).toContain('At its meeting of 19 November 2026, the admissions committee Commission des langues gave a favourable decision');
    await api(t, tokens.gest).post('candidatures/avis/validation', { candidatureIds: [id] }).expect(200);
    const decision = await mail(email, /^Offer of admission: Master langues$/);
    expect(decision.text).toContain('The admissions committee has given a favourable decision on your application to the programme "Master langues"');
    expect(texte(decision)).not.toMatch(FRANCAIS);
    const jointe = squash(await pdfText(decision.attachments[0].content));
    for (const lettre of [squash(await pdfText((await request(t.http).get(`/api/candidat/candidatures/${id}/lettre.pdf`).set('Authorization', `Bearer ${session}`).buffer(true).parse(binary).expect(200)).body as Buffer)), jointe]) {
      expect(lettre).toContain('Dear Ms Martin,');
      expect(lettre).toContain('At its meeting of 19 November 2026, the admissions committee Commission des langues gave a favourable decision on your application to the programme M1-LANG — Master langues.');
      expect(lettre).toContain('Please accept our congratulations. Yours sincerely,');
      expect(lettre.replace(/Commission des langues|Candidatures à l'université|Campagne de test \d+|rue de la Férollerie|Orléans|ORLEANS|Mme Élise/g, '')).not.toMatch(FRANCAIS);
    }
  });

  it('French by default, and the candidate may switch language later: the next mails follow', async () => {
    const email = 'elise.fr@example.org';
    const { activation, session } = await compte(email);
    expect(activation.subject).toBe('Création de votre compte candidat');
    expect(activation.html).toContain('<html lang="fr">');
    const candidat = api(t, session);
    await remplirDossier(t, session, 'Martin', 'Élise');
    const identite = await candidat.get('candidat/identite').expect(200);
    expect(identite.body.langue).toBe('fr');
    // The session says it too, so the web pages open in it.
    expect((await candidat.get('auth/me').expect(200)).body.langue).toBe('fr');

    await candidat.put('candidat/identite/coordonnees', { langue: 'en' }).set('If-Match', `"${identite.body.version}"`).expect(200);
    expect((await candidat.get('auth/me').expect(200)).body.langue).toBe('en');
    const formationId = await offre.formation({ code: 'M1-BASCULE', libelle: 'Master bascule' });
    await candidat.post('candidat/candidatures', { formationId }).expect(201);
    expect((await mail(email, /^Application recorded: Master bascule$/)).text).toContain('Dear Élise Martin,');
  });

  it('refuses a language it does not write', async () => {
    const refus = await request(t.http)
      .post('/api/comptes')
      .send({ nom: 'Martin', prenom: 'Élise', email: 'de@example.org', emailConfirmation: 'de@example.org', password: CANDIDAT_PASSWORD, passwordConfirmation: CANDIDAT_PASSWORD, langue: 'de' })
      .expect(400);
    expect(refus.body.errors).toEqual([{ field: 'langue', message: 'doit valoir fr ou en' }]);
  });
});
