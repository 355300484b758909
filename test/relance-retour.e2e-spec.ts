import { Role } from '../src/common/auth/roles';
import { RelanceRetourService } from '../src/candidature/relance-retour.service';
import { JobsService, RELANCE_RETOUR } from '../src/jobs/jobs.service';
import { MailOutbox } from '../src/mail/entities/mail-outbox.entity';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { inUnitOfWork } from '../src/database/sqlite-gate';
import { api } from './support/api';
import { STAFF_PASSWORD, createCampagne } from './support/factories';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, login, staffConnecte } from './support/parcours';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

const NOW = '2026-11-20T10:00:00Z';
const DATES = { dateDebutCandidature: '2026-11-15', dateFinCandidature: '2026-11-30', dateRetour: '2026-12-01', dateJury: '2026-12-05', dateConfirmation: '2026-12-20' };
const RAPPEL = /Rappel : transmettez votre candidature avant le/;

/**
 * Issue 18, part 5: the reminder before the return date (per formation, off by default) goes once to each candidate
 * who has not transmitted, whatever the number of runs and instances; a centre that asks for it receives a copy of
 * its candidates' candidature mails.
 */
describe('Reminder before the return date, copy of candidate mails to the centre', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let campagne: Campagne;
  let scol = '';
  let offre: Offre;
  const envoyer = () => t.app.get(JobsService).trigger('envoi-mails');
  const job = async () => JSON.parse((await t.app.get(JobsService).trigger(RELANCE_RETOUR))?.counts ?? 'null') as { relances: number };
  const rappels = (email: string) => smtp.to(email).filter((m) => RAPPEL.test(m.subject ?? ''));

  async function candidat(formationId: number, nom: string) {
    const c = await candidatComplet(t, campagne, nom);
    const id = (await api(t, c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id as number;
    return { ...c, id };
  }

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    ({ scol } = await staffConnecte(t, { scol: ['scol.relance', [Role.SCOL_CENTRALE]], gest: ['gest.relance', [Role.GESTIONNAIRE], { centres: ['RELANCE'] }] }));
    offre = await creerOffre(t, scol, { centre: { code: 'RELANCE' }, dates: DATES });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('reminds once, N days before the return date, only the candidates who have not transmitted, and only where the formation asks for it', async () => {
    const avecRelance = await offre.formation({ relanceRetourJours: 5 });
    const sansRelance = await offre.formation();
    const formations = (await api(t, scol).get('offre/gestion/formations?limit=100').expect(200)).body.items as { id: number; relanceRetourJours: number | null }[];
    expect([avecRelance, sansRelance].map((id) => formations.find((f) => f.id === id)?.relanceRetourJours)).toEqual([5, null]);
    const enRetard = await candidat(avecRelance, 'Retard');
    const transmis = await candidat(avecRelance, 'Transmis');
    const annule = await candidat(avecRelance, 'Annule');
    const ailleurs = await candidat(sansRelance, 'Ailleurs');
    await api(t, transmis.token).post(`candidat/candidatures/${transmis.id}/transmission`).expect(200);
    await api(t, annule.token).post(`candidat/candidatures/${annule.id}/annulation`).expect(200);

    t.clock.set('2026-11-25T10:00:00Z'); // six days before
    expect(await job()).toEqual({ relances: 0 });
    t.clock.set('2026-11-26T07:15:00Z'); // five days before, 08:15 in Paris
    // Two instances at once (the job's lease apart): each candidature is claimed by one of them.
    const instance = () => inUnitOfWork(() => t.app.get(RelanceRetourService).relancer());
    const runs = await Promise.all([instance(), instance()]);
    expect(runs[0].relances + runs[1].relances).toBe(1);
    expect(await job()).toEqual({ relances: 0 });
    t.clock.set('2026-12-01T10:00:00Z'); // the day itself
    expect(await job()).toEqual({ relances: 0 });
    await envoyer();
    expect(rappels(enRetard.email)).toHaveLength(1);
    expect(rappels(enRetard.email)[0].text).toContain('01/12/2026');
    for (const c of [transmis, annule, ailleurs]) expect(rappels(c.email)).toEqual([]);
    t.clock.set(NOW);
  });

  it('reminds again before a return date staff extended, and never after the date', async () => {
    scol = await login(t, 'scol.relance', STAFF_PASSWORD);
    const f = await offre.formation({ relanceRetourJours: 2 });
    const [prolonge, oublie] = [await candidat(f, 'Prolonge'), await candidat(f, 'Oublie')];
    t.clock.set('2026-11-29T10:00:00Z');
    expect(await job()).toEqual({ relances: 2 });
    // Sessions end after 30 idle minutes: the clock moved days.
    await api(t, await login(t, 'gest.relance', STAFF_PASSWORD)).put(`candidatures/${prolonge.id}/dates`, { dateRetour: '2026-12-10' }).expect(200);
    t.clock.set('2026-12-07T10:00:00Z'); // past the formation's date, three days before the candidature's
    expect(await job()).toEqual({ relances: 0 });
    t.clock.set('2026-12-08T10:00:00Z');
    expect(await job()).toEqual({ relances: 1 });
    expect(await job()).toEqual({ relances: 0 });
    await envoyer();
    expect(rappels(prolonge.email).map((m) => /10\/12\/2026/.test(m.text ?? ''))).toEqual([false, true]);
    expect(rappels(oublie.email)).toHaveLength(1);
    t.clock.set(NOW);
  });

  it('copies the candidate mails about a candidature to the centre that asks for it, and only those', async () => {
    scol = await login(t, 'scol.relance', STAFF_PASSWORD);
    const refus = await api(t, scol).post('offre/gestion/centres', { code: 'COPIE-SANS', libelle: 'Copie sans adresse', copieMailsCandidats: true }).expect(400);
    expect(refus.body.errors).toEqual([{ field: 'copieMailsCandidats', message: "demande l'adresse de contact du centre (contactEmail), qui reçoit la copie" }]);
    const copie = await creerOffre(t, scol, { centre: { code: 'COPIE', contactEmail: 'scolarite-copie@univ.test', copieMailsCandidats: true }, dates: DATES });
    const f = await copie.formation({ relanceRetourJours: 3 });
    const c = await candidat(f, 'Copie');
    // The centre of the other specs asks for none.
    const sans = await candidat(await offre.formation(), 'SansCopie');
    await api(t, c.token).post(`candidat/candidatures/${c.id}/annulation`).expect(200);
    const c2 = await candidat(f, 'Copie2');
    t.clock.set('2026-11-28T10:00:00Z');
    expect(await job()).toEqual({ relances: 1 });
    await envoyer();
    t.clock.set(NOW);
    const outbox = await t.dataSource.getRepository(MailOutbox).find({ where: { destinataire: 'scolarite-copie@univ.test' }, order: { id: 'ASC' } });
    expect(outbox.map((m) => m.code)).toEqual(['CANDIDATURE', 'CANDIDATURE_ANNULATION', 'CANDIDATURE', 'CANDIDATURE_RELANCE_RETOUR']);
    const recues = smtp.to('scolarite-copie@univ.test');
    expect(recues).toHaveLength(4);
    const aLui = smtp.to(c2.email);
    expect(recues.slice(2).map((m) => [m.subject, m.text])).toEqual(aLui.map((m) => [m.subject, m.text]));
    expect(smtp.to(sans.email)).toHaveLength(1);
    expect(recues.some((m) => m.text?.includes(sans.numero))).toBe(false);
  });
});
