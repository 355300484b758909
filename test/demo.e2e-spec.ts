import { MailOutbox } from '../src/mail/entities/mail-outbox.entity';
import request from 'supertest';
import { plusJours } from '../src/candidature/avis/avis-rules';
import { parisDate } from '../src/common/clock/clock';
import { Formation } from '../src/offre/entities/formation.entity';
import { DEMO_CANDIDATS, DEMO_CANDIDAT_PASSWORD, DEMO_LETTRES, DEMO_STAFF } from '../src/demo/demo.service';
import { pdfText } from './support/pdf-text';
import { TestApp, startTestApp } from './support/test-app';
import { TestClock } from './support/test-clock';

const binaire = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  (res as unknown as NodeJS.ReadableStream).on('data', (d: Buffer) => chunks.push(d)).on('end', () => cb(null, Buffer.concat(chunks)));
};

const NOW = new Date();
const A_YEAR_FROM_NOW = new Date(NOW.getTime() + 365 * 24 * 3600 * 1000);

/**
 * What the README's first command loads into an empty database (DEMO_DATA=true). Its dates are counted from the day
 * it is loaded: loaded a year from now, it still has an open campaign and the README's journey runs that day.
 */
describe.each([
  ['today', NOW],
  ['a year from now', A_YEAR_FROM_NOW],
])('Demo data loaded %s', (_when, day) => {
  let t: TestApp;
  const today = parisDate(day);

  beforeAll(async () => {
    // The demo is loaded when the app starts, on the clock's day.
    const clock = new TestClock();
    clock.set(day);
    t = await startTestApp({ DEMO_DATA: 'true' }, { clock, empty: true });
  });
  afterAll(() => t.close());

  it("offers the guides' formations, the Orléans M1 among them, open that day", async () => {
    const offre = (await request(t.http).get('/api/offre').expect(200)).body;
    const osuc = offre.centres.find((c: { code: string }) => c.code === 'OSUC');
    const m1 = osuc.typesDiplome.flatMap((td: { formations: object[] }) => td.formations).find((f: { code: string }) => f.code === 'M1-GEO2ENV');
    expect(m1).toMatchObject({ libelle: 'M1 SCIENCES DE LA TERRE ET DES PLANETES, ENVIRONNEMENT -GEO2env', mode: 'PAPIER', ouverte: true });
    const open = (await request(t.http).get('/api/offre?ouverte=true').expect(200)).body;
    const codes = open.centres.flatMap((c: { typesDiplome: { formations: { code: string }[] }[] }) => c.typesDiplome.flatMap((td) => td.formations.map((f) => f.code)));
    expect(codes).toContain('L3-CINE');
    expect(codes).not.toContain('LP-MP');
  });

  it('has one account a role, the gestionnaire scoped to the OSUC centre', async () => {
    for (const s of DEMO_STAFF) {
      const session = await request(t.http).post('/api/auth/login').send({ login: s.login, password: s.password }).expect(200);
      expect(session.body.me.roles).toEqual([s.role]);
    }
    const gestionnaire = DEMO_STAFF.find((s) => s.login === 'gestionnaire');
    const session = await request(t.http).post('/api/auth/login').send({ login: 'gestionnaire', password: gestionnaire?.password }).expect(200);
    expect(session.body.me.scopes).toEqual({ centres: ['OSUC'], commissionsGerees: [], commissions: [] });
  });

  it('has candidates whose candidatures the OSUC gestionnaire and commission member can process at once', async () => {
    const gestionnaire = DEMO_STAFF.find((s) => s.login === 'gestionnaire');
    const staff = (await request(t.http).post('/api/auth/login').send({ login: 'gestionnaire', password: gestionnaire?.password }).expect(200)).body.token;
    const liste = (await request(t.http).get('/api/candidatures?sort=numeroDossier&order=asc').set({ Authorization: `Bearer ${staff}` }).expect(200)).body;
    expect(liste.items.map((c: { numeroDossier: string; formation: { code: string } }) => [c.numeroDossier, c.formation.code])).toEqual(
      DEMO_CANDIDATS.filter((c) => (c.formations as readonly string[]).includes('M1-GEO2ENV')).map((c) => [c.numeroDossier, 'M1-GEO2ENV']),
    );
    const elise = (await request(t.http).post('/api/auth/login').send({ login: 'DEMO0001', password: DEMO_CANDIDAT_PASSWORD }).expect(200)).body.token;
    const candidatures = (await request(t.http).get('/api/candidat/candidatures').set({ Authorization: `Bearer ${elise}` }).expect(200)).body;
    expect(candidatures.map((c: { formation: { code: string } }) => c.formation.code).sort()).toEqual(['L3-CINE', 'M1-GEO2ENV']);
  });

  it("walks the README's staff journey: a paper pièce missing, complete, avis, validation, withdrawal, promotion, confirmation, letter, OPI queue", async () => {
    const token = async (login: string, password: string) => (await request(t.http).post('/api/auth/login').send({ login, password }).expect(200)).body.token as string;
    const staff = (login: string) => token(login, DEMO_STAFF.find((s) => s.login === login)?.password as string);
    const as = (bearer: string) => ({
      get: (path: string) => request(t.http).get(`/api/${path}`).set({ Authorization: `Bearer ${bearer}` }),
      post: (path: string, body: object = {}) => request(t.http).post(`/api/${path}`).set({ Authorization: `Bearer ${bearer}` }).send(body),
      put: (path: string, body: object = {}) => request(t.http).put(`/api/${path}`).set({ Authorization: `Bearer ${bearer}` }).send(body),
    });
    const [gestionnaire, commission, admin] = [as(await staff('gestionnaire')), as(await staff('commission')), as(await staff('admin'))];
    const [elise, hugo] = [as(await token('DEMO0001', DEMO_CANDIDAT_PASSWORD)), as(await token('DEMO0002', DEMO_CANDIDAT_PASSWORD))];
    const ids = (await gestionnaire.get('candidatures?sort=numeroDossier&order=asc').expect(200)).body.items.map((c: { id: number }) => c.id) as number[];
    const [m1Elise, m1Hugo, m1Troisieme] = ids;

    await gestionnaire.post('candidatures/statut-dossier', { candidatureIds: ids, statut: 'RE' }).expect(200);
    // The paper file of the third candidate lacks a pièce: marked missing with a comment, statut IN, the mail lists it.
    const [piece] = (await gestionnaire.get(`candidatures/${m1Troisieme}`).expect(200)).body.recapitulatif.pieces as { id: number; libelle: string }[];
    await gestionnaire.put(`candidatures/${m1Troisieme}/pieces/${piece.id}/statut`, { statut: 'AT', commentaire: "Absente de l'enveloppe." }).expect(200);
    await gestionnaire.post('candidatures/statut-dossier', { candidatureIds: [m1Troisieme], statut: 'IN' }).expect(200);
    const incomplet = await t.dataSource.getRepository(MailOutbox).findOneByOrFail({ code: 'STATUT_IN' });
    expect(incomplet.texte).toContain(`- ${piece.libelle} : manquante (Absente de l'enveloppe.)`);
    await gestionnaire.post('candidatures/statut-dossier', { candidatureIds: ids, statut: 'CO' }).expect(200);
    await commission.post('candidatures/avis', { candidatureIds: [m1Hugo], type: 'FA' }).expect(201);
    await commission.post('candidatures/avis', { candidatureIds: [m1Elise], type: 'LC', rang: 1 }).expect(201);
    await gestionnaire.post('candidatures/avis/validation', { candidatureIds: [m1Hugo, m1Elise] }).expect(200);
    expect((await elise.get(`candidat/candidatures/${m1Elise}`).expect(200)).body.decision).toMatchObject({ code: 'LC', rang: 1 });

    await hugo.post(`candidat/candidatures/${m1Hugo}/desistement`).expect(200);
    // A withdrawal is final: the commission cannot give Hugo a new avis, and his récapitulatif says he withdrew.
    expect((await commission.post('candidatures/avis', { candidatureIds: [m1Hugo], type: 'FA' }).expect(422)).body.code).toBe('CANDIDATURE_NON_MODIFIABLE');
    expect((await hugo.get(`candidat/candidatures/${m1Hugo}`).expect(200)).body).toMatchObject({ reponse: { code: 'DESISTEE' }, codeOpi: null });
    // Promoted from the liste complémentaire: the M1's 8 days to answer, from today.
    expect((await elise.get(`candidat/candidatures/${m1Elise}`).expect(200)).body.decision).toMatchObject({ code: 'FA', dateLimiteConfirmation: plusJours(today, 8) });
    expect((await elise.post(`candidat/candidatures/${m1Elise}/confirmation`).expect(200)).body.codeOpi).toBe('ECDEMO0001');
    const lettre = await elise.get(`candidat/candidatures/${m1Elise}/lettre.pdf`).buffer(true).parse(binaire).expect(200).expect('content-type', 'application/pdf');
    // The demo university's letter: its name and the masters' paragraph, as set up through the letters' settings.
    const texte = (await pdfText(lettre.body as Buffer)).replace(/\s+/g, ' ');
    expect(texte).toContain(DEMO_LETTRES.etablissement.nom);
    expect(texte).toContain(DEMO_LETTRES.typeDiplome.texte);
    expect((await admin.get('opi?etat=en-attente').expect(200)).body.items).toEqual([expect.objectContaining({ numeroDossier: 'DEMO0001', codeOpi: 'ECDEMO0001', nature: 'ADMISSION' })]);
  });

  it('lets a candidate apply that day', async () => {
    const hugo = (await request(t.http).post('/api/auth/login').send({ login: 'DEMO0002', password: DEMO_CANDIDAT_PASSWORD }).expect(200)).body.token;
    const { id: formationId } = await t.dataSource.getRepository(Formation).findOneByOrFail({ code: 'L3-CINE' });
    await request(t.http).post('/api/candidat/candidatures').set({ Authorization: `Bearer ${hugo}` }).send({ formationId }).expect(201);
  });
});
