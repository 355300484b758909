import request from 'supertest';
import { Avis } from '../src/candidature/entities/avis.entity';
import { Candidature } from '../src/candidature/entities/candidature.entity';
import { MailOutbox } from '../src/mail/entities/mail-outbox.entity';
import { Opi } from '../src/opi/opi.entity';
import { Role } from '../src/common/auth/roles';
import { DESISTEMENT_AUTO, JobsService, RELANCE_CONFIRMATION } from '../src/jobs/jobs.service';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { CANDIDAT_PASSWORD, STAFF_PASSWORD, createCampagne, createStaff } from './support/factories';
import { api as apiAs, bearer } from './support/api';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, login } from './support/parcours';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

type Body = Record<string, unknown>;

const NOW = '2026-11-20T10:00:00Z';
const DATES = { dateDebutCandidature: '2026-11-15', dateFinCandidature: '2027-03-31', dateRetour: '2027-04-10', dateJury: '2027-04-12' };

describe('Confirmation, withdrawal, liste complémentaire, automatic withdrawal', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let campagne: Campagne;
  let staff = '';
  let offre: Offre;
  let sequence = 0;
  const api = (token: string) => ({
    post: (path: string, body: Body = {}) => apiAs(t, token).post(path, body),
    get: (path: string) => apiAs(t, token).get(path),
  });
  const sendMails = () => t.app.get(JobsService).trigger('envoi-mails');
  const jobCounts = async (name: string) => JSON.parse((await t.app.get(JobsService).trigger(name))?.counts ?? 'null');

  async function formation(extra: Body = {}): Promise<{ id: number; libelle: string }> {
    const libelle = `Master liste ${++sequence}`;
    return { id: await offre.formation({ code: `LC-${sequence}`, libelle, ...extra }), libelle };
  }

  /** Complete candidates who applied to the formation. */
  async function candidats(formationId: number, n: number, nom = 'Liste') {
    return Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const c = await candidatComplet(t, campagne, `${nom}${i + 1}`, 'Test');
        const id = (await api(c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id as number;
        return { ...c, id };
      }),
    );
  }

  /** Validated avis: FA for the first ones, LC with the given typed ranks for the others. */
  async function decider(fa: { id: number }[], lc: [{ id: number }, number][]) {
    if (fa.length) await api(staff).post('candidatures/avis', { candidatureIds: fa.map((c) => c.id), type: 'FA' }).expect(201);
    for (const [c, rang] of lc) await api(staff).post('candidatures/avis', { candidatureIds: [c.id], type: 'LC', rang }).expect(201);
    await api(staff).post('candidatures/avis/validation', { candidatureIds: [...fa, ...lc.map(([c]) => c)].map((c) => c.id) }).expect(200);
  }

  const decision = async (c: { numero: string; id: number }) =>
    (await api(await login(t, c.numero, CANDIDAT_PASSWORD)).get(`candidat/candidatures/${c.id}`).expect(200)).body;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, THROTTLE_IP_PER_MINUTE: '100000', THROTTLE_ACCOUNT_PER_15_MIN: '1000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    await createStaff(t, [Role.SCOL_CENTRALE], 'scol.lc');
    staff = await login(t, 'scol.lc', STAFF_PASSWORD);
    offre = await creerOffre(t, staff, {
      centre: { code: 'LC', libelle: 'Centre LC' },
      commission: { code: 'LC-COM', libelle: 'Commission LC', adresse: { ligne1: '1 rue', codePostal: '45000', commune: '45234', pays: 'FR' }, email: 'commission-lc@univ.test' },
      dates: DATES,
    });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('withdraws automatically after the deadline, promotes the next in line, and sends the reminder once', async () => {
    const f = await formation({ listeComplementaire: true, dateFinCandidature: '2026-11-20', dateRetour: '2026-11-20', dateJury: '2026-11-21', dateConfirmation: '2026-11-30', dateConfirmationListeComplementaire: '2026-12-10' });
    const [lent, suivant] = await candidats(f.id, 2, 'Auto');
    await decider([lent], [[suivant, 1]]);

    t.clock.set('2026-11-28T09:00:00Z'); // two days before the deadline
    expect(await jobCounts(RELANCE_CONFIRMATION)).toEqual({ relances: 1 });
    expect(await jobCounts(RELANCE_CONFIRMATION)).toEqual({ relances: 0 });
    await sendMails();
    expect(smtp.to(lent.email).filter((m) => /Rappel/.test(m.subject ?? ''))).toHaveLength(1);

    t.clock.set('2026-11-30T20:00:00Z'); // still the deadline day in Paris
    expect(await jobCounts(DESISTEMENT_AUTO)).toEqual({ desistements: 0, promotions: 0 });
    t.clock.set('2026-11-30T23:10:00Z'); // 00:10 on 1 December in Paris
    expect(await jobCounts(DESISTEMENT_AUTO)).toEqual({ desistements: 1, promotions: 1 });
    expect(await t.dataSource.getRepository(Candidature).findOneByOrFail({ id: lent.id })).toMatchObject({ acceptee: false, acceptePar: 'autoDesist' });
    expect((await decision(suivant)).decision).toMatchObject({ code: 'FA', dateLimiteConfirmation: '2026-12-10' });
    await sendMails();
    await smtp.waitFor((m) => smtp.to(lent.email).includes(m) && /Désistement automatique/.test(m.subject ?? ''));
    expect(await jobCounts(DESISTEMENT_AUTO)).toEqual({ desistements: 0, promotions: 0 });
    t.clock.set(NOW);
  });

  it('10 concurrent withdrawals on a formation with 15 on the liste complémentaire promote exactly 10 distinct candidates', async () => {
    const f = await formation({ listeComplementaire: true, dateConfirmation: '2027-05-01', delaiConfirmationListeComplementaire: 8 });
    const admis = await candidats(f.id, 10, 'Admis');
    const liste = await candidats(f.id, 15, 'Attente');
    await decider(admis, liste.map((c, i): [{ id: number }, number] => [c, i + 1]));

    const answers = await Promise.all(admis.map((c) => api(c.token).post(`candidat/candidatures/${c.id}/desistement`)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));

    const promotions = await t.dataSource.getRepository(Avis).findBy({ creePar: 'autoListComp' });
    const promus = promotions.map((a) => a.candidatureId).filter((id) => liste.some((c) => c.id === id));
    expect(promus).toHaveLength(10);
    expect(new Set(promus).size).toBe(10);
    // The best ranked were promoted; the 5 others keep their place, ranked 1 to 5.
    expect(promus.sort((a, b) => a - b)).toEqual(liste.slice(0, 10).map((c) => c.id).sort((a, b) => a - b));
    const restants = await Promise.all(liste.slice(10).map(decision));
    expect(restants.map((r) => r.decision.rang)).toEqual([1, 2, 3, 4, 5]);
  });

  it('staff set the deadlines of one candidature: a later confirmation date, a return date extending the formation\'s; a confirmed candidate may still withdraw', async () => {
    const f = await formation({ dateFinCandidature: '2026-11-21', dateRetour: '2026-11-22', dateJury: '2026-11-23', dateConfirmation: '2026-11-25' });
    const [retenu, retard] = await candidats(f.id, 2, 'Delai');
    await decider([retenu], []);
    const dates = (id: number, body: Body) => request(t.http).put(`/api/candidatures/${id}/dates`).set(bearer(staff)).send(body);
    const row = (id: number) => t.dataSource.getRepository(Candidature).findOneByOrFail({ id });

    // Bad dates: 400 for the format, 422 naming each field for the rules; nothing changed.
    const avant = await row(retenu.id);
    expect((await dates(retenu.id, { dateConfirmation: '2026-13-01' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'dateConfirmation' })]);
    const refus = (await dates(retenu.id, { dateConfirmation: '2026-11-19', dateRetour: '2026-11-22' }).expect(422)).body;
    expect(refus.code).toBe('DELAI_INVALIDE');
    expect(refus.errors).toEqual([
      { field: 'dateConfirmation', message: 'ne peut pas être passée (nous sommes le 20/11/2026)' },
      { field: 'dateRetour', message: 'doit prolonger la date limite de retour de la formation (22/11/2026)' },
    ]);
    expect(await row(retenu.id)).toEqual(avant);
    expect((await dates(999_999, { dateConfirmation: '2026-12-15' }).expect(404)).body.code).toBe('CANDIDATURE_INTROUVABLE');

    const fixe = (await dates(retenu.id, { dateConfirmation: '2026-12-15' }).expect(200)).body;
    expect(fixe.decision).toMatchObject({ code: 'FA', dateLimiteConfirmation: '2026-12-15' });
    // The récapitulatif's deadline is this candidature's, for staff and for the candidate alike.
    expect(fixe.dates).toMatchObject({ confirmation: '2026-12-15', delaiConfirmation: null });
    expect((await api(await login(t, retenu.numero, CANDIDAT_PASSWORD)).get(`candidat/candidatures/${retenu.id}`).expect(200)).body.dates.confirmation).toBe('2026-12-15');
    expect(await row(retenu.id)).toMatchObject({ dateConfirmationCandidature: '2026-12-15', version: avant.version + 1 });

    // After the formation's deadline: the job leaves the candidature alone, the candidate still confirms, then withdraws.
    t.clock.set('2026-11-28T09:00:00Z');
    staff = await login(t, 'scol.lc', STAFF_PASSWORD);
    expect(await jobCounts(DESISTEMENT_AUTO)).toEqual({ desistements: 0, promotions: 0 });
    const token = await login(t, retenu.numero, CANDIDAT_PASSWORD);
    expect((await api(token).post(`candidat/candidatures/${retenu.id}/confirmation`).expect(200)).body.actions.desister).toEqual({ possible: true, raison: null });
    const desiste = (await api(token).post(`candidat/candidatures/${retenu.id}/desistement`).expect(200)).body;
    expect(desiste.actions.desister.possible).toBe(false);
    expect(await row(retenu.id)).toMatchObject({ acceptee: false, acceptePar: retenu.numero });
    await sendMails();
    await smtp.waitFor((m) => smtp.to(retenu.email).includes(m) && /Désistement/.test(m.subject ?? ''));

    // The formation's return date has passed: the late candidate can no longer transmit, until staff extend it for them.
    const tard = await login(t, retard.numero, CANDIDAT_PASSWORD);
    expect((await api(tard).get(`candidat/candidatures/${retard.id}`).expect(200)).body.actions.transmettre).toEqual({ possible: false, raison: 'La date limite de retour (22/11/2026) est passée.' });
    expect((await dates(retard.id, { dateRetour: '2026-12-05' }).expect(200)).body.dates.limiteRetour).toBe('2026-12-05');
    expect((await api(tard).post(`candidat/candidatures/${retard.id}/transmission`).expect(200)).body.statutDossier.code).toBe('RE');
    // An empty body gives the candidature back its formation's dates.
    expect((await dates(retard.id, {}).expect(200)).body.dates.limiteRetour).toBe('2026-11-22');
    expect(await row(retard.id)).toMatchObject({ dateRetourCandidature: null, dateConfirmationCandidature: null });
    t.clock.set(NOW);
    staff = await login(t, 'scol.lc', STAFF_PASSWORD);
  });

  it('double clicks act once: 5 concurrent transmissions, validations, confirmations each give one change, one mail, one OPI', async () => {
    const f = await formation({ dateConfirmation: '2027-05-01' });
    const [c] = await candidats(f.id, 1, 'Rafale');
    const outbox = (code: string) => t.dataSource.getRepository(MailOutbox).countBy({ code, destinataire: c.email });
    const statuts = (answers: { status: number }[]) => answers.map((r) => r.status).sort();

    const transmissions = await Promise.all(Array.from({ length: 5 }, () => api(c.token).post(`candidat/candidatures/${c.id}/transmission`)));
    expect(statuts(transmissions)).toEqual([200, 422, 422, 422, 422]);
    expect(await outbox('STATUT_RE')).toBe(1);

    await api(staff).post('candidatures/avis', { candidatureIds: [c.id], type: 'FA' }).expect(201);
    const validations = await Promise.all(Array.from({ length: 5 }, () => api(staff).post('candidatures/avis/validation', { candidatureIds: [c.id] })));
    expect(statuts(validations)).toEqual([200, 422, 422, 422, 422]);
    expect(await outbox('AVIS_FAVORABLE')).toBe(1);

    const confirmations = await Promise.all(Array.from({ length: 5 }, () => api(c.token).post(`candidat/candidatures/${c.id}/confirmation`)));
    expect(statuts(confirmations)).toEqual([200, 422, 422, 422, 422]);
    expect(await outbox('CANDIDATURE_CONFIRM')).toBe(1);
    expect(await t.dataSource.getRepository(Opi).countBy({ candidatureId: c.id })).toBe(1);
  });
});
