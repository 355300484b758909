import request from 'supertest';
import { ComptesService } from '../src/auth/comptes.service';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { Role } from '../src/common/auth/roles';
import { MailOutbox } from '../src/mail/entities/mail-outbox.entity';
import { createScratchDatabase, testEngine } from '../scripts/lib/scratch-database';
import { CANDIDAT_PASSWORD, STAFF_PASSWORD, createCampagne, createStaff } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

/** Full-width forms (U+FF01…U+FF5E) of the ASCII characters of a string. */
const pleineChasse = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('One identity per account for every limit: any spelling of a login, an e-mail or a numéro', () => {
  let t: TestApp;
  let campagneId = 0;
  let ip = 0;

  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '1000', THROTTLE_ACCOUNT_PER_15_MIN: '10', TRUST_PROXY: 'true' });
    campagneId = (await createCampagne(t)).id;
  });
  afterAll(() => t.close());

  // Each try from its own address: only the per-account counter can stop them.
  const login = (identifiant: string, password: string) =>
    request(t.http).post('/api/auth/login').set('X-Forwarded-For', `198.51.100.${++ip % 250}`).send({ login: identifiant, password });
  const forgot = (email: string) =>
    request(t.http).post('/api/comptes/identifiants-oublies').set('X-Forwarded-For', `203.0.113.${++ip % 250}`).send({ email });

  /** 10 wrong passwords over the spellings, then the 11th try and the right password are refused until the window ends. */
  async function verrouille(spellings: string[], password: string) {
    for (let i = 0; i < 10; i++) await login(spellings[i % spellings.length], 'pas le bon mot de passe').expect(401);
    for (const spelling of spellings) await login(spelling, 'pas le bon mot de passe').expect(429);
    for (const spelling of spellings) await login(spelling, password).expect(429);
    t.clock.advance({ minutes: 15 });
    for (const spelling of spellings) await login(spelling, password).expect(200);
  }

  it('counts a staff login once, however it is spelt (accents, dotless ı, İ, full width)', async () => {
    await createStaff(t, [Role.ADMIN], 'admin-identite');
    await verrouille(['admin-identite', 'âdmin-identité', 'ADMİN-İDENTİTE', 'admın-ıdentıte', pleineChasse('ADMIN-identite')], STAFF_PASSWORD);
  });

  it("counts a candidate's numéro de dossier and e-mail, in any spelling, on one counter", async () => {
    const compte = await t.app.get(ComptesService).creerActive({
      campagneId,
      numeroDossier: '9X7CEUIK',
      email: 'Zoé.Ichikawa@Example.org',
      nom: 'Ichikawa',
      prenom: 'Zoé',
      password: CANDIDAT_PASSWORD,
    });
    // Display values stay as typed.
    expect((await t.dataSource.getRepository(CompteCandidat).findOneByOrFail({ id: compte.id })).email).toBe('Zoé.Ichikawa@Example.org');
    await verrouille(
      ['9X7CEUIK', '9x7ceuık', pleineChasse('9X7CEUIK'), 'zoe.ichikawa@example.org', 'ZOÉ.İCHİKAWA@EXAMPLE.ORG', pleineChasse('zoe.ichikawa@example.org'), 'zoé.ıchıkawa@example.org'],
      CANDIDAT_PASSWORD,
    );
  });

  it('counts the forgotten-identifiers form per account: five spellings of one address, 10 mails', async () => {
    const compte = await t.app.get(ComptesService).creerActive({
      campagneId,
      numeroDossier: 'T7IDENT1',
      email: 'irene.oubli@example.org',
      nom: 'Oubli',
      prenom: 'Irène',
      password: CANDIDAT_PASSWORD,
    });
    // Spellings the form accepts as addresses (a full-width one is refused with 400, after being counted).
    const spellings = ['irene.oubli@example.org', 'Irène.Oubli@example.org', 'İRENE.OUBLİ@EXAMPLE.ORG', 'ırene.oublı@example.org', 'IRÈNE.OUBLI@EXAMPLE.ORG'];
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await forgot(spellings[i % spellings.length])).status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429, 429]);
    const mails = await t.dataSource.getRepository(MailOutbox).countBy({ code: 'CPT_MIN_MDP_OUBLIE', destinataire: compte.email });
    expect(mails).toBe(10);
    // An unknown address is counted on its own normalised key, whatever its spelling.
    for (let i = 0; i < 10; i++) await forgot(i % 2 ? 'personne@example.org' : 'PÉRSONNE@éxample.org').expect(202);
    await forgot('Personne@Example.org').expect(429);
  });

  it('finds the account of any spelling of an address, so a second account cannot be made with it', async () => {
    const form = (email: string) => ({ nom: 'Doublon', prenom: 'Léa', email, emailConfirmation: email, password: CANDIDAT_PASSWORD, passwordConfirmation: CANDIDAT_PASSWORD });
    await request(t.http).post('/api/comptes').send(form('lea.doublon@example.org')).expect(202);
    await request(t.http).post('/api/comptes').send(form('Léa.Doublon@Example.org')).expect(202);
    await request(t.http).post('/api/comptes').send(form('LÉA.DOUBLON@EXAMPLE.ORG')).expect(202);
    expect(await t.dataSource.getRepository(CompteCandidat).countBy({ campagneId, nom: 'Doublon' })).toBe(1);
    expect(await t.dataSource.getRepository(MailOutbox).countBy({ code: 'CPT_MIN_EXISTANT' })).toBe(2);
  });
});

describe(`Identifiers and names outside Latin-1 (${testEngine() === 'mariadb' ? 'a database created with a latin1 default' : 'SQLite'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    const database = await createScratchDatabase(undefined, { empty: true, charset: 'latin1' });
    t = await startTestApp({}, { database });
    await createCampagne(t);
  });
  afterAll(async () => {
    await t?.close();
    await t?.database.drop();
  });

  it('keeps « Nguyễn » as typed and logs in with a full-width login', async () => {
    const email = 'thi.nguyen@example.org';
    await request(t.http)
      .post('/api/comptes')
      .send({ nom: 'Nguyễn', prenom: 'Thị', email, emailConfirmation: email, password: CANDIDAT_PASSWORD, passwordConfirmation: CANDIDAT_PASSWORD })
      .expect(202);
    const compte = await t.dataSource.getRepository(CompteCandidat).findOneByOrFail({ email });
    expect([compte.nom, compte.prenom]).toEqual(['Nguyễn', 'Thị']);

    await createStaff(t, [Role.ADMIN], 'demo0003');
    const session = await request(t.http).post('/api/auth/login').send({ login: pleineChasse('DEMO0003'), password: STAFF_PASSWORD }).expect(200);
    expect(session.body.me.login).toBe('demo0003');
    await request(t.http).post('/api/auth/login').send({ login: 'ＤＥＭＯ０００３', password: 'pas le bon mot de passe' }).expect(401);
  });

  it('leaves the schema as the entities describe it (the text columns the conversion widened are text again)', async () => {
    const { upQueries } = await t.dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });
});
