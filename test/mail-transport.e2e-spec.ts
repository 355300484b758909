import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { parseMailConfig } from '../src/config/mail.config';
import { MailTransport } from '../src/mail/mail.transport';
import { SmtpCapture } from './support/smtp-capture';

const mail = {
  to: 'elise.martin@example.org',
  subject: 'Création de votre compte candidat',
  text: 'Votre numéro de dossier : 0WBZPM9X',
  html: '<p>Votre numéro de dossier : <b>0WBZPM9X</b></p>',
};

describe('MailTransport', () => {
  it('delivers through SMTP (MAIL_TRANSPORT=smtp)', async () => {
    const smtp = await SmtpCapture.start();
    const transport = new MailTransport(parseMailConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, MAIL_FROM: 'Université <candidatures@univ.test>' }));
    try {
      await transport.send(mail);
      const received = await smtp.waitFor((m) => m.subject === mail.subject);
      expect(received.from?.value[0]).toEqual({ name: 'Université', address: 'candidatures@univ.test' });
      expect(received.text).toContain('0WBZPM9X');
      expect(received.html).toContain('<b>0WBZPM9X</b>');
    } finally {
      transport.onModuleDestroy();
      await smtp.stop();
    }
  });

  it('throws while the SMTP server refuses, so the caller can retry', async () => {
    const smtp = await SmtpCapture.start();
    smtp.down();
    const transport = new MailTransport(parseMailConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url }));
    try {
      await expect(transport.send(mail)).rejects.toThrow();
      expect(smtp.messages).toHaveLength(0);
    } finally {
      transport.onModuleDestroy();
      await smtp.stop();
    }
  });

  it('writes a complete .eml file on the embedded default (MAIL_TRANSPORT=file)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mail-'));
    const transport = new MailTransport(parseMailConfig({ MAIL_TRANSPORT: 'file', MAIL_FILE_DIR: dir }));
    try {
      await transport.send(mail);
      const files = await readdir(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const parsed = await simpleParser(await readFile(join(dir, files[0])));
      expect(parsed.subject).toBe(mail.subject);
      expect(parsed.text).toContain('0WBZPM9X');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
