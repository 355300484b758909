import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps what it receives, parsed. `down()` makes it refuse every session
 * (an SMTP outage), `up()` brings it back; `delayMs` makes it a slow server, which acknowledges each message that
 * long after receiving it (it is kept, as delivered, when acknowledged). Tests read mails and follow their links as a
 * candidate would.
 */
export class SmtpCapture {
  readonly messages: ParsedMail[] = [];
  private available = true;
  private waiters: { predicate: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] = [];
  private server!: SMTPServer;
  port = 0;

  private constructor(private readonly delayMs: number) {}

  static async start({ delayMs = 0 }: { delayMs?: number } = {}): Promise<SmtpCapture> {
    const capture = new SmtpCapture(delayMs);
    await capture.listen();
    return capture;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  down(): void {
    this.available = false;
  }

  up(): void {
    this.available = true;
  }

  /** Mails sent to this address, oldest first. */
  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => recipients(m).includes(address.toLowerCase()));
  }

  /** Resolves with the first mail (already received or to come) matching the predicate. */
  waitFor(predicate: (m: ParsedMail) => boolean, timeoutMs = 10_000): Promise<ParsedMail> {
    const found = this.messages.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`aucun mail attendu reçu en ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  clear(): void {
    this.messages.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private refuseWhenDown(callback: (error?: Error) => void): void {
    if (this.available) return callback();
    callback(Object.assign(new Error('Service temporairement indisponible'), { responseCode: 421 }));
  }

  private listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (_session, callback) => this.refuseWhenDown(callback),
      // Sessions opened before the outage (a pooled connection) are refused too.
      onMailFrom: (_address, _session, callback) => this.refuseWhenDown(callback),
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
            this.messages.push(mail);
            this.waiters = this.waiters.filter((w) => (w.predicate(mail) ? (w.resolve(mail), false) : true));
            callback();
          })
          .catch(callback);
      },
    });
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }
}

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((t) => t.value.map((v) => (v.address ?? '').toLowerCase()));
}
