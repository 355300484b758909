import { IsNull, Not } from 'typeorm';
import { ScratchDatabase, createScratchDatabase } from '../scripts/lib/scratch-database';
import { MailOutbox, StatutMail } from '../src/mail/entities/mail-outbox.entity';
import { MailToSend, OutboxService } from '../src/mail/outbox.service';
import { JobsService, ENVOI_MAILS } from '../src/jobs/jobs.service';
import { StatutJobRun } from '../src/jobs/entities/job-run.entity';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';
import { TestClock } from './support/test-clock';

const DELAI_SMTP_MS = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const mail = (n: number, lot: string): MailToSend => ({
  code: 'CPT_MIN_CREATE',
  to: `candidat${n}.${lot}@example.org`,
  subject: `Création de votre compte n°${n}`,
  text: `Votre numéro de dossier : ${String(n).padStart(8, '0')}`,
  html: `<p>Votre numéro de dossier : <b>${String(n).padStart(8, '0')}</b></p>`,
});

/** Two application instances on one database sending through an SMTP server that takes 3 s per message. */
describe('Mail outbox on a slow SMTP server, two instances', () => {
  let smtp: SmtpCapture;
  let database: ScratchDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    smtp = await SmtpCapture.start({ delayMs: DELAI_SMTP_MS });
    database = await createScratchDatabase(undefined, { sqliteFile: true });
    const clock = new TestClock();
    // Claims and the envoi-mails lease last 2 s, less than one message takes: only their renewal keeps them.
    const env = { MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, MAIL_CLAIM_SECONDS: '2', SMTP_POOL_SIZE: '8' };
    a = await startTestApp(env, { database, clock });
    b = await startTestApp(env, { database, clock });
    clock.flow();
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await database.drop();
    await smtp.stop();
  });

  const rows = () => a.dataSource.getRepository(MailOutbox);
  const enqueue = async (count: number, lot: string) => {
    const outbox = a.app.get(OutboxService);
    await a.dataSource.transaction(async (em) => {
      for (let n = 1; n <= count; n++) await outbox.enqueue(em, mail(n, lot));
    });
  };

  it('delivers 100 mails exactly once while a run outlasts its lease and claims and a second sender overlaps it', async () => {
    await enqueue(100, 'lent');
    const debut = Date.now();
    const runA = a.app.get(JobsService).trigger(ENVOI_MAILS);
    await sleep(DELAI_SMTP_MS + 500);
    // A's lease (2 s) would have run out by now: renewed, it keeps B's run from starting…
    expect(await b.app.get(JobsService).trigger(ENVOI_MAILS)).toBeNull();
    // …and a sender on B that does not wait for it (a run started on a lease taken over) shares the rows with A.
    const [run, counts] = await Promise.all([runA, b.app.get(OutboxService).deliverDue()]);
    const duree = Date.now() - debut;
    process.stdout.write(`100 mails à ${DELAI_SMTP_MS} ms le message, deux expéditeurs de 8 connexions : ${duree} ms\n`);

    expect(run?.status).toBe(StatutJobRun.SUCCES);
    const envoyesParA = (JSON.parse(run?.counts ?? '{}') as { envoyes: number }).envoyes;
    expect(envoyesParA).toBeGreaterThan(0);
    expect(counts.envoyes).toBeGreaterThan(0);
    expect(envoyesParA + counts.envoyes).toBe(100);
    expect(smtp.messages).toHaveLength(100);
    const stored = await rows().find();
    expect(new Set(smtp.messages.map((m) => m.messageId))).toEqual(new Set(stored.map((m) => m.messageId)));
    expect(stored.every((m) => m.statut === StatutMail.ENVOYE && m.envoyeAt && m.claimToken === null && m.essais === 0)).toBe(true);
  }, 60_000);

  it('stops a run whose claims another sender took: what had left is recorded as sent, nothing more is sent', async () => {
    smtp.clear();
    await rows().clear();
    await enqueue(20, 'repris');
    const run = a.app.get(OutboxService).deliverDue();
    await sleep(DELAI_SMTP_MS / 3);
    // As if A had not renewed in time: another sender now holds every row A is sending.
    const repris = await rows().update({ claimToken: Not(IsNull()) }, { claimToken: 'autre-expediteur', claimedUntil: new Date(Date.now() + 3_600_000) });
    expect(repris.affected).toBeGreaterThan(0);
    const counts = await run;

    expect(counts).toEqual({ envoyes: repris.affected, reportes: 0, abandonnes: 0 });
    expect(smtp.messages).toHaveLength(repris.affected as number);
    expect(await rows().count({ where: { statut: StatutMail.ENVOYE } })).toBe(repris.affected);
    expect(await rows().count({ where: { statut: StatutMail.EN_ATTENTE, claimToken: IsNull() } })).toBe(20 - (repris.affected as number));
  }, 30_000);

  it("sends one person's mails one after the other, in the order they were written, while others go in parallel", async () => {
    smtp.clear();
    await rows().clear();
    const outbox = a.app.get(OutboxService);
    const x = 'meme.personne@example.org';
    await a.dataSource.transaction(async (em) => {
      for (const n of [1, 2, 3]) await outbox.enqueue(em, { ...mail(n, 'ordre'), to: x, subject: `Lien n°${n}` });
      for (let n = 4; n <= 8; n++) await outbox.enqueue(em, mail(n, 'ordre'));
    });
    expect(await outbox.deliverDue()).toEqual({ envoyes: 8, reportes: 0, abandonnes: 0 });

    const arrivees = smtp.messages.map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : ''));
    expect(smtp.to(x).map((m) => m.subject)).toEqual(['Lien n°1', 'Lien n°2', 'Lien n°3']);
    // The five other addresses went out with the first of x's mails, x's second only once its first had left.
    expect(arrivees.indexOf(x, arrivees.indexOf(x) + 1)).toBeGreaterThan(Math.max(...[4, 5, 6, 7, 8].map((n) => arrivees.indexOf(`candidat${n}.ordre@example.org`))));
  }, 30_000);
});
