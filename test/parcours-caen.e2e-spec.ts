import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { JobsService } from '../src/jobs/jobs.service';
import { MailOutbox } from '../src/mail/entities/mail-outbox.entity';
import { CANDIDAT_PASSWORD, createCampagne } from './support/factories';
import { bearer } from './support/api';
import { candidatComplet, login, staffConnecte } from './support/parcours';
import { pdfText } from './support/pdf-text';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

type Body = Record<string, unknown>;
type Piece = { id: number; statut: string; commentaire: string | null };

/** Late November 2026 in Paris: the formation's window is open. */
const NOW = '2026-11-20T10:00:00Z';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 'x'), Buffer.from('\n%%EOF\n')]);
const squash = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/**
 * The Caen guide's journey after transmission (sections 6 and 7), in one go, as the candidate and the staff of a
 * dematerialised master live it: statut du dossier, a refused pièce replaced, the commission's liste complémentaire,
 * three withdrawals ahead, the promotion, the confirmation, the admission letter. Real SMTP (a capture server).
 */
describe('The Caen journey, from transmission to the admission letter', () => {
  let t: TestApp;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, THROTTLE_IP_PER_MINUTE: '10000', THROTTLE_ACCOUNT_PER_15_MIN: '1000' });
    t.clock.set(NOW);
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('transmitted → RE → pièce refused with a comment → replaced → CO → liste complémentaire rank 4 → another candidate withdraws three times over → promoted, mailed, confirms, admission letter', async () => {
    const campagne = await createCampagne(t);
    const { scol, gest, jury } = await staffConnecte(t, {
      scol: ['scol.caen', [Role.SCOL_CENTRALE]],
      gest: ['gest.seggat', [Role.GESTIONNAIRE], { centres: ['UFR-SEGGAT'] }],
      jury: ['jury.eco', [Role.COMMISSION], { commissions: ['MASTER-ECO'] }],
    });
    const as = (token: string) => ({
      get: (path: string) => request(t.http).get(`/api/${path}`).set(bearer(token)),
      post: (path: string, body: Body = {}) => request(t.http).post(`/api/${path}`).set(bearer(token)).send(body),
      put: (path: string, body: Body = {}) => request(t.http).put(`/api/${path}`).set(bearer(token)).send(body),
      upload: (path: string, name: string) => request(t.http).put(`/api/${path}`).set(bearer(token)).attach('fichier', PDF, name),
    });
    const sendMails = () => t.app.get(JobsService).trigger('envoi-mails');
    const mailTo = (email: string, subject: RegExp) => smtp.waitFor((m) => smtp.to(email).includes(m) && subject.test(m.subject ?? ''));

    // The offer: a centre, its commission (alerts on, letters downloadable), a demat master managing its liste complémentaire.
    const centreId = (await as(scol).post('offre/gestion/centres', { code: 'UFR-SEGGAT', libelle: 'UFR SEGGAT' }).expect(201)).body.id;
    const adresse = { ligne1: 'Esplanade de la Paix', codePostal: '14000', commune: '14118', ville: 'CAEN', pays: 'FR' };
    const commission = { centreId, code: 'MASTER-ECO', libelle: 'Masters économie', adresse, email: 'masters-eco@unicaen.test', signataire: 'Claire Dubois, directrice', alerte: true, lettresTelechargeables: true };
    await as(scol).post('offre/gestion/commissions', commission).expect(201);
    const commissionId = (await as(scol).get('offre/gestion/commissions').expect(200)).body.items.find((c: { code: string }) => c.code === 'MASTER-ECO').id;
    const libelle = 'Master Économie appliquée';
    const dates = { dateDebutCandidature: '2026-11-15', dateFinCandidature: '2027-03-31', dateRetour: '2027-04-10', dateJury: '2027-04-12', dateConfirmation: '2027-05-01' };
    const formationId = (
      await as(scol)
        .post('offre/gestion/formations', { commissionId, code: 'M1-ECO-APP', libelle, typeDiplome: 'MAS', typeTraitement: 'AC', demat: true, listeComplementaire: true, delaiConfirmationListeComplementaire: 5, ...dates })
        .expect(201)
    ).body.id;
    const cv = (await as(scol).post('offre/gestion/pieces', { code: 'CV', libelle: 'Curriculum vitae', commun: false, centreId, formationIds: [formationId] }).expect(201)).body.id;
    const releves = (await as(scol).post('offre/gestion/pieces', { code: 'RELEVES', libelle: 'Relevés de notes de licence', commun: false, centreId, formationIds: [formationId] }).expect(201)).body.id;

    // Five candidates transmit their file: one will be admitted outright, three ranked ahead of ours, and ours.
    const candidats = [];
    for (const nom of ['Admis', 'Premier', 'Deuxieme', 'Hors-Rang', 'Lefevre']) {
      const c = await candidatComplet(t, campagne, nom, nom === 'Lefevre' ? 'Léa' : 'Test');
      const id = (await as(c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id as number;
      await as(c.token).upload(`candidat/candidatures/${id}/pieces/${cv}/fichier`, 'cv.pdf').expect(200);
      await as(c.token).upload(`candidat/candidatures/${id}/pieces/${releves}/fichier`, 'releves.pdf').expect(200);
      expect((await as(c.token).post(`candidat/candidatures/${id}/transmission`).expect(200)).body.statutDossier.code).toBe('RE');
      candidats.push({ ...c, id });
    }
    const [admis, premier, deuxieme, horsRang, lea] = candidats;
    const recap = () => as(lea.token).get(`candidat/candidatures/${lea.id}`).expect(200);

    // Staff receive the files (RE, mailed), then refuse one of Léa's pièces with a comment she reads; her file is incomplete.
    await as(gest).post('candidatures/statut-dossier', { candidatureIds: candidats.map((c) => c.id), statut: 'RE', date: '2026-11-20' }).expect(200);
    const commentaire = 'Il manque le relevé du semestre 6.';
    await as(gest).put(`candidatures/${lea.id}/pieces/${releves}/statut`, { statut: 'RE', commentaire }).expect(200);
    await as(gest).put(`candidatures/${lea.id}/pieces/${cv}/statut`, { statut: 'VA' }).expect(200);
    await as(gest).post('candidatures/statut-dossier', { candidatureIds: [lea.id], statut: 'IN' }).expect(200);
    await sendMails();
    await mailTo(lea.email, /Dossier réceptionné/);
    expect((await mailTo(lea.email, /Dossier incomplet/)).text).toContain(`Relevés de notes de licence : refusée (${commentaire})`);
    const incomplet = (await recap()).body;
    expect(incomplet.statutDossier.code).toBe('IN');
    expect(incomplet.pieces.map((p: Piece) => [p.id, p.statut, p.commentaire])).toEqual([
      [cv, 'VA', null],
      [releves, 'RE', commentaire],
    ]);

    // She replaces it and transmits again; staff validate it and set the file complete (CO, mailed).
    await as(lea.token).upload(`candidat/candidatures/${lea.id}/pieces/${releves}/fichier`, 'releves S1-S6.pdf').expect(200);
    expect((await as(lea.token).post(`candidat/candidatures/${lea.id}/transmission`).expect(200)).body.statutDossier.code).toBe('RE');
    await as(gest).put(`candidatures/${lea.id}/pieces/${releves}/statut`, { statut: 'VA' }).expect(200);
    await as(gest).post('candidatures/statut-dossier', { candidatureIds: candidats.map((c) => c.id), statut: 'CO' }).expect(200);
    await sendMails();
    await mailTo(lea.email, /Dossier complet/);
    expect((await recap()).body.statutDossier).toEqual({ code: 'CO', libelle: 'Complet' });

    // The commission's member enters the avis: one favourable, three on the liste complémentaire ahead of Léa, rank 4 for her.
    await as(jury).post('candidatures/avis', { candidatureIds: [admis.id], type: 'FA' }).expect(201);
    for (const [c, rang] of [[premier, 1], [deuxieme, 2], [horsRang, 3], [lea, 4]] as const) {
      await as(jury).post('candidatures/avis', { candidatureIds: [c.id], type: 'LC', rang }).expect(201);
    }
    // Not validated yet: Léa sees no decision. The gestionnaire validates them all at once: now she does, and is mailed.
    expect((await recap()).body.decision).toEqual({ code: null, libelle: 'En attente' });
    await as(gest).post('candidatures/avis/validation', { candidatureIds: candidats.map((c) => c.id) }).expect(200);
    expect((await recap()).body.decision).toMatchObject({ code: 'LC', rang: 4 });
    await sendMails();
    await mailTo(lea.email, /liste complémentaire/i);

    // The commission revises the third in line's avis (défavorable, with a motif): ranks are recomputed, Léa is third.
    const motif = (await as(jury).get('candidatures/motifs-avis').expect(200)).body[0].code;
    await as(jury).post('candidatures/avis', { candidatureIds: [horsRang.id], type: 'DE', motif }).expect(201);
    await as(gest).post('candidatures/avis/validation', { candidatureIds: [horsRang.id] }).expect(200);
    expect((await recap()).body.decision).toMatchObject({ code: 'LC', rang: 3 });
    // Not favourable: nothing to answer yet.
    expect((await as(lea.token).post(`candidat/candidatures/${lea.id}/confirmation`).expect(422)).body.code).toBe('CONFIRMATION_IMPOSSIBLE');

    // Three withdrawals: the admitted candidate, then the first two promoted in turn; each promotes the best ranked.
    const desister = async (c: { numero: string; id: number }) => as(await login(t, c.numero, CANDIDAT_PASSWORD)).post(`candidat/candidatures/${c.id}/desistement`).expect(200);
    await desister(admis);
    expect((await recap()).body.decision).toMatchObject({ code: 'LC', rang: 2 });
    await desister(premier);
    expect((await recap()).body.decision).toMatchObject({ code: 'LC', rang: 1 });
    await desister(deuxieme);
    const token = await login(t, lea.numero, CANDIDAT_PASSWORD);
    const promue = (await as(token).get(`candidat/candidatures/${lea.id}`).expect(200)).body;
    expect(promue.decision).toMatchObject({ code: 'FA', libelle: 'Favorable', dateLimiteConfirmation: '2026-11-25' });
    expect(promue.actions.confirmer).toEqual({ possible: true, raison: null });

    await sendMails();
    expect((await mailTo(lea.email, /Avis favorable/)).text).toContain('25/11/2026');
    expect((await smtp.waitFor((m) => smtp.to('masters-eco@unicaen.test').includes(m) && /Promotion/.test(m.subject ?? '') && (m.text ?? '').includes(lea.numero))).text).toContain(libelle);
    expect(await t.dataSource.getRepository(MailOutbox).countBy({ code: 'COMMISSION_ALERT_LISTE_PRINC' })).toBe(3);

    // She confirms (OPI code, mailed) and downloads her admission letter.
    const confirmee = (await as(token).post(`candidat/candidatures/${lea.id}/confirmation`).expect(200)).body;
    expect(confirmee.codeOpi).toBe(`EC${lea.numero}`);
    expect(confirmee.actions.confirmer).toEqual({ possible: false, raison: 'Vous avez déjà confirmé cette candidature.' });
    expect((await as(token).post(`candidat/candidatures/${lea.id}/confirmation`).expect(422)).body.code).toBe('CONFIRMATION_IMPOSSIBLE');
    await sendMails();
    await mailTo(lea.email, /Confirmation/);
    const lettre = await as(token)
      .get(`candidat/candidatures/${lea.id}/lettre.pdf`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d)).on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('content-type', 'application/pdf');
    const texte = squash(await pdfText(lettre.body as Buffer));
    for (const attendu of ['Léa', 'Lefevre', libelle, 'Masters économie', 'Esplanade de la Paix', 'Claire Dubois, directrice']) expect(texte).toContain(squash(attendu));
  });
});
