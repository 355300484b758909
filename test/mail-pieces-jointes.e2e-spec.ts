import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { parseMailConfig } from '../src/config/mail.config';
import { MailOutbox, StatutMail } from '../src/mail/entities/mail-outbox.entity';
import { MailAttachment, MailTransport } from '../src/mail/mail.transport';
import { MAX_ESSAIS, MailToSend, OutboxService } from '../src/mail/outbox.service';
import { PieceJointeResolver, PiecesJointes } from '../src/mail/pieces-jointes';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

/** A resolver whose documents are made up from their reference, and that fails as many times as it is told. */
class ResolverDeTest extends PieceJointeResolver {
  readonly type = 'test-document';
  readonly appels: string[] = [];
  echecs = new Map<string, number>();

  resolve(ref: string): Promise<MailAttachment> {
    this.appels.push(ref);
    const restants = this.echecs.get(ref) ?? 0;
    if (restants > 0) {
      this.echecs.set(ref, restants - 1);
      return Promise.reject(new Error('rendu du document impossible'));
    }
    return Promise.resolve({ filename: `lettre_admission-${ref}-M1.pdf`, content: contenu(ref), contentType: 'application/pdf' });
  }
}

const contenu = (ref: string) => Buffer.from(`%PDF-1.7\nlettre ${ref}\n%%EOF\n`);

const mail = (nom: string, pieceJointe?: MailToSend['pieceJointe']): MailToSend => ({
  code: 'CANDIDATURE_AVIS',
  to: `${nom}@example.org`,
  subject: `Décision sur votre candidature (${nom})`,
  text: 'Votre lettre est jointe.',
  html: '<p>Votre lettre est jointe.</p>',
  ...(pieceJointe && { pieceJointe }),
});

describe('Mail outbox: attachments resolved at send time', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let outbox: OutboxService;
  const resolver = new ResolverDeTest();

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url });
    outbox = t.app.get(OutboxService);
    t.app.get(PiecesJointes).register(resolver);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const rows = () => t.dataSource.getRepository(MailOutbox);
  const enqueue = (m: MailToSend) => t.dataSource.transaction((em) => outbox.enqueue(em, m));

  it('stores the reference, not the bytes, and sends the document as an attachment', async () => {
    await enqueue(mail('avec.piece', { type: 'test-document', ref: 'ZX81KQ2B_DURAND_Camille' }));
    const row = await rows().findOneByOrFail({ destinataire: 'avec.piece@example.org' });
    expect(row).toMatchObject({ pieceJointeType: 'test-document', pieceJointeRef: 'ZX81KQ2B_DURAND_Camille' });
    expect(resolver.appels).toEqual([]);

    expect(await outbox.deliverDue()).toEqual({ envoyes: 1, reportes: 0, abandonnes: 0 });

    const [received] = smtp.to('avec.piece@example.org');
    expect(received.text).toContain('Votre lettre est jointe.');
    expect(received.html).toContain('<p>Votre lettre est jointe.</p>');
    expect(received.attachments).toHaveLength(1);
    const [attachment] = received.attachments;
    expect(attachment.filename).toBe('lettre_admission-ZX81KQ2B_DURAND_Camille-M1.pdf');
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.content.equals(contenu('ZX81KQ2B_DURAND_Camille'))).toBe(true);
    expect(await rows().findOneByOrFail({ id: row.id })).toMatchObject({ statut: StatutMail.ENVOYE });
  });

  it('sends a mail without attachment as before', async () => {
    await enqueue(mail('sans.piece'));
    expect(await outbox.deliverDue()).toEqual({ envoyes: 1, reportes: 0, abandonnes: 0 });

    const [received] = smtp.to('sans.piece@example.org');
    expect(received.attachments).toEqual([]);
    expect(received.text).toContain('Votre lettre est jointe.');
    expect(await rows().findOneByOrFail({ destinataire: 'sans.piece@example.org' })).toMatchObject({ pieceJointeType: null, pieceJointeRef: null });
  });

  it('retries with the backoff when the document cannot be built, and sends it once it can', async () => {
    resolver.echecs.set('REESSAI', 1);
    await enqueue(mail('reessai', { type: 'test-document', ref: 'REESSAI' }));

    expect(await outbox.deliverDue()).toEqual({ envoyes: 0, reportes: 1, abandonnes: 0 });
    expect(smtp.to('reessai@example.org')).toHaveLength(0);
    const waiting = await rows().findOneByOrFail({ destinataire: 'reessai@example.org' });
    expect(waiting).toMatchObject({ statut: StatutMail.EN_ATTENTE, essais: 1, claimToken: null });
    expect(waiting.derniereErreur).toBe('Pièce jointe test-document REESSAI : rendu du document impossible');
    expect(waiting.prochainEssaiAt.getTime()).toBeGreaterThan(t.clock.now().getTime());
    // Not before the backoff.
    expect(await outbox.deliverDue()).toEqual({ envoyes: 0, reportes: 0, abandonnes: 0 });

    t.clock.advance({ minutes: 2 });
    expect(await outbox.deliverDue()).toEqual({ envoyes: 1, reportes: 0, abandonnes: 0 });
    const received = smtp.to('reessai@example.org');
    expect(received).toHaveLength(1);
    expect(received[0].attachments.map((a) => a.filename)).toEqual(['lettre_admission-REESSAI-M1.pdf']);
    expect(received[0].attachments[0].content.equals(contenu('REESSAI'))).toBe(true);
    expect(resolver.appels.filter((r) => r === 'REESSAI')).toHaveLength(2);
  });

  it(`gives the mail up after ${MAX_ESSAIS} failures of its attachment, like an SMTP failure`, async () => {
    resolver.echecs.set('TOUJOURS', Number.MAX_SAFE_INTEGER);
    await enqueue(mail('toujours', { type: 'test-document', ref: 'TOUJOURS' }));
    for (let essai = 1; essai <= MAX_ESSAIS; essai++) {
      await outbox.deliverDue();
      t.clock.advance({ hours: 2 });
    }

    expect(await rows().findOneByOrFail({ destinataire: 'toujours@example.org' })).toMatchObject({ statut: StatutMail.ECHEC, essais: MAX_ESSAIS });
    expect(smtp.to('toujours@example.org')).toHaveLength(0);
    expect(await outbox.deliverDue()).toEqual({ envoyes: 0, reportes: 0, abandonnes: 0 });
  });

  it('refuses, in the caller transaction, an attachment type that no resolver knows', async () => {
    await expect(enqueue(mail('inconnu', { type: 'lettre-inconnue', ref: '1' }))).rejects.toThrow(/Pièce jointe invalide/);
    await expect(enqueue(mail('inconnu', { type: 'test-document', ref: 'x'.repeat(101) }))).rejects.toThrow(/Pièce jointe invalide/);
    expect(await rows().countBy({ destinataire: 'inconnu@example.org' })).toBe(0);
    expect(() => t.app.get(PiecesJointes).register(new ResolverDeTest())).toThrow(/Deux résolveurs/);
  });
});

describe('MailTransport with an attachment', () => {
  const attachment: MailAttachment = { filename: 'lettre_refus-ZX81KQ2B_DURAND_Camille-M1.pdf', content: contenu('fichier'), contentType: 'application/pdf' };

  it('writes the attachment into the .eml file on the embedded default (MAIL_TRANSPORT=file)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mail-'));
    const transport = new MailTransport(parseMailConfig({ MAIL_TRANSPORT: 'file', MAIL_FILE_DIR: dir }));
    try {
      const { to, subject, text, html } = mail('fichier');
      await transport.send({ to, subject, text, html, attachments: [attachment] });
      const [file] = await readdir(dir);
      const parsed = await simpleParser(await readFile(join(dir, file)));
      expect(parsed.text).toContain('Votre lettre est jointe.');
      expect(parsed.attachments).toHaveLength(1);
      expect(parsed.attachments[0]).toMatchObject({ filename: attachment.filename, contentType: 'application/pdf' });
      expect(parsed.attachments[0].content.equals(attachment.content)).toBe(true);
    } finally {
      transport.onModuleDestroy();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
