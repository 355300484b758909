import request from 'supertest';
import { TYPE_AVIS_LIBELLES } from '../src/candidature/avis/avis-rules';
import { REGLES_MODELES } from '../src/candidature/candidature-rules';
import { Avis } from '../src/candidature/entities/avis.entity';
import { Role } from '../src/common/auth/roles';
import { MailOutbox } from '../src/mail/entities/mail-outbox.entity';
import { OutboxService } from '../src/mail/outbox.service';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { api, bearer } from './support/api';
import { createCampagne } from './support/factories';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { pdfText } from './support/pdf-text';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  (res as unknown as NodeJS.ReadableStream).on('data', (d: Buffer) => chunks.push(d)).on('end', () => cb(null, Buffer.concat(chunks)));
};
const squash = (s: string) => s.replace(/\s+/g, ' ');

const NOW = '2026-11-20T10:00:00Z';
const RESERVE = { code: 'FAV_RESERVE', libelle: 'Avis favorable sous réserve', libelleEn: 'Conditional offer', famille: 'FA', definitif: true, confirmable: true };

describe('Types de décision and motifs de refus, defined by the institution', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let campagne: Campagne;
  let offre: Offre;
  let tokens: Record<'admin' | 'scol' | 'gest' | 'membre', string>;
  let sequence = 0;
  const as = (name: keyof typeof tokens) => api(t, tokens[name]);

  /** A complete candidate who applied to a new formation of the offer. */
  async function candidature(nom: string) {
    const formationId = await offre.formation({ code: `TD-${++sequence}`, libelle: `Master décisions ${sequence}` });
    const c = await candidatComplet(t, campagne, nom, 'Camille');
    const id = (await api(t, c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id as number;
    return { ...c, id };
  }
  const recap = async (c: { token: string; id: number }) => (await api(t, c.token).get(`candidat/candidatures/${c.id}`).expect(200)).body;
  /** Entered by the commission's member, validated by the gestionnaire: published at once (no publication date). */
  async function decider(c: { id: number }, avis: Record<string, unknown>) {
    await as('membre').post('candidatures/avis', { candidatureIds: [c.id], ...avis }).expect(201);
    await as('gest').post('candidatures/avis/validation', { candidatureIds: [c.id] }).expect(200);
  }
  const types = async () => (await as('membre').get('candidatures/types-decision').expect(200)).body as { id: number; code: string; version: number; [k: string]: unknown }[];
  const type = async (code: string) => (await types()).find((x) => x.code === code)!;
  const motif = async (code: string) => ((await as('membre').get('candidatures/motifs-avis').expect(200)).body as { id: number; code: string; version: number; libelle: string; actif: boolean }[]).find((m) => m.code === code)!;
  const ifMatch = (v: { version: number }) => ({ 'If-Match': `"${v.version}"` });
  async function lettre(c: { token: string; id: number }) {
    const res = await request(t.http).get(`/api/candidat/candidatures/${c.id}/lettre.pdf`).set(bearer(c.token)).buffer(true).parse(binary).expect(200);
    return squash(await pdfText(res.body as Buffer));
  }
  async function mail(to: string, subject: RegExp) {
    await t.app.get(OutboxService).deliverDue();
    return smtp.waitFor((m) => subject.test(m.subject ?? '') && smtp.to(to).includes(m));
  }

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, THROTTLE_IP_PER_MINUTE: '100000', THROTTLE_ACCOUNT_PER_15_MIN: '1000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    tokens = await staffConnecte(t, {
      admin: ['admin.td', [Role.ADMIN]],
      scol: ['scol.td', [Role.SCOL_CENTRALE]],
      gest: ['gest.td', [Role.GESTIONNAIRE], { centres: ['TD'] }],
      membre: ['membre.td', [Role.COMMISSION], { commissions: ['TD-COM'] }],
    });
    offre = await creerOffre(t, tokens.scol, { centre: { code: 'TD', libelle: 'Centre des décisions' }, commission: { code: 'TD-COM', libelle: 'Commission des décisions', lettreJointeAuMail: true } });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('seeds one model a family with the rules and labels every avis had before types existed', async () => {
    const modeles = (await types()).filter((x) => x.modele);
    expect(modeles.map((m) => ({ famille: m.famille, libelle: m.libelle, definitif: m.definitif, confirmable: m.confirmable, mail: m.mail, actif: m.actif }))).toEqual(
      Object.values(REGLES_MODELES).map((r) => ({ ...r, libelle: TYPE_AVIS_LIBELLES[r.famille], actif: true })),
    );
    // An avis naming no type is its family's model: the candidate reads « Favorable » and confirms, as before.
    const c = await candidature('Modele');
    await decider(c, { type: 'FA' });
    const r = await recap(c);
    expect(r.decision).toMatchObject({ code: 'FA', libelle: 'Favorable', typeDecision: 'AVIS_FAVORABLE', definitif: true });
    expect(r.actions.confirmer).toEqual({ possible: true, raison: null });
    expect((await t.dataSource.getRepository(Avis).findOneByOrFail({ candidatureId: c.id })).typeDecisionId).toBeNull();
  });

  it('acceptance: « Avis favorable sous réserve » defined, entered, validated; the candidate sees that label and confirms', async () => {
    const cree = await as('scol').post('parametrage/types-decision', RESERVE).expect(201);
    expect(cree.body).toMatchObject({ ...RESERVE, mail: 'AVIS_FAVORABLE', modele: false, actif: true, version: 1 });
    expect(cree.headers.etag).toBe('"1"');
    expect(await type('FAV_RESERVE')).toMatchObject(RESERVE);

    const c = await candidature('Reserve');
    const saisi = await as('membre').post('candidatures/avis', { candidatureIds: [c.id], type: 'FA', typeDecision: 'FAV_RESERVE' }).expect(201);
    expect(saisi.body[0]).toMatchObject({ type: 'FA', typeDecision: 'FAV_RESERVE', libelle: 'Avis favorable sous réserve', valide: false });
    // Not validated: the candidate sees nothing yet.
    expect((await recap(c)).decision).toMatchObject({ code: null, libelle: 'En attente' });

    await as('gest').post('candidatures/avis/validation', { candidatureIds: [c.id] }).expect(200);
    const r = await recap(c);
    expect(r.decision).toMatchObject({ code: 'FA', libelle: 'Avis favorable sous réserve', typeDecision: 'FAV_RESERVE', definitif: true, dateLimiteConfirmation: expect.any(String) });
    expect(r.actions.confirmer).toEqual({ possible: true, raison: null });
    expect((await api(t, c.token).get('candidat/candidatures').expect(200)).body.find((x: { id: number }) => x.id === c.id).decision.libelle).toBe('Avis favorable sous réserve');

    const m = await mail(c.email, /Avis favorable/);
    expect(m.text).toContain('Décision de la commission : Avis favorable sous réserve');
    expect(m.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/^lettre_admission-/)]);
    expect(await lettre(c)).toContain('Décision : Avis favorable sous réserve');

    const confirme = await api(t, c.token).post(`candidat/candidatures/${c.id}/confirmation`).expect(200);
    expect(confirme.body.reponse).toMatchObject({ code: 'CONFIRMEE' });
    expect(confirme.body.decision.libelle).toBe('Avis favorable sous réserve');
  });

  it('reads the rules from the type: a favourable type without confirmation, a favourable one that is not final', async () => {
    await as('admin').post('parametrage/types-decision', { code: 'ADMIS_DIRECT', libelle: 'Admis (sans confirmation)', famille: 'FA', confirmable: false }).expect(201);
    await as('admin').post('parametrage/types-decision', { code: 'FAV_PROVISOIRE', libelle: 'Favorable provisoire', famille: 'FA', definitif: false, mail: null }).expect(201);

    const direct = await candidature('Direct');
    await decider(direct, { type: 'FA', typeDecision: 'ADMIS_DIRECT' });
    const r = await recap(direct);
    expect(r.decision).toMatchObject({ libelle: 'Admis (sans confirmation)', dateLimiteConfirmation: null });
    expect(r.actions.confirmer.possible).toBe(false);
    expect((await api(t, direct.token).post(`candidat/candidatures/${direct.id}/confirmation`).expect(422)).body.code).toBe('CONFIRMATION_IMPOSSIBLE');
    expect((await api(t, direct.token).post(`candidat/candidatures/${direct.id}/desistement`).expect(422)).body.code).toBe('DESISTEMENT_IMPOSSIBLE');
    expect(await lettre(direct)).toContain('Admis (sans confirmation)');

    // Not final: no admission letter; its type sends no mail.
    const provisoire = await candidature('Provisoire');
    await decider(provisoire, { type: 'FA', typeDecision: 'FAV_PROVISOIRE' });
    expect((await recap(provisoire)).decision).toMatchObject({ libelle: 'Favorable provisoire', definitif: false });
    expect((await recap(provisoire)).actions.confirmer.possible).toBe(true);
    expect((await api(t, provisoire.token).get(`candidat/candidatures/${provisoire.id}/lettre.pdf`).expect(404)).body.code).toBe('LETTRE_INTROUVABLE');
    const codes = (await t.dataSource.getRepository(MailOutbox).findBy({ destinataire: provisoire.email })).map((x) => x.code);
    expect(codes).toContain('CANDIDATURE');
    expect(codes).not.toContain('AVIS_FAVORABLE');
    // The model still mails: the other candidate got AVIS_FAVORABLE.
    expect((await t.dataSource.getRepository(MailOutbox).findBy({ destinataire: direct.email })).map((x) => x.code)).toContain('AVIS_FAVORABLE');
  });

  it('refuses a type whose rules do not fit its family, and an avis naming a type of another family, unknown or inactive', async () => {
    const invalide = async (body: Record<string, unknown>) => (await as('scol').post('parametrage/types-decision', { code: `X${++sequence}`, libelle: 'Essai', ...body }).expect(400)).body.errors.map((e: { field: string }) => e.field);
    expect(await invalide({ famille: 'DE', confirmable: true })).toEqual(['confirmable']);
    expect(await invalide({ famille: 'LA', mail: 'AVIS_FAVORABLE' })).toEqual(['mail']);
    expect(await invalide({ famille: 'XX' })).toEqual(['famille']);
    expect((await as('scol').post('parametrage/types-decision', { ...RESERVE }).expect(409)).body.code).toBe('CODE_DEJA_UTILISE');

    const c = await candidature('Famille');
    const champ = async (avis: Record<string, unknown>) => (await as('membre').post('candidatures/avis', { candidatureIds: [c.id], ...avis }).expect(400)).body.errors.map((e: { field: string }) => e.field);
    expect(await champ({ type: 'LA', typeDecision: 'FAV_RESERVE' })).toEqual(['typeDecision']);
    expect(await champ({ type: 'FA', typeDecision: 'INCONNU' })).toEqual(['typeDecision']);

    await as('scol').post('parametrage/types-decision', { code: 'LA_JUILLET', libelle: 'Décision en juillet', famille: 'LA' }).expect(201);
    const juillet = await type('LA_JUILLET');
    const desactive = await as('scol').put(`parametrage/types-decision/${juillet.id}`).set(ifMatch(juillet)).send({ code: 'LA_JUILLET', libelle: 'Décision en juillet', famille: 'LA', actif: false }).expect(200);
    expect(desactive.body).toMatchObject({ actif: false, version: 2 });
    expect(await champ({ type: 'LA', typeDecision: 'LA_JUILLET' })).toEqual(['typeDecision']);
  });

  it('changes a type with If-Match, keeps its code and family, keeps a model’s rules, never deletes a model or a used type', async () => {
    const reserve = await type('FAV_RESERVE');
    const put = (id: number, body: Record<string, unknown>, v?: { version: number }) => {
      const req = as('scol').put(`parametrage/types-decision/${id}`);
      if (v) req.set(ifMatch(v));
      return req.send(body);
    };
    expect((await put(reserve.id, RESERVE).expect(428)).body.code).toBe('IF_MATCH_REQUIS');
    expect((await put(reserve.id, RESERVE, { version: 99 }).expect(412)).body.code).toBe('VERSION_PERIMEE');
    expect((await put(reserve.id, { ...RESERVE, code: 'AUTRE' }, reserve).expect(422)).body.code).toBe('CODE_NON_MODIFIABLE');
    expect((await put(reserve.id, { ...RESERVE, famille: 'LA', confirmable: false }, reserve).expect(422)).body.code).toBe('FAMILLE_NON_MODIFIABLE');
    expect((await put(reserve.id, { ...RESERVE, libelle: 'Avis favorable SOUS RÉSERVE' }, reserve).expect(200)).body).toMatchObject({ libelle: 'Avis favorable SOUS RÉSERVE', version: reserve.version + 1 });

    // A model: its labels change (and every avis naming no type shows them), its rules do not.
    const favorable = await type('AVIS_FAVORABLE');
    const modele = { code: 'AVIS_FAVORABLE', libelle: 'Admis', famille: 'FA' };
    expect((await put(favorable.id, { ...modele, confirmable: false }, favorable).expect(422)).body).toMatchObject({ code: 'TYPE_DECISION_MODELE', errors: [{ field: 'confirmable' }] });
    expect((await put(favorable.id, { ...modele, actif: false }, favorable).expect(422)).body.code).toBe('TYPE_DECISION_MODELE');
    expect((await put(favorable.id, modele, favorable).expect(200)).body).toMatchObject({ libelle: 'Admis', confirmable: true, definitif: true, actif: true, modele: true });
    const c = await candidature('Admis');
    await decider(c, { type: 'FA' });
    expect((await recap(c)).decision).toMatchObject({ libelle: 'Admis', typeDecision: 'AVIS_FAVORABLE' });
    expect((await recap(c)).actions.confirmer.possible).toBe(true);
    await put(favorable.id, { ...modele, libelle: 'Favorable' }, await type('AVIS_FAVORABLE')).expect(200);

    const del = async (id: number, status: number) => (await as('scol').delete(`parametrage/types-decision/${id}`).set(ifMatch(await types().then((l) => l.find((x) => x.id === id)!))).expect(status)).body;
    expect((await del(favorable.id, 422)).code).toBe('TYPE_DECISION_MODELE');
    expect((await del(reserve.id, 409)).code).toBe('TYPE_DECISION_UTILISE');
    await as('scol').post('parametrage/types-decision', { code: 'JAMAIS', libelle: 'Jamais servi', famille: 'PR' }).expect(201);
    const jamais = await type('JAMAIS');
    expect((await as('scol').delete(`parametrage/types-decision/${jamais.id}`).expect(428)).body.code).toBe('IF_MATCH_REQUIS');
    await del(jamais.id, 204);
    expect(await type('JAMAIS')).toBeUndefined();
    expect((await as('scol').delete(`parametrage/types-decision/${jamais.id}`).expect(404)).body.code).toBe('TYPE_DECISION_INTROUVABLE');
  });

  it('manages the motifs de refus: created, renamed (the candidate reads the new label), deactivated, deleted only while unused', async () => {
    const cree = await as('admin').post('parametrage/motifs-avis', { code: 'langue', libelle: 'Niveau de langue insuffisant' }).expect(201);
    expect(cree.body).toMatchObject({ code: 'LANGUE', libelle: 'Niveau de langue insuffisant', actif: true, version: 1 });
    expect((await as('admin').post('parametrage/motifs-avis', { code: 'LANGUE', libelle: 'Doublon' }).expect(409)).body.code).toBe('CODE_DEJA_UTILISE');
    const c = await candidature('Refus');
    await decider(c, { type: 'DE', motif: 'LANGUE' });
    expect((await recap(c)).decision).toMatchObject({ code: 'DE', libelle: 'Défavorable', motif: 'Niveau de langue insuffisant', typeDecision: 'AVIS_DEFAVORABLE' });

    const langue = await motif('LANGUE');
    const renomme = await as('scol').put(`parametrage/motifs-avis/${langue.id}`).set(ifMatch(langue)).send({ libelle: 'Niveau de français insuffisant (B2 requis)' }).expect(200);
    expect(renomme.body).toMatchObject({ code: 'LANGUE', libelle: 'Niveau de français insuffisant (B2 requis)', actif: true, version: 2 });
    expect((await recap(c)).decision.motif).toBe('Niveau de français insuffisant (B2 requis)');
    expect((await as('scol').put(`parametrage/motifs-avis/${langue.id}`).set(ifMatch(langue)).send({ libelle: 'Périmé' }).expect(412)).body.code).toBe('VERSION_PERIMEE');

    // Used: never deleted, only deactivated; a deactivated motif is no longer offered for new avis.
    expect((await as('scol').delete(`parametrage/motifs-avis/${langue.id}`).set(ifMatch(await motif('LANGUE'))).expect(409)).body.code).toBe('MOTIF_UTILISE');
    await as('scol').put(`parametrage/motifs-avis/${langue.id}`).set(ifMatch(await motif('LANGUE'))).send({ libelle: 'Niveau de français insuffisant (B2 requis)', actif: false }).expect(200);
    expect(await motif('LANGUE')).toMatchObject({ actif: false });
    const autre = await candidature('Refus2');
    expect((await as('membre').post('candidatures/avis', { candidatureIds: [autre.id], type: 'DE', motif: 'LANGUE' }).expect(400)).body.errors[0].field).toBe('motif');
    expect((await recap(c)).decision.motif).toBe('Niveau de français insuffisant (B2 requis)');

    await as('admin').post('parametrage/motifs-avis', { code: 'INUTILE', libelle: 'Jamais donné' }).expect(201);
    const inutile = await motif('INUTILE');
    await as('admin').delete(`parametrage/motifs-avis/${inutile.id}`).set(ifMatch(inutile)).expect(204);
    expect(await motif('INUTILE')).toBeUndefined();
    expect((await as('admin').delete(`parametrage/motifs-avis/${inutile.id}`).expect(404)).body.code).toBe('MOTIF_INTROUVABLE');
  });

  it('lets only scolarité centrale and admin change the settings; every member of staff reads them; candidates neither', async () => {
    const candidat = (await candidature('Roles')).token;
    const reserve = await type('FAV_RESERVE');
    const motifId = (await motif('CAPACITE')).id;
    const routes: [method: 'post' | 'put' | 'delete', path: string, body?: Record<string, unknown>][] = [
      ['post', 'parametrage/types-decision', { code: 'ROLES', libelle: 'Rôles', famille: 'LA' }],
      ['put', `parametrage/types-decision/${reserve.id}`, { ...RESERVE, libelle: 'Avis favorable sous réserve' }],
      ['delete', `parametrage/types-decision/${reserve.id}`],
      ['post', 'parametrage/motifs-avis', { code: 'ROLES', libelle: 'Rôles' }],
      ['put', `parametrage/motifs-avis/${motifId}`, { libelle: "Capacité d'accueil atteinte" }],
      ['delete', `parametrage/motifs-avis/${motifId}`],
    ];
    const call = (token: string | undefined, method: 'post' | 'put' | 'delete', path: string, body?: Record<string, unknown>) =>
      method === 'delete' ? api(t, token).delete(path) : api(t, token)[method](path, body);
    for (const [method, path, body] of routes) {
      for (const [qui, token] of [['gest', tokens.gest], ['membre', tokens.membre], ['candidat', candidat]] as const) {
        const res = await call(token, method, path, body);
        expect({ method, path, qui, status: res.status }).toEqual({ method, path, qui, status: 403 });
      }
      expect({ method, path, status: (await call(undefined, method, path, body)).status }).toEqual({ method, path, status: 401 });
    }
    // Allowed to scolarité centrale and admin: they reach the rules (here a missing If-Match), never a 403.
    for (const token of [tokens.scol, tokens.admin]) {
      expect((await api(t, token).put(`parametrage/types-decision/${reserve.id}`, RESERVE)).status).toBe(428);
      expect((await api(t, token).delete(`parametrage/motifs-avis/${motifId}`)).status).toBe(428);
    }
    for (const token of [tokens.admin, tokens.scol, tokens.gest, tokens.membre]) {
      await api(t, token).get('candidatures/types-decision').expect(200);
      await api(t, token).get('candidatures/motifs-avis').expect(200);
    }
    await api(t, candidat).get('candidatures/types-decision').expect(403);
  });
});
