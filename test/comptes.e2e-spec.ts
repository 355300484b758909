import { ParsedMail } from 'mailparser';
import request from 'supertest';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { JobRun } from '../src/jobs/entities/job-run.entity';
import { JobsService, PURGE_COMPTES } from '../src/jobs/jobs.service';
import { OutboxService } from '../src/mail/outbox.service';
import { createCampagne } from './support/factories';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

const PASSWORD = 'une phrase de passe toute simple';

describe('Candidate accounts', () => {
  let smtp: SmtpCapture;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, PUBLIC_URL: 'https://candidatures.univ.test' });
    await createCampagne(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const form = (email: string, extra: Record<string, string> = {}) => ({
    nom: 'Martin',
    prenom: 'Élise',
    email,
    emailConfirmation: email,
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
    ...extra,
  });
  const create = (email: string, extra?: Record<string, string>) => request(t.http).post('/api/comptes').send(form(email, extra));
  /** What the sender job does every 10 s, then the mail as the candidate receives it. */
  const mailTo = async (address: string, subject: RegExp): Promise<ParsedMail> => {
    await t.app.get(OutboxService).deliverDue();
    return smtp.waitFor((m) => m.subject !== undefined && subject.test(m.subject) && smtp.to(address).includes(m));
  };
  const tokenOf = (mail: ParsedMail) => /activation\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1] as string;

  it('the whole journey: create, follow the mailed link, log in with the numéro, change and validate the e-mail, log out, forgot identifiers, reset, log in again', async () => {
    const created = await create('elise.martin@example.org').expect(202);
    expect(created.body.message).toMatch(/un mail vient de lui être envoyé/);

    const mail = await mailTo('elise.martin@example.org', /^Création de votre compte candidat$/);
    const numero = /numéro de dossier, qui vous sert d'identifiant, est : ([0-9A-Z]{8})/.exec(mail.text ?? '')?.[1] as string;
    expect(numero).toMatch(/^[0-9A-Z]{8}$/);
    expect(mail.html).toContain('https://candidatures.univ.test/comptes/activation?token=');

    const early = await request(t.http).post('/api/auth/login').send({ login: numero, password: PASSWORD }).expect(403);
    expect(early.body.code).toBe('COMPTE_NON_ACTIVE');

    const activated = await request(t.http).post('/api/comptes/activation').send({ token: tokenOf(mail) }).expect(200);
    expect(activated.body.numeroDossier).toBe(numero);
    const again = await request(t.http).post('/api/comptes/activation').send({ token: tokenOf(mail) }).expect(422);
    expect(again.body.code).toBe('LIEN_ACTIVATION_INVALIDE');

    const session = await request(t.http).post('/api/auth/login').send({ login: numero.toLowerCase(), password: PASSWORD }).expect(200);
    const me = await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${session.body.token}`).expect(200);
    expect(me.body).toMatchObject({ kind: 'candidat', login: numero, prenom: 'Élise', nom: 'Martin', email: 'elise.martin@example.org', roles: ['candidat'], langue: 'fr' });
    expect(session.body.me).toEqual(me.body);
    // The e-mail is a login too; a candidate is no administrator.
    const byMail = await request(t.http).post('/api/auth/login').send({ login: 'Elise.Martin@example.org', password: PASSWORD }).expect(200);
    await request(t.http).get('/api/admin/jobs').set('Authorization', `Bearer ${byMail.body.token}`).expect(403);


    // E-mail change: a link to the new address, a word to the old one, and no session until the link is followed.
    const nouvelle = 'elise@nouveau.example';
    await request(t.http)
      .put('/api/comptes/moi/email')
      .set('Authorization', `Bearer ${session.body.token}`)
      .send({ email: nouvelle, emailConfirmation: nouvelle, password: PASSWORD })
      .expect(202);
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${byMail.body.token}`).expect(401);
    const waiting = await request(t.http).post('/api/auth/login').send({ login: numero, password: PASSWORD }).expect(403);
    expect(waiting.body.code).toBe('EMAIL_A_VALIDER');
    expect((await mailTo('elise.martin@example.org', /^Changement de l'adresse e-mail/)).text).toContain(nouvelle);
    const validation = await mailTo(nouvelle, /^Validation de votre nouvelle adresse e-mail$/);
    const emailToken = /email\?token=([A-Za-z0-9_-]+)/.exec(validation.text ?? '')?.[1];
    await request(t.http).post('/api/comptes/email/validation').send({ token: emailToken }).expect(200);
    await request(t.http).post('/api/comptes/email/validation').send({ token: emailToken }).expect(422);
    await request(t.http).post('/api/auth/login').send({ login: 'elise.martin@example.org', password: PASSWORD }).expect(401);
    const relog = await request(t.http).post('/api/auth/login').send({ login: numero, password: PASSWORD }).expect(200);
    expect(relog.body.me.email).toBe(nouvelle);

    await request(t.http).post('/api/auth/logout').set('Authorization', `Bearer ${relog.body.token}`).expect(204);
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${relog.body.token}`).expect(401);

    // Identifiers forgotten: the mail to the new address carries the numéro and a reset link; then log in again.
    await request(t.http).post('/api/comptes/identifiants-oublies').send({ email: nouvelle }).expect(202);
    const ids = await mailTo(nouvelle, /^Vos identifiants de candidat$/);
    expect(ids.text).toContain(numero);
    const reset = /mot-de-passe\?token=([A-Za-z0-9_-]+)/.exec(ids.text ?? '')?.[1];
    const choisi = 'le mot de passe choisi après oubli';
    await request(t.http).post('/api/comptes/mot-de-passe/reinitialisation').send({ token: reset, password: choisi, passwordConfirmation: choisi }).expect(204);
    await request(t.http).post('/api/auth/login').send({ login: numero, password: choisi }).expect(200);
  });

  it("answers the same to an e-mail change to a taken address (its owner is told, nothing changes); refuses one without the password; the link expires, the owner's reset cancels it", async () => {
    const login = async (email: string) => {
      await create(email).expect(202);
      await request(t.http).post('/api/comptes/activation').send({ token: tokenOf(await mailTo(email, /^Création/)) }).expect(200);
      return (await request(t.http).post('/api/auth/login').send({ login: email, password: PASSWORD }).expect(200)).body.token as string;
    };
    let token = await login('change@example.org');
    await login('prise@example.org');
    const ask = (body: Record<string, string>) =>
      request(t.http).put('/api/comptes/moi/email').set('Authorization', `Bearer ${token}`).send({ password: PASSWORD, ...body });

    const wrong = await ask({ email: 'libre@example.org', emailConfirmation: 'libre@example.org', password: 'pas le mot de passe' }).expect(400);
    expect(wrong.body.errors[0].field).toBe('password');
    expect((await ask({ email: 'libre@example.org', emailConfirmation: 'libre2@example.org' }).expect(400)).body.errors[0].field).toBe('emailConfirmation');
    expect((await ask({ email: 'CHANGE@example.org', emailConfirmation: 'change@example.org' }).expect(400)).body.errors[0].field).toBe('email');
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);

    // A taken address: the same 202; its owner gets a mail, the old address its word, and nobody a validation link.
    const taken = await ask({ email: 'Prise@example.org', emailConfirmation: 'prise@example.org' }).expect(202);
    const owner = await mailTo('prise@example.org', /^Demande de changement d'adresse e-mail vers la vôtre$/);
    expect(owner.text).toContain("Elle est déjà celle de votre compte : rien n'a changé");
    expect((await mailTo('change@example.org', /^Changement de l'adresse e-mail/)).text).toContain('Prise@example.org');
    expect(smtp.to('prise@example.org').filter((m) => /^Validation/.test(m.subject ?? ''))).toEqual([]);
    // Logged out as after any request, the caller logs in again at once: the address has not changed, nothing awaits.
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    const unchanged = await request(t.http).post('/api/auth/login').send({ login: 'change@example.org', password: PASSWORD }).expect(200);
    expect(unchanged.body.me.email).toBe('change@example.org');
    token = unchanged.body.token;
    await request(t.http).post('/api/auth/login').send({ login: 'prise@example.org', password: PASSWORD }).expect(200);

    const free = await ask({ email: 'libre@example.org', emailConfirmation: 'libre@example.org' }).expect(202);
    expect(free.body.message.replace('libre@example.org', '…')).toBe(taken.body.message.replace('Prise@example.org', '…'));
    const lien = /email\?token=([A-Za-z0-9_-]+)/.exec((await mailTo('libre@example.org', /^Validation/)).text ?? '')?.[1];
    await request(t.http).post('/api/auth/login').send({ login: 'change@example.org', password: PASSWORD }).expect(403);
    t.clock.advance({ hours: 48, minutes: 1 });
    expect((await request(t.http).post('/api/comptes/email/validation').send({ token: lien }).expect(422)).body.code).toBe('LIEN_EMAIL_EXPIRE');
    // Expired, the change is void: the old address still logs in.
    const back = (await request(t.http).post('/api/auth/login').send({ login: 'change@example.org', password: PASSWORD }).expect(200)).body.token;

    // Somebody else asks for a change: the owner's password reset from the old address cancels it.
    await request(t.http).put('/api/comptes/moi/email').set('Authorization', `Bearer ${back}`).send({ email: 'pirate@example.org', emailConfirmation: 'pirate@example.org', password: PASSWORD }).expect(202);
    const pirate = /email\?token=([A-Za-z0-9_-]+)/.exec((await mailTo('pirate@example.org', /^Validation/)).text ?? '')?.[1];
    await request(t.http).post('/api/comptes/identifiants-oublies').send({ email: 'change@example.org' }).expect(202);
    const reset = /mot-de-passe\?token=([A-Za-z0-9_-]+)/.exec((await mailTo('change@example.org', /^Vos identifiants/)).text ?? '')?.[1];
    const choisi = 'reprise en main du compte';
    await request(t.http).post('/api/comptes/mot-de-passe/reinitialisation').send({ token: reset, password: choisi, passwordConfirmation: choisi }).expect(204);
    await request(t.http).post('/api/comptes/email/validation').send({ token: pirate }).expect(422);
    const me = await request(t.http).post('/api/auth/login').send({ login: 'change@example.org', password: choisi }).expect(200);
    expect(me.body.me.email).toBe('change@example.org');
  });

  it('a validation link whose address another account took meanwhile: 409, the change dropped, the old address logs in', async () => {
    await create('lent@example.org').expect(202);
    await request(t.http).post('/api/comptes/activation').send({ token: tokenOf(await mailTo('lent@example.org', /^Création/)) }).expect(200);
    const session = (await request(t.http).post('/api/auth/login').send({ login: 'lent@example.org', password: PASSWORD }).expect(200)).body.token;
    const cible = { email: 'convoitee@example.org', emailConfirmation: 'convoitee@example.org', password: PASSWORD };
    await request(t.http).put('/api/comptes/moi/email').set('Authorization', `Bearer ${session}`).send(cible).expect(202);
    const lien = /email\?token=([A-Za-z0-9_-]+)/.exec((await mailTo('convoitee@example.org', /^Validation/)).text ?? '')?.[1];
    await create('convoitee@example.org').expect(202);

    const late = await request(t.http).post('/api/comptes/email/validation').send({ token: lien }).expect(409);
    expect(late.body.code).toBe('EMAIL_DEJA_UTILISE');
    expect((await request(t.http).post('/api/auth/login').send({ login: 'lent@example.org', password: PASSWORD }).expect(200)).body.me.email).toBe('lent@example.org');
  });

  it('answers the same for an address that already has an account, and mails that address instead', async () => {
    const first = await create('deja@example.org').expect(202);
    const second = await create('DEJA@example.org').expect(202);
    expect(second.body).toEqual(first.body);
    const warning = await mailTo('deja@example.org', /^Demande de création de compte candidat$/);
    expect(warning.text).toContain('un compte existe déjà');
    expect(await t.dataSource.getRepository(CompteCandidat).count({ where: { emailNormalise: 'deja@example.org' } })).toBe(1);
  });

  it('creates one account when the same address is submitted ten times at once', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => create('rafale@example.org')));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    expect(await t.dataSource.getRepository(CompteCandidat).count({ where: { emailNormalise: 'rafale@example.org' } })).toBe(1);
  });

  it.each([
    [{ emailConfirmation: 'autre@example.org' }, 'emailConfirmation'],
    [{ passwordConfirmation: 'une autre phrase de passe' }, 'passwordConfirmation'],
    [{ password: 'court', passwordConfirmation: 'court' }, 'password'],
    [{ password: 'motdepasse123', passwordConfirmation: 'motdepasse123' }, 'password'],
    [{ email: 'pas-une-adresse', emailConfirmation: 'pas-une-adresse' }, 'email'],
  ])('refuses %j naming %s, and creates nothing', async (extra, field) => {
    const before = await t.dataSource.getRepository(CompteCandidat).count();
    const res = await create('refus@example.org', extra).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await t.dataSource.getRepository(CompteCandidat).count()).toBe(before);
  });

  it("J'ai perdu mon code d'activation: a new link replaces the old one, same answer for an unknown address", async () => {
    await create('perdu@example.org').expect(202);
    const first = tokenOf(await mailTo('perdu@example.org', /^Création de votre compte candidat$/));
    const known = await request(t.http).post('/api/comptes/activation/renvoi').send({ email: 'Perdu@example.org' }).expect(202);
    const unknown = await request(t.http).post('/api/comptes/activation/renvoi').send({ email: 'inconnu@example.org' }).expect(202);
    expect(unknown.body).toEqual(known.body);
    const second = tokenOf(await mailTo('perdu@example.org', /^Nouveau lien d'activation/));
    expect(second).not.toBe(first);
    await request(t.http).post('/api/comptes/activation').send({ token: first }).expect(422);
    await request(t.http).post('/api/comptes/activation').send({ token: second }).expect(200);
    await t.app.get(OutboxService).deliverDue();
    expect(smtp.to('inconnu@example.org')).toHaveLength(0);
  });

  it("J'ai oublié mes identifiants: the numéro and a 2-hour, single-use link to a new password; sessions are closed", async () => {
    await create('distrait@example.org').expect(202);
    await request(t.http).post('/api/comptes/activation').send({ token: tokenOf(await mailTo('distrait@example.org', /^Création/)) }).expect(200);
    const compte = await t.dataSource.getRepository(CompteCandidat).findOneByOrFail({ emailNormalise: 'distrait@example.org' });
    const before = (await request(t.http).post('/api/auth/login').send({ login: compte.numeroDossier, password: PASSWORD }).expect(200)).body.token;

    const known = await request(t.http).post('/api/comptes/identifiants-oublies').send({ email: 'distrait@example.org' }).expect(202);
    const unknown = await request(t.http).post('/api/comptes/identifiants-oublies').send({ email: 'personne@example.org' }).expect(202);
    expect(unknown.body).toEqual(known.body);
    const mail = await mailTo('distrait@example.org', /^Vos identifiants de candidat$/);
    expect(mail.text).toContain(compte.numeroDossier);
    const reset = /mot-de-passe\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1] as string;

    const nouveau = 'un tout nouveau mot de passe';
    const mismatch = await request(t.http).post('/api/comptes/mot-de-passe/reinitialisation').send({ token: reset, password: nouveau, passwordConfirmation: 'autre chose encore' }).expect(400);
    expect(mismatch.body.errors[0].field).toBe('passwordConfirmation');
    await request(t.http).post('/api/comptes/mot-de-passe/reinitialisation').send({ token: reset, password: nouveau, passwordConfirmation: nouveau }).expect(204);
    const reused = await request(t.http).post('/api/comptes/mot-de-passe/reinitialisation').send({ token: reset, password: nouveau, passwordConfirmation: nouveau }).expect(422);
    expect(reused.body.code).toBe('LIEN_REINITIALISATION_INVALIDE');
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${before}`).expect(401);
    await request(t.http).post('/api/auth/login').send({ login: compte.numeroDossier, password: PASSWORD }).expect(401);
    await request(t.http).post('/api/auth/login').send({ login: compte.numeroDossier, password: nouveau }).expect(200);

    await request(t.http).post('/api/comptes/identifiants-oublies').send({ email: 'distrait@example.org' }).expect(202);
    await t.app.get(OutboxService).deliverDue();
    const late = smtp.to('distrait@example.org').filter((m) => m.subject === 'Vos identifiants de candidat').pop() as ParsedMail;
    t.clock.advance({ hours: 2, minutes: 1 });
    const expired = await request(t.http)
      .post('/api/comptes/mot-de-passe/reinitialisation')
      .send({ token: /mot-de-passe\?token=([A-Za-z0-9_-]+)/.exec(late.text ?? '')?.[1], password: nouveau, passwordConfirmation: nouveau })
      .expect(422);
    expect(expired.body.code).toBe('LIEN_REINITIALISATION_EXPIRE');
  });

  it('changes the password with the current one, closing the other sessions', async () => {
    await create('prudent@example.org').expect(202);
    await request(t.http).post('/api/comptes/activation').send({ token: tokenOf(await mailTo('prudent@example.org', /^Création/)) }).expect(200);
    const loginBody = { login: 'prudent@example.org', password: PASSWORD };
    const current = (await request(t.http).post('/api/auth/login').send(loginBody).expect(200)).body.token;
    const other = (await request(t.http).post('/api/auth/login').send(loginBody).expect(200)).body.token;
    const change = (ancienPassword: string) =>
      request(t.http).put('/api/comptes/moi/mot-de-passe').set('Authorization', `Bearer ${current}`).send({ ancienPassword, password: 'encore une autre phrase', passwordConfirmation: 'encore une autre phrase' });
    const wrong = await change('pas le bon mot de passe').expect(400);
    expect(wrong.body.errors[0].field).toBe('ancienPassword');
    await change(PASSWORD).expect(204);
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${current}`).expect(200);
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${other}`).expect(401);
    await request(t.http).post('/api/auth/login').send({ login: 'prudent@example.org', password: 'encore une autre phrase' }).expect(200);
  });

  it('a password change voids the reset link asked before it', async () => {
    await create('revenu@example.org').expect(202);
    await request(t.http).post('/api/comptes/activation').send({ token: tokenOf(await mailTo('revenu@example.org', /^Création/)) }).expect(200);
    await request(t.http).post('/api/comptes/identifiants-oublies').send({ email: 'revenu@example.org' }).expect(202);
    const reset = /mot-de-passe\?token=([A-Za-z0-9_-]+)/.exec((await mailTo('revenu@example.org', /^Vos identifiants/)).text ?? '')?.[1];
    const session = (await request(t.http).post('/api/auth/login').send({ login: 'revenu@example.org', password: PASSWORD }).expect(200)).body.token;
    const changed = 'retrouvé entre-temps, changé';
    await request(t.http)
      .put('/api/comptes/moi/mot-de-passe')
      .set('Authorization', `Bearer ${session}`)
      .send({ ancienPassword: PASSWORD, password: changed, passwordConfirmation: changed })
      .expect(204);
    const stale = await request(t.http).post('/api/comptes/mot-de-passe/reinitialisation').send({ token: reset, password: 'celui du vieux lien', passwordConfirmation: 'celui du vieux lien' }).expect(422);
    expect(stale.body.code).toBe('LIEN_REINITIALISATION_INVALIDE');
    await request(t.http).post('/api/auth/login').send({ login: 'revenu@example.org', password: changed }).expect(200);
  });

  it('throttles the current-password check per account like the login, on both routes that ask for it', async () => {
    await create('devine@example.org').expect(202);
    await request(t.http).post('/api/comptes/activation').send({ token: tokenOf(await mailTo('devine@example.org', /^Création/)) }).expect(200);
    const session = (await request(t.http).post('/api/auth/login').send({ login: 'devine@example.org', password: PASSWORD }).expect(200)).body.token;
    const nouveau = 'une phrase de passe devinée';
    const change = (ancienPassword: string) =>
      request(t.http).put('/api/comptes/moi/mot-de-passe').set('Authorization', `Bearer ${session}`).send({ ancienPassword, password: nouveau, passwordConfirmation: nouveau });
    for (let i = 0; i < 10; i++) await change(`essai numéro ${i} du mot de passe`).expect(400);
    const locked = await change('essai numéro 10 du mot de passe').expect(429);
    expect(locked.body.code).toBe('TROP_DE_TENTATIVES');
    expect(Number(locked.headers['retry-after'])).toBe(900);
    await change(PASSWORD).expect(429);
    const email = { email: 'devine@ailleurs.example', emailConfirmation: 'devine@ailleurs.example', password: PASSWORD };
    await request(t.http).put('/api/comptes/moi/email').set('Authorization', `Bearer ${session}`).send(email).expect(429);

    t.clock.advance({ minutes: 15 });
    await change(PASSWORD).expect(204);
    await request(t.http).post('/api/auth/login').send({ login: 'devine@example.org', password: nouveau }).expect(200);
  });

  it('SMTP down while 50 accounts are created, then back: 50 activation mails arrive, each once', async () => {
    const outbox = t.app.get(OutboxService);
    await outbox.deliverDue();
    smtp.down();
    const addresses = Array.from({ length: 50 }, (_, i) => `panne${i}@example.org`);
    const answers = await Promise.all(addresses.map((a) => create(a)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(202));
    expect(await outbox.deliverDue()).toMatchObject({ envoyes: 0, reportes: 50 });

    smtp.up();
    t.clock.advance({ minutes: 2 });
    // Two instances' sender jobs at once: the claim tokens keep them off each other's rows.
    const [a, b] = await Promise.all([outbox.deliverDue(20), outbox.deliverDue(20)]);
    const rest = await outbox.deliverDue();
    expect(a.envoyes + b.envoyes + rest.envoyes).toBe(50);
    for (const address of addresses) {
      const received = smtp.to(address);
      expect(received).toHaveLength(1);
      expect(received[0].subject).toBe('Création de votre compte candidat');
    }
  });

  it('purges an account left 5 days and one minute, keeps an activated one, and never reissues its number', async () => {
    await create('oublieux@example.org').expect(202);
    await create('assidu@example.org').expect(202);
    const assidu = await mailTo('assidu@example.org', /^Création de votre compte candidat$/);
    await request(t.http).post('/api/comptes/activation').send({ token: tokenOf(assidu) }).expect(200);
    const oublieux = await t.dataSource.getRepository(CompteCandidat).findOneByOrFail({ emailNormalise: 'oublieux@example.org' });
    const lien = tokenOf(await mailTo('oublieux@example.org', /^Création de votre compte candidat$/));

    t.clock.advance({ days: 5, minutes: -1 });
    const comptes = t.dataSource.getRepository(CompteCandidat);
    // Accounts left by the earlier tests (the clock has already moved) may go in this run; this one must not.
    expect(await t.app.get(JobsService).trigger(PURGE_COMPTES)).toMatchObject({ status: 'SUCCES' });
    expect(await comptes.findOneBy({ id: oublieux.id })).not.toBeNull();
    t.clock.advance({ minutes: 2 });
    const expired = await request(t.http).post('/api/comptes/activation').send({ token: lien }).expect(422);
    expect(expired.body.code).toBe('LIEN_ACTIVATION_EXPIRE');

    const run = await t.app.get(JobsService).trigger(PURGE_COMPTES);
    expect(JSON.parse(run?.counts ?? '{}').supprimes).toBe(1);
    expect(await comptes.findOneBy({ emailNormalise: 'oublieux@example.org' })).toBeNull();
    expect(await comptes.findOneBy({ emailNormalise: 'assidu@example.org' })).not.toBeNull();
    const burned = await t.dataSource.query('SELECT COUNT(*) AS n FROM numero_dossier WHERE numero = ?', [oublieux.numeroDossier]);
    expect(Number(burned[0].n)).toBe(1);
    expect(await t.dataSource.getRepository(JobRun).count({ where: { name: PURGE_COMPTES } })).toBe(2);
  });
});
