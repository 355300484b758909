import request from 'supertest';
import { Candidature } from '../src/candidature/entities/candidature.entity';
import { PieceCandidature } from '../src/candidature/entities/piece-candidature.entity';
import { Role } from '../src/common/auth/roles';
import { JobsService } from '../src/jobs/jobs.service';
import { MailOutbox } from '../src/mail/entities/mail-outbox.entity';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { createCampagne } from './support/factories';
import { SmtpCapture } from './support/smtp-capture';
import { api, bearer } from './support/api';
import { creerOffre } from './support/offre';
import { candidatComplet as completeCandidate, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

type Body = Record<string, unknown>;
type Piece = { id: number; libelle: string; statut: string; commentaire: string | null };

/** Late November 2026 in Paris: the formations' windows are open. */
const NOW = '2026-11-20T10:00:00Z';
const DATES = { dateDebutCandidature: '2026-11-15', dateFinCandidature: '2027-03-31', dateRetour: '2027-04-10', dateJury: '2027-04-12', datePublication: '2027-04-13', dateConfirmation: '2027-04-20' };
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 'x'), Buffer.from('\n%%EOF\n')]);


describe('Statut du dossier and pièce checks by staff (issue 6)', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let campagne: Campagne;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const gestion = (path: string, body: Body) => api(t, tokens.scol).post(`offre/gestion/${path}`, body);
  const sendMails = () => t.app.get(JobsService).trigger('envoi-mails');

  /** Staff routes of this feature, as one member of staff. */
  const staff = (name: string) => ({
    statut: (candidatureIds: number[], statut: string, date?: string) => request(t.http).post('/api/candidatures/statut-dossier').set(bearer(tokens[name])).send({ candidatureIds, statut, ...(date ? { date } : {}) }),
    piece: (id: number, pieceId: number, body: Body) => request(t.http).put(`/api/candidatures/${id}/pieces/${pieceId}/statut`).set(bearer(tokens[name])).send(body),
    pieces: (items: { candidatureId: number; pieceId: number }[], body: Body) => request(t.http).post('/api/candidatures/pieces/statut').set(bearer(tokens[name])).send({ items, ...body }),
  });
  const candidat = (token: string) => ({
    apply: (formationId: number) => request(t.http).post('/api/candidat/candidatures').set(bearer(token)).send({ formationId }).expect(201),
    get: (id: number) => request(t.http).get(`/api/candidat/candidatures/${id}`).set(bearer(token)),
    post: (path: string) => request(t.http).post(`/api/candidat/candidatures${path}`).set(bearer(token)),
    put: (path: string) => request(t.http).put(`/api/candidat/candidatures${path}`).set(bearer(token)),
    upload: (path: string, filename = 'piece.pdf') => request(t.http).put(`/api/candidat/candidatures${path}`).set(bearer(token)).attach('fichier', PDF, filename),
  });
  const row = (id: number) => t.dataSource.getRepository(Candidature).findOneByOrFail({ id });
  const pieceRow = (candidatureId: number, pieceId: number) => t.dataSource.getRepository(PieceCandidature).findOneByOrFail({ candidatureId, pieceId });
  const outbox = (code: string, destinataire?: string) => t.dataSource.getRepository(MailOutbox).countBy({ code, ...(destinataire ? { destinataire } : {}) });

  const candidatComplet = (nom = 'Martin', prenom = 'Élise') => completeCandidate(t, campagne, nom, prenom);

  let formation: (code: string, commissionId: number, extra?: Body) => Promise<number>;

  /** A candidature in statut AT of a fresh complete candidate. */
  async function candidature(formationId: number, nom: string) {
    const c = await candidatComplet(nom, 'Test');
    return { ...c, id: (await candidat(c.token).apply(formationId)).body.id as number };
  }

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    Object.assign(
      tokens,
      await staffConnecte(t, {
        scol: ['scol.statut', [Role.SCOL_CENTRALE]],
        gestCaen: ['gest.caen', [Role.GESTIONNAIRE], { centres: ['UFR-SEGGAT'] }],
        gestAutre: ['gest.autre', [Role.GESTIONNAIRE], { centres: ['AUTRE'] }],
        membreCaen: ['membre.caen', [Role.COMMISSION], { commissions: ['MASTER-ECO'] }],
        // Gestionnaire elsewhere and member of the Caen commission: may read its candidatures, not change them.
        double: ['double.casquette', [Role.GESTIONNAIRE, Role.COMMISSION], { centres: ['AUTRE'], commissions: ['MASTER-ECO'] }],
      }),
    );
    const adresse = { ligne1: 'Esplanade de la Paix', codePostal: '14000', commune: '14118', ville: 'CAEN', pays: 'FR' };
    const caen = await creerOffre(t, tokens.scol, {
      centre: { code: 'UFR-SEGGAT', libelle: 'UFR SEGGAT' },
      commission: { code: 'MASTER-ECO', libelle: 'Masters économie', adresse, email: 'masters-eco@unicaen.test', alerte: false },
      dates: DATES,
    });
    const autre = await creerOffre(t, tokens.scol, {
      centre: { code: 'AUTRE', libelle: 'Autre centre' },
      commission: { code: 'AUTRE-COM', libelle: 'Autre commission', adresse, alerte: false, email: undefined },
      dates: DATES,
    });
    [ids.caen, ids.commission, ids.autre, ids.commissionAutre] = [caen.centreId, caen.commissionId, autre.centreId, autre.commissionId];
    // A master of this calendar in any commission.
    formation = (code, commissionId, extra = {}) => caen.formation({ commissionId, code, libelle: `Master ${code}`, ...extra });
    ids.master = await formation('M1-ECO-APP', ids.commission, { libelle: 'Master Économie appliquée' });
    ids.masterAutre = await formation('M1-AUTRE', ids.commissionAutre);
    for (const [i, [code, libelle, conditionnel]] of ([['CV', 'Curriculum vitae', false], ['RELEVES', 'Relevés de notes de licence', false], ['B2', 'Attestation de niveau de français B2', true]] as const).entries()) {
      ids[code] = (await gestion('pieces', { code, libelle, commun: false, conditionnel, ordre: i + 1, centreId: ids.caen, formationIds: [ids.master] }).expect(201)).body.id;
    }
    ids.cvAutre = (await gestion('pieces', { code: 'CV-AUTRE', libelle: 'CV', commun: false, centreId: ids.autre, formationIds: [ids.masterAutre] }).expect(201)).body.id;
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('checks pièces one by one: a refusal needs a comment the candidate reads, IN lists it, the replaced pièce goes back to transmise, CO (the whole journey: parcours-caen)', async () => {
    const lea = await candidatComplet('Lefèvre', 'Léa');
    const c = candidat(lea.token);
    const id = (await c.apply(ids.master)).body.id as number;
    await c.upload(`/${id}/pieces/${ids.CV}/fichier`, 'cv.pdf').expect(200);
    await c.upload(`/${id}/pieces/${ids.RELEVES}/fichier`, 'releves L3.pdf').expect(200);
    await c.put(`/${id}/pieces/${ids.B2}/non-concerne`).expect(200);
    expect((await c.post(`/${id}/transmission`).expect(200)).body.statutDossier.code).toBe('RE');
    const gest = staff('gestCaen');

    // Refusing needs a comment; a « non concerné » declaration may only be refused, never validated.
    const sansCommentaire = await gest.piece(id, ids.RELEVES, { statut: 'RE' }).expect(400);
    expect(sansCommentaire.body.errors).toEqual([expect.objectContaining({ field: 'commentaire' })]);
    expect((await gest.piece(id, ids.B2, { statut: 'VA' }).expect(422)).body.code).toBe('PIECE_NON_DEPOSEE');
    expect((await gest.piece(id, 999_999, { statut: 'VA' }).expect(404)).body.code).toBe('PIECE_INTROUVABLE');
    expect((await gest.piece(id, ids.CV, { statut: 'NC' }).expect(400)).body.errors[0].field).toBe('statut');
    // « Missing » is for paper files: online, a pièce is missing until the candidate uploads it.
    expect((await gest.piece(id, ids.CV, { statut: 'AT' }).expect(422)).body).toMatchObject({ code: 'PIECE_NON_DEPOSEE', detail: expect.stringContaining('refusez-la') });
    expect((await gest.piece(id, ids.CV, { statut: 'VA', commentaire: 'x'.repeat(501) }).expect(400)).body.errors[0].field).toBe('commentaire');

    const commentaire = 'Il manque le relevé du semestre 6 <S6>.';
    expect((await gest.piece(id, ids.RELEVES, { statut: 'RE', commentaire }).expect(200)).body).toEqual({
      candidatureId: id,
      pieceId: ids.RELEVES,
      libelle: 'Relevés de notes de licence',
      statut: 'RE',
      statutLibelle: 'Refusée',
      commentaire,
      fichier: 'releves L3.pdf',
    });
    await gest.piece(id, ids.CV, { statut: 'VA' }).expect(200);

    // The date cannot be in the future; then IN with today's date by default.
    expect((await gest.statut([id], 'IN', '2026-11-21').expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'date' })]);
    const version = (await row(id)).version;
    expect((await gest.statut([id], 'IN').expect(200)).body).toEqual({ modifiees: 1, candidatures: [{ id, statutDossier: { code: 'IN', libelle: 'Incomplet' } }] });
    expect(await row(id)).toMatchObject({ statutDossier: 'IN', dateIncomplet: '2026-11-20', version: version + 1 });

    await sendMails();
    const incomplet = await smtp.waitFor((m) => smtp.to(lea.email).includes(m) && /Dossier incomplet/.test(m.subject ?? ''));
    expect(incomplet.subject).toBe('Dossier incomplet : Master Économie appliquée');
    expect(incomplet.text).toContain(`Relevés de notes de licence : refusée (${commentaire})`);
    expect(incomplet.text).toContain('10/04/2027');
    expect(incomplet.text).not.toContain('Curriculum vitae');
    expect(incomplet.html).toContain('&lt;S6&gt;');
    expect(incomplet.html).not.toContain('<S6>');

    // The candidate reads the comment; the refused pièce counts as missing; the validated one is locked.
    const recap = (await c.get(id).expect(200)).body;
    expect(recap.pieces.map((p: Piece) => [p.id, p.statut, p.commentaire])).toEqual([
      [ids.CV, 'VA', null],
      [ids.RELEVES, 'RE', commentaire],
      [ids.B2, 'NC', null],
    ]);
    expect(recap.actions.transmettre).toEqual({ possible: false, raison: 'Il manque une pièce justificative : Relevés de notes de licence.' });
    expect((await c.upload(`/${id}/pieces/${ids.CV}/fichier`).expect(422)).body.code).toBe('PIECE_VALIDEE');

    // Replacing the refused pièce puts it back to transmise without the comment; transmitting again gives RE.
    const replaced = (await c.upload(`/${id}/pieces/${ids.RELEVES}/fichier`, 'releves L3 complets.pdf').expect(200)).body;
    expect(replaced.pieces.find((p: Piece) => p.id === ids.RELEVES)).toMatchObject({ statut: 'TR', commentaire: null, fichier: 'releves L3 complets.pdf' });
    expect((await c.post(`/${id}/transmission`).expect(200)).body.statutDossier.code).toBe('RE');

    // Staff validate what is left (bulk form) and set CO with a date.
    const validated = (await gest.pieces([{ candidatureId: id, pieceId: ids.RELEVES }], { statut: 'VA' }).expect(200)).body;
    expect(validated).toMatchObject({ modifiees: 1, pieces: [{ candidatureId: id, pieceId: ids.RELEVES, statut: 'VA', commentaire: null }] });
    await gest.statut([id], 'CO', '2026-11-19').expect(200);
    expect(await row(id)).toMatchObject({ statutDossier: 'CO', dateComplet: '2026-11-19', dateIncomplet: '2026-11-20' });
    await sendMails();
    const complet = await smtp.waitFor((m) => smtp.to(lea.email).includes(m) && /Dossier complet/.test(m.subject ?? ''));
    expect(complet.text).toContain('est complet depuis le 19/11/2026');
    expect(await outbox('STATUT_CO', lea.email)).toBe(1);
    expect(await outbox('STATUT_IN', lea.email)).toBe(1);
    expect((await c.get(id).expect(200)).body.pieces.map((p: Piece) => p.statut)).toEqual(['VA', 'VA', 'NC']);
  });

  it('sets up to 200 candidatures at once, all or nothing', async () => {
    const trois = [await candidature(ids.master, 'Bulk-Un'), await candidature(ids.master, 'Bulk-Deux'), await candidature(ids.master, 'Bulk-Trois')];
    const autre = await candidature(ids.masterAutre, 'Ailleurs');
    const before = await t.dataSource.getRepository(MailOutbox).count();

    // One out of the gestionnaire's scope (and one that does not exist): 404 naming them, nothing changed, no mail.
    const refused = await staff('gestCaen').statut([...trois.map((x) => x.id), autre.id, 999_999], 'RE').expect(404);
    expect(refused.body.code).toBe('CANDIDATURE_INTROUVABLE');
    expect(refused.body.detail).toContain(`${autre.id}, 999999`);
    for (const x of trois) expect((await row(x.id)).statutDossier).toBe('AT');
    expect(await t.dataSource.getRepository(MailOutbox).count()).toBe(before);

    // 201 ids, a repeated id, none: 400 naming the field.
    for (const candidatureIds of [Array.from({ length: 201 }, (_, i) => i + 1), [trois[0].id, trois[0].id], []]) {
      const res = await staff('scol').statut(candidatureIds, 'RE').expect(400);
      expect(res.body.errors[0].field).toBe('candidatureIds');
    }

    const done = await staff('gestCaen').statut(trois.map((x) => x.id), 'RE', '2026-11-18').expect(200);
    expect(done.body).toEqual({ modifiees: 3, candidatures: trois.map((x) => ({ id: x.id, statutDossier: { code: 'RE', libelle: 'Réceptionné' } })) });
    for (const x of trois) {
      expect(await row(x.id)).toMatchObject({ statutDossier: 'RE', dateReception: '2026-11-18' });
      expect(await outbox('STATUT_RE', x.email)).toBe(1);
    }
    await sendMails();
    for (const x of trois) {
      const mail = await smtp.waitFor((m) => smtp.to(x.email).includes(m) && /Dossier réceptionné/.test(m.subject ?? ''));
      expect(mail.text).toContain('réceptionné le 18/11/2026');
    }

    // The same statut again is a change like any other: mailed again. Back to AT: mailed « en attente ».
    await staff('scol').statut([trois[0].id], 'RE').expect(200);
    expect(await outbox('STATUT_RE', trois[0].email)).toBe(2);
    await staff('scol').statut([trois[0].id], 'AT').expect(200);
    expect(await outbox('STATUT_AT', trois[0].email)).toBe(1);
    await sendMails();
    await smtp.waitFor((m) => smtp.to(trois[0].email).includes(m) && /Dossier en attente/.test(m.subject ?? ''));

    // A cancelled candidature cannot change: 422, and the others named with it do not change either.
    await candidat(trois[0].token).post(`/${trois[0].id}/annulation`).expect(200);
    const annulee = await staff('scol').statut([trois[1].id, trois[0].id], 'CO').expect(422);
    expect(annulee.body).toMatchObject({ code: 'CANDIDATURE_NON_MODIFIABLE', detail: expect.stringContaining(`candidature ${trois[0].id} : Cette candidature est annulée.`) });
    expect((await row(trois[1].id)).statutDossier).toBe('RE');
  });

  it('checks a shared file per candidature, and pièces of several candidatures at once', async () => {
    const zoe = await candidatComplet('Roux', 'Zoé');
    const c = candidat(zoe.token);
    const commune = (await gestion('pieces', { code: 'ID-PARTAGEE', libelle: "Pièce d'identité", commun: true, centreId: ids.autre }).expect(201)).body.id;
    const [f1, f2] = [await formation('M-PART-1', ids.commissionAutre), await formation('M-PART-2', ids.commissionAutre)];
    const cv = (await gestion('pieces', { code: 'CV-PART', libelle: 'CV', commun: false, centreId: ids.autre, formationIds: [f1, f2] }).expect(201)).body.id as number;
    const c1 = (await c.apply(f1)).body.id as number;
    const c2 = (await c.apply(f2)).body.id as number;
    await c.upload(`/${c1}/pieces/${commune}/fichier`, 'identite.pdf').expect(200);
    await c.upload(`/${c1}/pieces/${cv}/fichier`).expect(200);
    await c.upload(`/${c2}/pieces/${cv}/fichier`).expect(200);

    await staff('gestAutre').piece(c1, commune, { statut: 'RE', commentaire: 'Illisible' }).expect(200);
    expect(await pieceRow(c1, commune)).toMatchObject({ statut: 'RE', commentaire: 'Illisible' });
    expect(await pieceRow(c2, commune)).toMatchObject({ statut: 'TR', commentaire: null });

    // Bulk: one pièce never given makes the whole request fail; then all four validated.
    const items = [c1, c2].flatMap((candidatureId) => [commune, cv].map((pieceId) => ({ candidatureId, pieceId })));
    await request(t.http).delete(`/api/candidat/candidatures/${c2}/pieces/${cv}`).set(bearer(zoe.token)).expect(200);
    expect((await staff('gestAutre').pieces(items, { statut: 'VA' }).expect(422)).body.code).toBe('PIECE_NON_DEPOSEE');
    expect((await pieceRow(c1, commune)).statut).toBe('RE');
    await c.upload(`/${c2}/pieces/${cv}/fichier`).expect(200);
    const res = await staff('gestAutre').pieces(items, { statut: 'VA', commentaire: 'Vérifié' }).expect(200);
    expect(res.body.modifiees).toBe(4);
    for (const { candidatureId, pieceId } of items) expect(await pieceRow(candidatureId, pieceId)).toMatchObject({ statut: 'VA', commentaire: 'Vérifié' });
    // Back to transmise (not checked).
    await staff('gestAutre').piece(c1, commune, { statut: 'TR' }).expect(200);
    expect(await pieceRow(c1, commune)).toMatchObject({ statut: 'TR', commentaire: null });
    expect((await staff('gestAutre').pieces([...items, items[0]], { statut: 'VA' }).expect(400)).body.errors[0].field).toBe('items');
  });

  it('refuses commission members (403) and staff of another centre (404), changing nothing', async () => {
    const x = await candidature(ids.master, 'Perimetre');
    await candidat(x.token).upload(`/${x.id}/pieces/${ids.CV}/fichier`).expect(200);
    const before = await t.dataSource.getRepository(MailOutbox).count();

    for (const name of ['membreCaen']) {
      expect((await staff(name).statut([x.id], 'RE').expect(403)).body.code).toBe('ACCES_INTERDIT');
      await staff(name).piece(x.id, ids.CV, { statut: 'VA' }).expect(403);
      await staff(name).pieces([{ candidatureId: x.id, pieceId: ids.CV }], { statut: 'VA' }).expect(403);
    }
    // A gestionnaire of another centre, even one who is a member of the candidature's commission.
    for (const name of ['gestAutre', 'double']) {
      expect((await staff(name).statut([x.id], 'RE').expect(404)).body.code).toBe('CANDIDATURE_INTROUVABLE');
      expect((await staff(name).piece(x.id, ids.CV, { statut: 'VA' }).expect(404)).body.code).toBe('CANDIDATURE_INTROUVABLE');
      await staff(name).pieces([{ candidatureId: x.id, pieceId: ids.CV }], { statut: 'RE', commentaire: 'Non' }).expect(404);
    }
    // The member still reads the file.
    await request(t.http).get(`/api/candidatures/${x.id}/dossier.pdf`).set(bearer(tokens.double)).expect(200);

    expect(await row(x.id)).toMatchObject({ statutDossier: 'AT', version: 1, dateReception: null });
    expect(await pieceRow(x.id, ids.CV)).toMatchObject({ statut: 'TR', commentaire: null });
    expect(await t.dataSource.getRepository(MailOutbox).count()).toBe(before);
  });
});
