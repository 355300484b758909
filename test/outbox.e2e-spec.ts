import { In } from 'typeorm';
import { MailOutbox, StatutMail } from '../src/mail/entities/mail-outbox.entity';
import { MAX_ESSAIS, MailToSend, OutboxService } from '../src/mail/outbox.service';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

const mail = (n: number, campagne = 'outage'): MailToSend => ({
  code: 'CPT_MIN_CREATE',
  to: `candidat${n}.${campagne}@example.org`,
  subject: `Création de votre compte n°${n}`,
  text: `Votre numéro de dossier : ${String(n).padStart(8, '0')}`,
  html: `<p>Votre numéro de dossier : <b>${String(n).padStart(8, '0')}</b></p>`,
});

describe('Mail outbox', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let outbox: OutboxService;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url });
    outbox = t.app.get(OutboxService);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const rows = () => t.dataSource.getRepository(MailOutbox);

  it('keeps no mail of a transaction that rolled back', async () => {
    await expect(
      t.dataSource.transaction(async (em) => {
        await outbox.enqueue(em, mail(0, 'rollback'));
        throw new Error('la création du compte échoue');
      }),
    ).rejects.toThrow('la création du compte échoue');
    expect(await rows().count({ where: { destinataire: 'candidat0.rollback@example.org' } })).toBe(0);
  });

  it('SMTP down while 50 mails are queued, then back: each of the 50 arrives exactly once', async () => {
    smtp.down();
    for (let n = 1; n <= 50; n++) await t.dataSource.transaction((em) => outbox.enqueue(em, mail(n)));

    expect(await outbox.deliverDue()).toEqual({ envoyes: 0, reportes: 50, abandonnes: 0 });
    expect(smtp.messages).toHaveLength(0);
    const waiting = await rows().find({ where: { code: 'CPT_MIN_CREATE', statut: StatutMail.EN_ATTENTE } });
    expect(waiting).toHaveLength(50);
    expect(waiting.every((m) => m.essais === 1 && m.prochainEssaiAt > t.clock.now() && m.derniereErreur)).toBe(true);
    // Not due again before the backoff.
    expect(await outbox.hasDue()).toBe(false);
    expect(await outbox.deliverDue()).toEqual({ envoyes: 0, reportes: 0, abandonnes: 0 });

    smtp.up();
    t.clock.advance({ minutes: 2 });
    // Two senders at once (two instances, or two ticks): the claim gives each row to one of them.
    const [a, b] = await Promise.all([outbox.deliverDue(30), outbox.deliverDue(30)]);
    const rest = await outbox.deliverDue();
    expect(a.envoyes + b.envoyes + rest.envoyes).toBe(50);
    expect(a.reportes + b.reportes + rest.reportes).toBe(0);

    const received = smtp.messages.filter((m) => /outage@example.org$/.test(m.to && !Array.isArray(m.to) ? m.to.text : ''));
    expect(received).toHaveLength(50);
    expect(new Set(received.map((m) => m.to && !Array.isArray(m.to) && m.to.text)).size).toBe(50);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(50);
    const sent = await rows().find({ where: { code: 'CPT_MIN_CREATE' } });
    expect(sent.every((m) => m.statut === StatutMail.ENVOYE && m.envoyeAt && m.claimToken === null)).toBe(true);
    expect(await outbox.deliverDue()).toEqual({ envoyes: 0, reportes: 0, abandonnes: 0 });
  });

  it(`gives a mail up after ${MAX_ESSAIS} failed tries, waiting longer each time`, async () => {
    smtp.down();
    await t.dataSource.transaction((em) => outbox.enqueue(em, mail(99, 'echec')));
    const target = { destinataire: 'candidat99.echec@example.org' };
    const delays: number[] = [];
    for (let essai = 1; essai <= MAX_ESSAIS; essai++) {
      const before = t.clock.now().getTime();
      await outbox.deliverDue();
      const row = await rows().findOneByOrFail(target);
      expect(row.essais).toBe(essai);
      delays.push(row.prochainEssaiAt.getTime() - before);
      t.clock.advance({ hours: 2 });
    }
    smtp.up();
    const row = await rows().findOneByOrFail(target);
    expect(row.statut).toBe(StatutMail.ECHEC);
    expect(delays.slice(0, 4).every((d, i) => i === 0 || d > delays[i - 1])).toBe(true);
    expect(await rows().count({ where: { ...target, statut: In([StatutMail.EN_ATTENTE, StatutMail.ENVOYE]) } })).toBe(0);
  });
});
