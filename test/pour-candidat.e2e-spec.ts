import request from 'supertest';
import { Candidature } from '../src/candidature/entities/candidature.entity';
import { HistoriqueCandidature } from '../src/candidature/entities/historique-candidature.entity';
import { NoteCandidature } from '../src/commission/liste/entities/note-candidature.entity';
import { Role } from '../src/common/auth/roles';
import { JobsService } from '../src/jobs/jobs.service';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { api, bearer } from './support/api';
import { CANDIDAT_PASSWORD, STAFF_PASSWORD, createCampagne } from './support/factories';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, login, staffConnecte } from './support/parcours';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

type Body = Record<string, unknown>;

const NOW = '2026-11-20T10:00:00Z';
/** After the return date (28/11) and before the confirmation date (15/01). */
const APRES_RETOUR = '2026-12-01T10:00:00Z';
const DATES = { dateDebutCandidature: '2026-11-15', dateFinCandidature: '2026-11-25', dateRetour: '2026-11-28', dateJury: '2026-11-29', dateConfirmation: '2027-01-15' };
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 'x'), Buffer.from('\n%%EOF\n')]);

describe('Staff acting for a candidate: pièces, answers, propositions, restorations, bloc-notes, deadlines in bulk', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let campagne: Campagne;
  let osuc: Offre;
  let autre: Offre;
  let tokens: Record<'scol' | 'gest' | 'gestAutre' | 'membre', string>;
  const as = (name: keyof typeof tokens) => api(t, tokens[name]);
  const LOGINS = { scol: 'scol.pour', gest: 'gest.pour', gestAutre: 'gest.ailleurs', membre: 'membre.pour' } as const;
  /** Moves the clock, and logs everyone in again: sessions do not survive days of idleness (the last test does it: offers keep their first token). */
  async function aLaDate(instant: string, ...candidats: { numero: string; token: string }[]) {
    t.clock.set(instant);
    for (const [nom, identifiant] of Object.entries(LOGINS) as [keyof typeof tokens, string][]) tokens[nom] = await login(t, identifiant, STAFF_PASSWORD);
    for (const c of candidats) c.token = await login(t, c.numero, CANDIDAT_PASSWORD);
  }
  const sendMails = () => t.app.get(JobsService).trigger('envoi-mails');
  const row = (id: number) => t.dataSource.getRepository(Candidature).findOneByOrFail({ id });
  const historique = async (id: number) => (await as('gest').get(`candidatures/${id}`).expect(200)).body.historique as { action: string; par: string; detail: string | null }[];
  const postuler = async (token: string, formationId: number) => (await api(t, token).post('candidat/candidatures', { formationId }).expect(201)).body.id as number;
  const televerser = (token: string, path: string) => request(t.http).put(`/api/${path}`).set(bearer(token)).attach('fichier', PDF, 'releve.pdf');
  /** A mail's subject and text with the candidate's own name and numbers taken out: what two candidates' mails share. */
  const anonyme = (m: { subject?: string; text?: string }, c: { numero: string }) => `${m.subject}\n${m.text}`.replaceAll(c.numero, '<numero>').replace(/^Bonjour [^,]*,/m, 'Bonjour <nom>,');

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, THROTTLE_IP_PER_MINUTE: '100000', THROTTLE_ACCOUNT_PER_15_MIN: '1000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    tokens = await staffConnecte(t, {
      scol: [LOGINS.scol, [Role.SCOL_CENTRALE]],
      gest: [LOGINS.gest, [Role.GESTIONNAIRE], { centres: ['POUR'] }],
      gestAutre: [LOGINS.gestAutre, [Role.GESTIONNAIRE], { centres: ['AILLEURS'] }],
      membre: [LOGINS.membre, [Role.COMMISSION], { commissions: ['POUR-COM'] }],
    });
    osuc = await creerOffre(t, tokens.scol, { centre: { code: 'POUR', libelle: 'Centre pour', maxVoeux: 1 }, commission: { code: 'POUR-COM', email: 'commission-pour@univ.test' }, dates: DATES });
    autre = await creerOffre(t, tokens.scol, { centre: { code: 'AILLEURS', libelle: 'Centre ailleurs' }, dates: DATES });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('withdraws for the candidate with the candidate\'s rule and mail', async () => {
    const formationId = await osuc.formation();
    const c = await candidatComplet(t, campagne, 'Retrait', 'Rémi');
    const id = await postuler(c.token, formationId);
    expect((await as('gest').post(`candidatures/${id}/desistement`).expect(422)).body.code).toBe('DESISTEMENT_IMPOSSIBLE');
    await as('scol').post('candidatures/avis', { candidatureIds: [id], type: 'FA' }).expect(201);
    await as('scol').post('candidatures/avis/validation', { candidatureIds: [id] }).expect(200);
    await as('gest').post(`candidatures/${id}/desistement`).expect(200);
    expect(await row(id)).toMatchObject({ acceptee: false, acceptePar: 'gest.pour' });
    expect((await historique(id)).map((h) => [h.action, h.par])).toEqual([['DESISTEMENT', 'gest.pour']]);
    await sendMails();
    await smtp.waitFor((m) => smtp.to(c.email).includes(m) && /^Désistement :/.test(m.subject ?? ''));
  });

  it('a proposition outside the window and over the maximum: created, the commission alerted, the candidate mailed; not by another centre', async () => {
    const ouverte = await osuc.formation();
    const fermee = await osuc.formation({ libelle: 'Master déjà fermé', dateDebutCandidature: '2026-11-01', dateFinCandidature: '2026-11-10', dateRetour: '2026-11-12', dateJury: '2026-11-13' });
    const c = await candidatComplet(t, campagne, 'Propose', 'Lina');
    await postuler(c.token, ouverte);
    // The candidate alone could not: the window is closed (and the centre allows one vœu).
    expect((await api(t, c.token).post('candidat/candidatures', { formationId: fermee }).expect(422)).body.code).toBe('CANDIDATURE_HORS_PERIODE');

    const corps = { numeroDossier: c.numero, formationId: fermee };
    expect((await as('gestAutre').post('candidatures/propositions', corps).expect(403)).body.code).toBe('FORMATION_HORS_PERIMETRE');
    // Out of scope, whether the numéro exists or not: nothing learned of the accounts.
    expect((await as('gestAutre').post('candidatures/propositions', { ...corps, numeroDossier: 'ZZZZZZZZ' }).expect(403)).body.code).toBe('FORMATION_HORS_PERIMETRE');
    expect((await as('membre').post('candidatures/propositions', corps).expect(403)).body.code).toBe('ACCES_INTERDIT');
    expect((await as('gest').post('candidatures/propositions', { ...corps, numeroDossier: 'ZZZZZZZZ' }).expect(404)).body.code).toBe('DOSSIER_INTROUVABLE');
    expect((await as('gest').post('candidatures/propositions', { ...corps, formationId: 999_999 }).expect(404)).body.code).toBe('FORMATION_INTROUVABLE');
    expect(await t.dataSource.getRepository(Candidature).countBy({ compteCandidatId: c.compteId })).toBe(1);

    const cree = (await as('gest').post('candidatures/propositions', corps).expect(201)).body;
    expect(cree).toMatchObject({ numeroDossier: c.numero, formation: { id: fermee }, statutDossier: { code: 'CO' } });
    const detail = (await as('gest').get(`candidatures/${cree.id}`).expect(200)).body;
    expect(detail.avis).toEqual([expect.objectContaining({ type: 'FA', valide: false, creePar: 'gest.pour' })]);
    expect(detail.historique).toEqual([expect.objectContaining({ action: 'PROPOSITION', par: 'gest.pour' })]);
    expect((await as('gest').post('candidatures/propositions', corps).expect(409)).body.code).toBe('CANDIDATURE_EXISTANTE');
    // The candidate sees it among their candidatures.
    expect((await api(t, c.token).get('candidat/candidatures').expect(200)).body.map((x: { id: number }) => x.id)).toContain(cree.id);

    await sendMails();
    const alerte = await smtp.waitFor((m) => smtp.to('commission-pour@univ.test').includes(m) && /Proposition de candidature/.test(m.subject ?? ''));
    expect(alerte.text).toContain(c.numero);
    const mail = await smtp.waitFor((m) => smtp.to(c.email).includes(m) && /Proposition de candidature : Master déjà fermé/.test(m.subject ?? ''));
    expect(mail.text).toContain(c.numero);
  });

  it('two identical propositions at once give one candidature', async () => {
    const formationId = await osuc.formation({ dateFinCandidature: '2026-11-16', dateRetour: '2026-11-17', dateJury: '2026-11-18' });
    const c = await candidatComplet(t, campagne, 'Double', 'Noé');
    const corps = { numeroDossier: c.numero, formationId };
    const reponses = await Promise.all([as('gest').post('candidatures/propositions', corps), as('scol').post('candidatures/propositions', corps)]);
    expect(reponses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.dataSource.getRepository(Candidature).countBy({ compteCandidatId: c.compteId, formationId })).toBe(1);
  });

  it('restores a cancelled candidature: live again, mailed; once, in scope, not when the candidate applied again', async () => {
    const formationId = await osuc.formation({ libelle: 'Master restauré' });
    const c = await candidatComplet(t, campagne, 'Revient', 'Léo');
    const id = await postuler(c.token, formationId);
    expect((await as('gest').post(`candidatures/${id}/restauration`).expect(422)).body).toMatchObject({ code: 'RESTAURATION_IMPOSSIBLE', detail: "Cette candidature n'est pas annulée." });
    await api(t, c.token).post(`candidat/candidatures/${id}/annulation`).expect(200);
    expect(await row(id)).toMatchObject({ nonAnnulee: null });

    await as('gestAutre').post(`candidatures/${id}/restauration`).expect(404);
    expect((await as('membre').post(`candidatures/${id}/restauration`).expect(403)).body.code).toBe('ACCES_INTERDIT');
    const restauree = (await as('gest').post(`candidatures/${id}/restauration`).expect(200)).body;
    expect(restauree).toMatchObject({ annuleeAt: null, statutDossier: { code: 'AT' }, actions: { annuler: { possible: true }, deposerPieces: { possible: true } } });
    expect(await row(id)).toMatchObject({ nonAnnulee: true, annuleePar: null });
    expect((await api(t, c.token).get('candidat/candidatures').expect(200)).body.map((x: { id: number }) => x.id)).toEqual([id]);
    expect((await historique(id))[0]).toMatchObject({ action: 'RESTAURATION', par: 'gest.pour', detail: `Annulée le 20/11/2026 par ${c.numero}` });
    expect((await as('gest').post(`candidatures/${id}/restauration`).expect(422)).body.code).toBe('RESTAURATION_IMPOSSIBLE');
    await sendMails();
    await smtp.waitFor((m) => smtp.to(c.email).includes(m) && /Candidature restaurée : Master restauré/.test(m.subject ?? ''));

    // Cancelled again, then applied again: the old one cannot come back beside the new one.
    await api(t, c.token).post(`candidat/candidatures/${id}/annulation`).expect(200);
    await postuler(c.token, formationId);
    expect((await as('scol').post(`candidatures/${id}/restauration`).expect(409)).body.code).toBe('CANDIDATURE_EXISTANTE');
    expect(await row(id)).toMatchObject({ nonAnnulee: null });
  });

  it("deletes one's own bloc-notes entry, never someone else's", async () => {
    const formationId = await osuc.formation();
    const c = await candidatComplet(t, campagne, 'Notes', 'Zoé');
    const id = await postuler(c.token, formationId);
    const mienne = (await as('gest').post(`candidatures/${id}/notes`, { message: 'À rappeler' }).expect(201)).body.id as number;
    const sienne = (await as('membre').post(`candidatures/${id}/notes`, { message: 'Dossier solide' }).expect(201)).body.id as number;

    expect((await as('gest').delete(`candidatures/${id}/notes/${sienne}`).expect(403)).body).toMatchObject({ code: 'NOTE_D_UN_AUTRE', detail: expect.stringContaining('membre.pour') });
    expect((await as('gest').delete(`candidatures/${id}/notes/999999`).expect(404)).body.code).toBe('NOTE_INTROUVABLE');
    await as('gestAutre').delete(`candidatures/${id}/notes/${mienne}`).expect(404);
    await as('gest').delete(`candidatures/${id}/notes/${mienne}`).expect(204);
    await as('gest').delete(`candidatures/${id}/notes/${mienne}`).expect(404);
    await as('membre').delete(`candidatures/${id}/notes/${sienne}`).expect(204);
    expect(await t.dataSource.getRepository(NoteCandidature).countBy({ candidatureId: id })).toBe(0);
  });

  it('sets the deadlines of up to 200 candidatures at once, all or nothing, within the scope', async () => {
    const formationId = await osuc.formation();
    const ailleurs = await autre.formation();
    const ids: number[] = [];
    for (const nom of ['Lot1', 'Lot2', 'Lot3']) ids.push(await postuler((await candidatComplet(t, campagne, nom, 'Ana')).token, formationId));
    const horsPerimetre = await postuler((await candidatComplet(t, campagne, 'Lot4', 'Ana')).token, ailleurs);
    const dates = (token: string, body: Body) => api(t, token).put('candidatures/dates', body);
    const avant = await Promise.all(ids.map(row));

    expect((await dates(tokens.gest, { candidatureIds: [...ids, horsPerimetre], dateRetour: '2026-12-20' }).expect(404)).body.detail).toContain(String(horsPerimetre));
    expect((await dates(tokens.gest, { candidatureIds: ids, dateRetour: '2026-11-27' }).expect(422)).body.code).toBe('DELAI_INVALIDE');
    expect((await dates(tokens.gest, { candidatureIds: Array.from({ length: 201 }, (_, i) => i + 1), dateRetour: '2026-12-20' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'candidatureIds' })]);
    expect((await dates(tokens.membre, { candidatureIds: ids, dateRetour: '2026-12-20' }).expect(403)).body.code).toBe('ACCES_INTERDIT');
    expect(await Promise.all(ids.map(row))).toEqual(avant);

    expect((await dates(tokens.gest, { candidatureIds: ids, dateRetour: '2026-12-20', dateConfirmation: '2027-01-31' }).expect(200)).body).toEqual({ candidatureIds: ids });
    for (const id of ids) expect(await row(id)).toMatchObject({ dateRetourCandidature: '2026-12-20', dateConfirmationCandidature: '2027-01-31' });
    expect(await row(horsPerimetre)).toMatchObject({ dateRetourCandidature: null });
  });

  it('a candidate phones after the return date: the gestionnaire uploads the pièce and confirms for them; the history names them; the mails are the candidate\'s own', async () => {
    const formationId = await osuc.formation({ libelle: 'Master au téléphone' });
    const piece = (await api(t, tokens.scol).post('offre/gestion/pieces', { code: 'RELEVE', libelle: 'Relevé de notes', commun: false, conditionnel: false, ordre: 1, centreId: osuc.centreId, formationIds: [formationId] }).expect(201)).body.id as number;
    const cond = (await api(t, tokens.scol).post('offre/gestion/pieces', { code: 'STAGE', libelle: 'Attestation de stage', commun: false, conditionnel: true, ordre: 2, centreId: osuc.centreId, formationIds: [formationId] }).expect(201)).body.id as number;
    const appelle = await candidatComplet(t, campagne, 'Appel', 'Paul');
    const autonome = await candidatComplet(t, campagne, 'Seul', 'Jeanne');
    const id = await postuler(appelle.token, formationId);
    const temoin = await postuler(autonome.token, formationId);
    await as('scol').post('candidatures/avis', { candidatureIds: [id, temoin], type: 'FA' }).expect(201);
    await as('scol').post('candidatures/avis/validation', { candidatureIds: [id, temoin] }).expect(200);

    await aLaDate(APRES_RETOUR, appelle, autonome);
    // The candidate can no longer give the pièce; out of scope or without the role, staff cannot either.
    expect((await televerser(appelle.token, `candidat/candidatures/${id}/pieces/${piece}/fichier`).expect(422)).body.code).toBe('PIECES_NON_MODIFIABLES');
    expect((await televerser(tokens.gestAutre, `candidatures/${id}/pieces/${piece}/fichier`).expect(404)).body.code).toBe('CANDIDATURE_INTROUVABLE');
    expect((await televerser(tokens.membre, `candidatures/${id}/pieces/${piece}/fichier`).expect(403)).body.code).toBe('ACCES_INTERDIT');
    expect((await as('gest').put(`candidatures/${id}/pieces/${piece}/non-concerne`).expect(422)).body.code).toBe('PIECE_NON_CONDITIONNELLE');
    expect(await t.dataSource.getRepository(HistoriqueCandidature).countBy({ candidatureId: id })).toBe(0);

    const depose = (await televerser(tokens.gest, `candidatures/${id}/pieces/${piece}/fichier`).expect(200)).body;
    expect(depose.pieces.find((p: { id: number }) => p.id === piece)).toMatchObject({ statut: 'TR', fichier: 'releve.pdf' });
    await as('gest').put(`candidatures/${id}/pieces/${cond}/non-concerne`).expect(200);
    // The candidate downloads what the gestionnaire gave.
    await request(t.http).get(`/api/candidat/candidatures/${id}/pieces/${piece}/fichier`).set(bearer(appelle.token)).expect(200);

    // Confirming: the candidate's own rule for the other centre's gestionnaire too, then the same mail.
    await as('gestAutre').post(`candidatures/${id}/confirmation`).expect(404);
    const confirme = (await as('gest').post(`candidatures/${id}/confirmation`).expect(200)).body;
    expect(confirme.reponse).toMatchObject({ code: 'CONFIRMEE' });
    expect((await as('gest').post(`candidatures/${id}/confirmation`).expect(422)).body).toMatchObject({ code: 'CONFIRMATION_IMPOSSIBLE', detail: 'Vous avez déjà confirmé cette candidature.' });
    expect(await row(id)).toMatchObject({ acceptee: true, acceptePar: 'gest.pour', codeOpi: expect.stringContaining(appelle.numero) });
    await api(t, autonome.token).post(`candidat/candidatures/${temoin}/confirmation`).expect(200);

    expect(await historique(id)).toEqual([
      expect.objectContaining({ action: 'PIECE_DEPOSEE', par: 'gest.pour', detail: 'Relevé de notes' }),
      expect.objectContaining({ action: 'PIECE_NON_CONCERNE', par: 'gest.pour', detail: 'Attestation de stage' }),
      expect.objectContaining({ action: 'CONFIRMATION', par: 'gest.pour', libelle: 'Admission confirmée pour le candidat' }),
    ]);
    expect(await historique(temoin)).toEqual([]);

    await sendMails();
    const sien = await smtp.waitFor((m) => smtp.to(appelle.email).includes(m) && /Confirmation d'inscription/.test(m.subject ?? ''));
    const lui = await smtp.waitFor((m) => smtp.to(autonome.email).includes(m) && /Confirmation d'inscription/.test(m.subject ?? ''));
    expect(anonyme(sien, appelle)).toBe(anonyme(lui, autonome));
    expect(smtp.to(appelle.email).map((m) => m.subject).sort()).toEqual(smtp.to(autonome.email).map((m) => m.subject).sort());
  });
});
