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
        ? createTransport(config.smtpUrl as string)
        : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
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
