import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';
import { MailConfig, mailConfig } from '../config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@host>`; the outbox fixes it per mail so that a retry is recognisable */
  messageId?: string;
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/**
 * Hands one mail to the configured transport: SMTP in production, `.eml` files under MAIL_FILE_DIR on the
 * embedded default (open them with any mail client). Delivery guarantees (outbox, retries) sit above this.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;

  constructor(@Inject(mailConfig.KEY) private readonly config: MailConfig) {
    this.transporter =
      config.transport === 'smtp'
        ? createTransport(pooled(config.smtpUrl as string, config.smtpPoolSize))
        : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** How many mails this transport sends at once (the outbox runs that many sends side by side). */
  get connexions(): number {
    return this.config.transport === 'smtp' ? this.config.smtpPoolSize : 1;
  }

  /** Sends and returns the Message-ID; throws when the SMTP server refuses or cannot be reached. */
  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transporter.sendMail({ from: this.config.from, ...mail });
    if (this.config.transport === 'file') {
      await mkdir(this.config.fileDir, { recursive: true });
      const file = join(this.config.fileDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^A-Za-z0-9.@-]/g, '')}.eml`);
      await writeFile(file, info.message as Buffer);
      this.logger.log(`Mail « ${mail.subject} » écrit dans ${file}`);
    }
    return info.messageId;
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}

/**
 * The SMTP URL with nodemailer's pool options: up to `size` connections kept open and used side by side. Set in the
 * URL because nodemailer reads every other option from the URL when it is given one (`?tls.…` and the like stay).
 */
function pooled(smtpUrl: string, size: number): string {
  const url = new URL(smtpUrl);
  url.searchParams.set('pool', 'true');
  url.searchParams.set('maxConnections', String(size));
  return url.toString();
}
