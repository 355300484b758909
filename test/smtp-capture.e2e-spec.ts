import { createTransport } from 'nodemailer';
import { SmtpCapture } from './support/smtp-capture';

/** The SMTP capture used by the mail tests: real SMTP on loopback, parsed messages, outages on demand. */
describe('SMTP capture (test support)', () => {
  let smtp: SmtpCapture;
  beforeAll(async () => {
    smtp = await SmtpCapture.start();
  });
  afterAll(() => smtp.stop());

  const transport = () => createTransport({ url: smtp.url, ignoreTLS: true } as never);

  it('receives and parses a mail sent through nodemailer', async () => {
    const pending = smtp.waitFor((m) => m.subject === 'Création de votre compte');
    await transport().sendMail({
      from: 'Candidatures <no-reply@univ.test>',
      to: 'Élise Martin <elise@example.org>',
      subject: 'Création de votre compte',
      text: 'Votre numéro de dossier : 0WBZPM9X',
      html: '<p>Votre numéro de dossier : <b>0WBZPM9X</b></p>',
    });
    const mail = await pending;
    expect(mail.text).toContain('0WBZPM9X');
    expect(mail.html).toContain('<b>0WBZPM9X</b>');
    expect(smtp.to('elise@example.org')).toHaveLength(1);
  });

  it('refuses mail while down and accepts it again once up', async () => {
    smtp.down();
    await expect(transport().sendMail({ from: 'a@univ.test', to: 'b@example.org', subject: 'pendant la panne', text: 'x' })).rejects.toThrow();
    smtp.up();
    await transport().sendMail({ from: 'a@univ.test', to: 'b@example.org', subject: 'après la panne', text: 'x' });
    expect(smtp.to('b@example.org').map((m) => m.subject)).toEqual(['après la panne']);
  });
});
