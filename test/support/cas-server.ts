import { randomBytes } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export interface CasTestUser {
  user: string;
  attributes?: Record<string, string | string[]>;
}

/** One call of a validation endpoint, as the service made it. */
export interface CasValidation {
  path: string;
  ticket: string;
  service: string;
}

/**
 * A CAS protocol server on loopback, under /cas like a real deployment. `/cas/login?service=…` logs in
 * `nextUser` at once and redirects to the service with a fresh ST- ticket; `/cas/serviceValidate` (CAS 2.0) and
 * `/cas/p3/serviceValidate` (CAS 3.0) answer the XML of the protocol: success with `<cas:attributes>`, or
 * INVALID_TICKET (unknown or already validated ticket: tickets are single use) or INVALID_SERVICE (a ticket
 * validated for another service than the one it was issued for). `broken` makes validation answer a non-XML 500;
 * hold() delays validation answers to make callbacks race.
 */
export class CasTestServer {
  nextUser: CasTestUser | null = null;
  broken = false;
  readonly validations: CasValidation[] = [];
  private readonly tickets = new Map<string, { service: string; user: CasTestUser; used: boolean }>();
  private held: ((answer: () => void) => void) | null = null;
  private server!: Server;
  private sequence = 0;
  port = 0;

  static async start(): Promise<CasTestServer> {
    const cas = new CasTestServer();
    await cas.listen();
    return cas;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/cas`;
  }

  async stop(): Promise<void> {
    // The application's HTTP agent keeps connections alive: close them, or close() waits for their time-out.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private listen(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const service = url.searchParams.get('service') ?? '';
    if (req.method !== 'GET') return end(res, 405, 'text/plain', 'Méthode non autorisée');
    switch (url.pathname) {
      case '/cas/login':
        return this.login(res, service);
      case '/cas/serviceValidate':
      case '/cas/p3/serviceValidate':
        return this.validate(res, url.pathname, url.searchParams.get('ticket') ?? '', service);
      default:
        return end(res, 404, 'text/plain', 'Introuvable');
    }
  }

  private login(res: ServerResponse, service: string): void {
    if (!service) return end(res, 400, 'text/plain', 'service manquant');
    if (!this.nextUser) return end(res, 200, 'text/html', '<form>Identifiant et mot de passe</form>');
    const ticket = `ST-${++this.sequence}-${randomBytes(12).toString('hex')}`;
    this.tickets.set(ticket, { service, user: this.nextUser, used: false });
    res.writeHead(302, { Location: `${service}${service.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(ticket)}` }).end();
  }

  /**
   * Holds the answers of the next `count` validations, and resolves once they have all arrived with a function
   * that sends them all at once: two callbacks then reach the application's database together.
   */
  hold(count: number): Promise<() => void> {
    const held: (() => void)[] = [];
    return new Promise((resolve) => {
      this.held = (answer) => {
        held.push(answer);
        if (held.length < count) return;
        this.held = null;
        resolve(() => held.forEach((send) => send()));
      };
    });
  }

  private validate(res: ServerResponse, path: string, ticket: string, service: string): void {
    this.validations.push({ path, ticket, service });
    if (this.held) return this.held(() => this.answer(res, ticket, service));
    this.answer(res, ticket, service);
  }

  private answer(res: ServerResponse, ticket: string, service: string): void {
    if (this.broken) return end(res, 500, 'text/plain', 'Erreur interne du serveur CAS');
    const issued = this.tickets.get(ticket);
    if (!issued || issued.used) return end(res, 200, 'application/xml', failure('INVALID_TICKET', `Ticket ${ticket} not recognized`));
    issued.used = true;
    if (issued.service !== service) return end(res, 200, 'application/xml', failure('INVALID_SERVICE', `Ticket ${ticket} does not match supplied service`));
    end(res, 200, 'application/xml', success(issued.user));
  }
}

function end(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8` }).end(body);
}

function success({ user, attributes = {} }: CasTestUser): string {
  const values = Object.entries(attributes).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => `      <cas:${name}>${xml(v)}</cas:${name}>`),
  );
  return [
    "<cas:serviceResponse xmlns:cas='http://www.yale.edu/tp/cas'>",
    '  <cas:authenticationSuccess>',
    `    <cas:user>${xml(user)}</cas:user>`,
    '    <cas:attributes>',
    ...values,
    '    </cas:attributes>',
    '  </cas:authenticationSuccess>',
    '</cas:serviceResponse>',
  ].join('\n');
}

function failure(code: string, message: string): string {
  return `<cas:serviceResponse xmlns:cas='http://www.yale.edu/tp/cas'>\n  <cas:authenticationFailure code="${code}">${xml(message)}</cas:authenticationFailure>\n</cas:serviceResponse>`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
