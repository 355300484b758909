import request from 'supertest';
import { Avis } from '../src/candidature/entities/avis.entity';
import { Role } from '../src/common/auth/roles';
import { JobsService, PUBLICATION_AVIS } from '../src/jobs/jobs.service';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { CANDIDAT_PASSWORD, createCampagne } from './support/factories';
import { api, bearer } from './support/api';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, login, staffConnecte } from './support/parcours';
import { pdfText } from './support/pdf-text';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

type Body = Record<string, unknown>;

const squash = (s: string) => s.replace(/\s+/g, '').toUpperCase();
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  (res as unknown as NodeJS.ReadableStream).on('data', (d: Buffer) => chunks.push(d)).on('end', () => cb(null, Buffer.concat(chunks)));
};

const NOW = '2026-11-20T10:00:00Z';
const DATES = {
  dateDebutCandidature: '2026-11-15',
  dateFinCandidature: '2027-03-31',
  dateRetour: '2027-04-10',
  dateJury: '2027-04-12',
  dateConfirmation: '2027-04-20',
};

describe('Avis: entered unvalidated, validated, published, mailed; what the candidate sees', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let campagne: Campagne;
  const tokens: Record<string, string> = {};
  let offre: Offre;
  let sequence = 0;
  const as = (name: string) => api(t, tokens[name]);
  const sendMails = () => t.app.get(JobsService).trigger('envoi-mails');
  const mailsTo = (address: string, subject: RegExp) => smtp.to(address).filter((m) => subject.test(m.subject ?? ''));

  const formation = (extra: Body = {}) => offre.formation({ code: `AV-${++sequence}`, libelle: `Master avis ${sequence}`, ...extra });

  /** A complete candidate who applied to the formation: their token, e-mail and candidature id. */
  async function candidature(formationId: number, nom: string) {
    const c = await candidatComplet(t, campagne, nom, 'Test');
    const id = (await request(t.http).post('/api/candidat/candidatures').set(bearer(c.token)).send({ formationId }).expect(201)).body.id as number;
    // A fresh session each time: the tests move the clock by months.
    const recap = async () => (await request(t.http).get(`/api/candidat/candidatures/${id}`).set(bearer(await login(t, c.numero, CANDIDAT_PASSWORD))).expect(200)).body;
    return { ...c, id, recap };
  }

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    Object.assign(
      tokens,
      await staffConnecte(t, {
        scol: ['scol.avis', [Role.SCOL_CENTRALE]],
        gest: ['gest.avis', [Role.GESTIONNAIRE], { centres: ['AVIS'] }],
        ailleurs: ['gest.ailleurs', [Role.GESTIONNAIRE], { centres: ['AILLEURS'] }],
        membre: ['membre.avis', [Role.COMMISSION], { commissions: ['AVIS-COM'] }],
      }),
    );
    offre = await creerOffre(t, tokens.scol, {
      centre: { code: 'AVIS', libelle: 'Centre des avis' },
      commission: { code: 'AVIS-COM', libelle: 'Commission des avis', adresse: { ligne1: '1 rue', codePostal: '45000', commune: '45234', pays: 'FR' }, email: undefined },
      dates: DATES,
    });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('an unvalidated avis is invisible to the candidate and forbids cancelling; once validated, a défavorable avis shows its motif and is mailed', async () => {
    const f = await formation();
    const c = await candidature(f, 'Refus');
    const entered = await as('membre').post('candidatures/avis', { candidatureIds: [c.id], type: 'DE', motif: 'CAPACITE', commentaire: 'Trop de candidats', commentaireVisible: true }).expect(201);
    expect(entered.body).toEqual([expect.objectContaining({ type: 'DE', valide: false, publieAt: null, motifLibelle: "Capacité d'accueil atteinte", creePar: 'membre.avis' })]);

    const before = await c.recap();
    expect(before.decision).toEqual({ code: null, libelle: 'En attente' });
    expect(before.actions.annuler).toEqual({ possible: false, raison: expect.stringContaining('avis') });
    expect((await request(t.http).post(`/api/candidat/candidatures/${c.id}/annulation`).set(bearer(c.token)).expect(422)).body.code).toBe('ANNULATION_IMPOSSIBLE');
    await sendMails();
    expect(mailsTo(c.email, /Avis/)).toHaveLength(0);

    // A commission member enters avis but does not validate them.
    expect((await as('membre').post('candidatures/avis/validation', { candidatureIds: [c.id] }).expect(403)).body.code).toBe('GESTION_RESERVEE');
    const validated = await as('gest').post('candidatures/avis/validation', { candidatureIds: [c.id] }).expect(200);
    expect(validated.body[0]).toMatchObject({ valide: true, validePar: 'gest.avis', publieAt: expect.any(String) });
    expect((await c.recap()).decision).toMatchObject({ code: 'DE', libelle: 'Défavorable', motif: "Capacité d'accueil atteinte", commentaire: 'Trop de candidats' });
    await sendMails();
    const mail = await smtp.waitFor((m) => smtp.to(c.email).includes(m) && /Avis défavorable/.test(m.subject ?? ''));
    expect(mail.text).toContain("Motif : Capacité d'accueil atteinte");
    // The refusal letter states the motif.
    const lettre = await request(t.http).get(`/api/candidat/candidatures/${c.id}/lettre.pdf`).set(bearer(c.token)).buffer(true).parse(binary).expect(200);
    expect(lettre.headers['content-disposition']).toContain(`lettre_refus-${c.numero}_REFUS_Test`);
    const texte = squash(await pdfText(lettre.body as Buffer));
    expect(texte).toContain(squash("Motif : Capacité d'accueil atteinte"));
    expect(texte).toContain(squash('Master avis'));

    // Validated avis stay in the history; a new one replaces it as current.
    expect((await as('gest').delete(`candidatures/${c.id}/avis/dernier`).expect(422)).body.code).toBe('AVIS_DEJA_VALIDE');
    expect((await as('gest').post('candidatures/avis/validation', { candidatureIds: [c.id] }).expect(422)).body.code).toBe('AVIS_DEJA_VALIDE');
  });

  it('attaches the admission letter to the decision mail when the commission wants it; nothing to download before a decision', async () => {
    const commission = (
      await as('scol')
        .post('offre/gestion/commissions', { centreId: offre.centreId, code: 'AVIS-LETTRE', libelle: 'Commission qui écrit', adresse: { ligne1: '2 rue', codePostal: '45000', commune: '45234', pays: 'FR' }, signataire: 'Claire Jury', lettreJointeAuMail: true })
        .expect(201)
    ).body.id;
    const f = await formation({ commissionId: commission });
    const c = await candidature(f, 'Admis');
    expect((await request(t.http).get(`/api/candidat/candidatures/${c.id}/lettre.pdf`).set(bearer(c.token)).expect(404)).body.code).toBe('LETTRE_INTROUVABLE');
    await as('scol').post('candidatures/avis', { candidatureIds: [c.id], type: 'FA' }).expect(201);
    await as('scol').post('candidatures/avis/validation', { candidatureIds: [c.id] }).expect(200);
    await sendMails();
    const mail = await smtp.waitFor((m) => smtp.to(c.email).includes(m) && /Avis favorable/.test(m.subject ?? ''));
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`lettre_admission-${c.numero}_ADMIS_Test-AV-${sequence}.pdf`, 'application/pdf']]);
    const texte = squash(await pdfText(mail.attachments[0].content));
    for (const attendu of ['ADMIS', 'Test', `Master avis ${sequence}`, 'Claire Jury', '20 avril 2027']) expect(texte).toContain(squash(attendu));
  });

  it('type de traitement: accès direct waits for validation, which gives the favourable decision; refused once an avis is validated', async () => {
    const f = await formation({ typeTraitement: 'AD' });
    const [direct, controle] = [await candidature(f, 'Direct'), await candidature(f, 'Controle')];
    expect((await direct.recap()).typeTraitement).toEqual({ code: 'AT', libelle: 'En attente', valide: false });
    await as('gest').post('candidatures/type-traitement', { candidatureIds: [direct.id], typeTraitement: 'AD' }).expect(200);
    await as('gest').post('candidatures/type-traitement', { candidatureIds: [controle.id], typeTraitement: 'AC' }).expect(200);
    expect((await as('gest').post('candidatures/type-traitement/validation', { candidatureIds: [controle.id] }).expect(422)).body.code).toBe('TYPE_TRAITEMENT_DEJA_VALIDE');
    await as('gest').post('candidatures/type-traitement/validation', { candidatureIds: [direct.id] }).expect(200);
    expect(await direct.recap()).toMatchObject({ typeTraitement: { code: 'AD', valide: true }, decision: { code: 'FA' } });
    expect((await as('gest').post('candidatures/type-traitement', { candidatureIds: [direct.id], typeTraitement: 'AC' }).expect(422)).body.code).toBe('AVIS_DEJA_VALIDE');
    await as('membre').post('candidatures/type-traitement', { candidatureIds: [controle.id], typeTraitement: 'AT' }).expect(403);
    await sendMails();
    await smtp.waitFor((m) => smtp.to(direct.email).includes(m) && /Avis favorable/.test(m.subject ?? ''));
    await smtp.waitFor((m) => smtp.to(controle.email).includes(m) && /Examen de votre candidature/.test(m.subject ?? ''));
  });

  it('checks the fields of each family, the motif list and the scope', async () => {
    const f = await formation();
    const c = await candidature(f, 'Champs');
    const missing = await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'DE' }).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'motif', message: 'est obligatoire pour un avis défavorable' }]);
    const unknown = await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'DE', motif: 'INVENTE' }).expect(400);
    expect(unknown.body.errors[0].field).toBe('motif');
    expect((await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'LC' }).expect(400)).body.errors[0].field).toBe('rang');
    expect((await as('gest').post('candidatures/avis', { candidatureIds: Array.from({ length: 201 }, (_, i) => i + 1), type: 'FA' }).expect(400)).body.errors[0].field).toBe('candidatureIds');
    expect((await as('ailleurs').post('candidatures/avis', { candidatureIds: [c.id], type: 'FA' }).expect(404)).body.code).toBe('CANDIDATURE_INTROUVABLE');
    await as('ailleurs').get(`candidatures/${c.id}/avis`).expect(404);
    expect(await t.dataSource.getRepository(Avis).countBy({ candidatureId: c.id })).toBe(0);

    // The latest unvalidated avis can be deleted: the previous one is current again.
    await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'LA' }).expect(201);
    await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'FA' }).expect(201);
    await as('gest').delete(`candidatures/${c.id}/avis/dernier`).expect(204);
    expect((await as('gest').get(`candidatures/${c.id}/avis`).expect(200)).body.map((a: { type: string }) => a.type)).toEqual(['LA']);
    expect((await as('gest').get('candidatures/motifs-avis').expect(200)).body).toContainEqual({ id: 1, code: 'CAPACITE', libelle: "Capacité d'accueil atteinte", actif: true, version: 1 });
  });

  it("the staff list's avis filters follow every change of the current avis: entered, validated, deleted, replaced", async () => {
    const f = await formation();
    const c = await candidature(f, 'Courant');
    const courant = async () => {
      const ids = (q: string) => as('gest').get(`candidatures?formationId=${f}&${q}`).expect(200).then((r) => (r.body.items as { id: number }[]).map((i) => i.id));
      const [fa, la, aucun, valide, nonValide] = await Promise.all([ids('avis=FA'), ids('avis=LA'), ids('avis=AUCUN'), ids('avisValide=true'), ids('avisValide=false')]);
      return { fa, la, aucun, valide, nonValide };
    };
    expect(await courant()).toEqual({ fa: [], la: [], aucun: [c.id], valide: [], nonValide: [] });
    await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'LA' }).expect(201);
    expect(await courant()).toEqual({ fa: [], la: [c.id], aucun: [], valide: [], nonValide: [c.id] });
    await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'FA' }).expect(201);
    expect(await courant()).toEqual({ fa: [c.id], la: [], aucun: [], valide: [], nonValide: [c.id] });
    await as('gest').delete(`candidatures/${c.id}/avis/dernier`).expect(204);
    expect(await courant()).toEqual({ fa: [], la: [c.id], aucun: [], valide: [], nonValide: [c.id] });
    await as('gest').post('candidatures/avis/validation', { candidatureIds: [c.id] }).expect(200);
    expect(await courant()).toEqual({ fa: [], la: [c.id], aucun: [], valide: [c.id], nonValide: [] });
    await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'FA' }).expect(201);
    expect(await courant()).toEqual({ fa: [c.id], la: [], aucun: [], valide: [], nonValide: [c.id] });
  });

  it('an avis of a formation with a future publication date is neither visible nor mailed before that date, and both right after the job runs', async () => {
    const f = await formation({ datePublication: '2027-04-13', dateConfirmation: '2027-04-20' });
    const [a, b] = [await candidature(f, 'Publie'), await candidature(f, 'Attente')];
    await as('gest').post('candidatures/avis', { candidatureIds: [a.id], type: 'FA' }).expect(201);
    await as('gest').post('candidatures/avis', { candidatureIds: [b.id], type: 'LC', rang: 4 }).expect(201);
    const validated = (await as('gest').post('candidatures/avis/validation', { candidatureIds: [a.id, b.id] }).expect(200)).body;
    expect(validated.map((v: { publieAt: unknown }) => v.publieAt)).toEqual([null, null]);
    // Ranked on validation (staff see it before the candidate does): one rank, the candidature's.
    expect((await as('gest').get(`candidatures/${b.id}`).expect(200)).body.rangListeComplementaire).toBe(1);

    const jobs = t.app.get(JobsService);
    expect((await jobs.trigger(PUBLICATION_AVIS))?.counts).toBe(JSON.stringify({ publies: 0 }));
    await sendMails();
    expect((await a.recap()).decision.code).toBeNull();
    expect(mailsTo(a.email, /Avis/)).toHaveLength(0);

    t.clock.set('2027-04-12T21:59:00Z'); // 23:59 in Paris, the day before
    await jobs.trigger(PUBLICATION_AVIS);
    expect((await a.recap()).decision.code).toBeNull();
    t.clock.set('2027-04-12T22:01:00Z'); // 00:01 on the publication day
    expect((await jobs.trigger(PUBLICATION_AVIS))?.counts).toBe(JSON.stringify({ publies: 2 }));
    expect((await a.recap()).decision).toMatchObject({ code: 'FA', libelle: 'Favorable', dateLimiteConfirmation: '2027-04-20' });
    expect((await b.recap()).decision).toMatchObject({ code: 'LC', rang: 1 });
    await sendMails();
    const fav = await smtp.waitFor((m) => smtp.to(a.email).includes(m) && /Avis favorable/.test(m.subject ?? ''));
    expect(fav.text).toContain('20/04/2027');
    const lc = await smtp.waitFor((m) => smtp.to(b.email).includes(m) && /Liste complémentaire/.test(m.subject ?? ''));
    // The mail states the rank on the list (1), not the order the commission typed (4).
    expect(lc.text).toContain('au rang 1.');
    // Published once: running the job again mails nothing more.
    expect((await jobs.trigger(PUBLICATION_AVIS))?.counts).toBe(JSON.stringify({ publies: 0 }));
    await sendMails();
    expect(mailsTo(a.email, /Avis favorable/)).toHaveLength(1);
    t.clock.set(NOW);
  });
});
