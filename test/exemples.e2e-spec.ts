import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_CANDIDAT_PASSWORD, DEMO_STAFF } from '../src/demo/demo.service';
import { CasTestServer } from './support/cas-server';
import { pdfDePages, png } from './support/fichiers';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';
import { TestClock } from './support/test-clock';
import { OutboxService } from '../src/mail/outbox.service';

type Qui = 'anonyme' | 'admin' | 'scol' | 'gestionnaire' | 'commission' | 'DEMO0001' | 'DEMO0004';

interface Etape {
  /** Whose session sends the example */
  qui: Qui;
  /** Where the If-Match comes from: a GET answering the ETag, or a staff list holding the row's `version` */
  ifMatch?: string | { liste: string; id: number };
  /**
   * The one field a static example cannot hold: a secret the server sends by mail or by the CAS redirect, valid
   * once and for a short time. The step takes it where a candidate would, and sends it in place of the example's.
   */
  secret?: { champ: 'token' | 'code'; source: (ctx: Contexte) => Promise<string> };
  /** The step's session is closed by an earlier example (e-mail change): log in again */
  nouvelleSession?: boolean;
  /** A multipart route that keeps images only (the letters' logo and signatures): a PNG rather than a PDF */
  image?: boolean;
}

interface Contexte {
  t: TestApp;
  smtp: SmtpCapture;
  cas: CasTestServer;
}

/** The `token` of the link in the last mail to an address, as the candidate who follows it. */
async function tokenDuMail(ctx: Contexte, adresse: string): Promise<string> {
  await ctx.t.app.get(OutboxService).deliverDue();
  const lien = ctx.smtp
    .to(adresse)
    .flatMap((m) => (m.text ?? '').match(/https?:\/\/\S+token=\S+/g) ?? [])
    .at(-1);
  if (!lien) throw new Error(`aucun lien à token dans les mails à ${adresse}`);
  return new URL(lien).searchParams.get('token') as string;
}

const SERVICE_BASE = 'https://candidatures.univ.test';

/**
 * The operations that take a body, in the order their examples run: each example leaves what a later one uses
 * (the account `POST /api/comptes` creates is activated, then recovered; the formation `createFormation` creates is
 * the one `updateFormation` changes; the files are received before they are judged). A new operation with a body
 * must be added here, with its example, or the first test fails.
 */
const ETAPES: Record<string, Etape> = {
  createCompte: { qui: 'anonyme' },
  resendActivation: { qui: 'anonyme' },
  activateCompte: { qui: 'anonyme', secret: { champ: 'token', source: (ctx) => tokenDuMail(ctx, 'camille.petit@example.org') } },
  recoverIdentifiants: { qui: 'anonyme' },
  resetMotDePasse: { qui: 'anonyme', secret: { champ: 'token', source: (ctx) => tokenDuMail(ctx, 'camille.petit@example.org') } },
  login: { qui: 'anonyme' },
  exchangeCodeCas: {
    qui: 'anonyme',
    secret: {
      champ: 'code',
      source: async ({ t, cas }) => {
        const login = await request(t.http).get('/api/auth/cas/login?espace=candidat').expect(302);
        cas.nextUser = { user: 'lbernard', attributes: { mail: 'lucas.bernard@univ-exemple.fr', sn: 'Bernard', givenName: 'Lucas' } };
        const retour = (await fetch(login.headers.location, { redirect: 'manual' })).headers.get('location') as string;
        const callback = await request(t.http).get(retour.slice(SERVICE_BASE.length)).expect(302);
        return new URL(callback.headers.location).searchParams.get('code') as string;
      },
    },
  },

  createCentre: { qui: 'scol' },
  updateCentre: { qui: 'scol', ifMatch: { liste: 'offre/gestion/centres', id: 1 } },
  createCommission: { qui: 'scol' },
  updateCommission: { qui: 'scol', ifMatch: { liste: 'offre/gestion/commissions', id: 1 } },
  createFormation: { qui: 'scol' },
  updateFormation: { qui: 'scol', ifMatch: { liste: 'offre/gestion/formations', id: 7 } },
  createPiece: { qui: 'scol' },
  updatePiece: { qui: 'scol', ifMatch: { liste: 'offre/gestion/pieces', id: 4 } },
  uploadModelePiece: { qui: 'scol', ifMatch: { liste: 'offre/gestion/pieces', id: 4 } },
  createCampagne: { qui: 'admin' },
  updateCampagne: { qui: 'admin', ifMatch: 'offre/gestion/campagnes/2' },

  updateIdentite: { qui: 'DEMO0004', ifMatch: 'candidat/identite' },
  updateCoordonnees: { qui: 'DEMO0004', ifMatch: 'candidat/identite' },
  updateAdresse: { qui: 'DEMO0004', ifMatch: 'candidat/adresse' },
  updateBac: { qui: 'DEMO0004', ifMatch: 'candidat/bac' },
  createCursusExterne: { qui: 'DEMO0004' },
  updateCursusExterne: { qui: 'DEMO0004', ifMatch: 'candidat/cursus-externe/1' },
  createStage: { qui: 'DEMO0004' },
  updateStage: { qui: 'DEMO0004', ifMatch: 'candidat/stages/1' },
  createExperiencePro: { qui: 'DEMO0004' },
  updateExperiencePro: { qui: 'DEMO0004', ifMatch: 'candidat/experiences-pro/1' },
  createCandidature: { qui: 'DEMO0004' },
  uploadPiece: { qui: 'DEMO0001' },
  // Scolarité centrale gives a pièce for Élise Martin (her Caen L3 is dematerialised), then proposes to Lucas Bernard a
  // licence pro whose window is not open yet.
  uploadPieceForCandidat: { qui: 'scol' },
  createProposition: { qui: 'scol' },

  downloadDossiersCandidatures: { qui: 'gestionnaire' },
  updateStatutDossier: { qui: 'gestionnaire' },
  updateStatutPiece: { qui: 'gestionnaire' },
  updateStatutPieces: { qui: 'gestionnaire' },
  updateTypeTraitement: { qui: 'gestionnaire' },
  validateTypeTraitement: { qui: 'gestionnaire' },
  updateDates: { qui: 'gestionnaire' },
  updateDatesCandidatures: { qui: 'gestionnaire' },
  createTypeDecision: { qui: 'scol' },
  updateTypeDecision: { qui: 'scol', ifMatch: { liste: 'candidatures/types-decision', id: 4 } },
  createMotifAvis: { qui: 'admin' },
  updateMotifAvis: { qui: 'admin', ifMatch: { liste: 'candidatures/motifs-avis', id: 1 } },
  createAvis: { qui: 'commission' },
  validateAvis: { qui: 'gestionnaire' },
  createNote: { qui: 'commission' },
  createEtiquette: { qui: 'scol' },
  updateEtiquette: { qui: 'scol' },
  createEtiquettesCandidatures: { qui: 'gestionnaire' },
  updateEtablissementLettre: { qui: 'scol' },
  uploadImageEtablissementLettre: { qui: 'admin', image: true },
  updateTypeDiplomeLettre: { qui: 'scol' },
  updateCommissionLettre: { qui: 'scol' },
  uploadSignatureCommissionLettre: { qui: 'scol', image: true },
  createUtilisateur: { qui: 'admin' },
  updateUtilisateur: { qui: 'scol', ifMatch: 'admin/utilisateurs/5' },
  // After every mail the journey above follows: the example changes the activation mail's French text.
  previewModeleMail: { qui: 'scol' },
  updateModeleMail: { qui: 'scol' },

  // Last: the e-mail change closes DEMO0004's sessions until the new address is validated.
  updateEmail: { qui: 'DEMO0004' },
  validateEmail: { qui: 'anonyme', secret: { champ: 'token', source: (ctx) => tokenDuMail(ctx, 'lucas.bernard@nouveau.example') } },
  updateMotDePasse: { qui: 'DEMO0004', nouvelleSession: true },

  updateJob: { qui: 'admin' },
  // Erases a demo candidate, and then the maintenance closes the candidates' space: both after every other step.
  deleteCandidat: { qui: 'scol' },
  updateMaintenance: { qui: 'admin' },
};

interface Operation {
  operationId: string;
  parameters?: { in: string; name: string; example?: unknown }[];
  requestBody?: { content: Record<string, { example?: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { examples?: Record<string, Exemple | { $ref: string }> }> }>;
}

type Exemple = { value: { status: number; code: string } };

describe('The examples of openapi.json, executed against the demo data', () => {
  const ctx = {} as Contexte;
  const operations = new Map<string, Operation & { method: string; path: string }>();
  const sessions = new Map<Qui, string>();
  let composants: Record<string, Exemple> = {};

  beforeAll(async () => {
    ctx.smtp = await SmtpCapture.start();
    ctx.cas = await CasTestServer.start();
    // A fixed day, as the README's first command run on it: the demo's dates are relative to the day it is loaded.
    const clock = new TestClock();
    clock.set('2026-12-01T10:00:00Z');
    ctx.t = await startTestApp(
      { DEMO_DATA: 'true', MAIL_TRANSPORT: 'smtp', SMTP_URL: ctx.smtp.url, CAS_ENABLED: 'true', CAS_URL: ctx.cas.url, API_PUBLIC_URL: SERVICE_BASE },
      { clock, empty: true },
    );
    const document = (await request(ctx.t.http).get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Operation>>; components: { examples: Record<string, Exemple> } };
    composants = document.components.examples;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) operations.set(op.operationId, { ...op, method, path });
    }
  });
  afterAll(async () => {
    await ctx.t.close();
    await ctx.smtp.stop();
    await ctx.cas.stop();
  });

  async function session(qui: Qui, nouvelle = false): Promise<string | undefined> {
    if (qui === 'anonyme') return undefined;
    if (nouvelle || !sessions.has(qui)) {
      const password = qui.startsWith('DEMO') ? DEMO_CANDIDAT_PASSWORD : DEMO_STAFF.find((s) => s.login === qui)?.password;
      const res = await request(ctx.t.http).post('/api/auth/login').send({ login: qui, password });
      expect({ qui, status: res.status }).toEqual({ qui, status: 200 });
      sessions.set(qui, res.body.token);
    }
    return sessions.get(qui);
  }

  async function ifMatch(source: Etape['ifMatch'], token: string | undefined): Promise<string | undefined> {
    if (!source) return undefined;
    const auth = { Authorization: `Bearer ${token}` };
    if (typeof source === 'string') return (await request(ctx.t.http).get(`/api/${source}`).set(auth).expect(200)).headers.etag;
    const liste = (await request(ctx.t.http).get(`/api/${source.liste}?limit=200`).set(auth).expect(200)).body;
    const ligne = (Array.isArray(liste) ? liste : liste.items).find((x: { id: number }) => x.id === source.id);
    return `"${ligne.version}"`;
  }

  it('every operation that takes a body has a request example and a step here', () => {
    const avecCorps = [...operations.values()].filter((op) => op.requestBody).map((op) => op.operationId);
    const sansExemple = [...operations.values()].filter((op) => op.requestBody?.content['application/json'] && !op.requestBody.content['application/json'].example).map((op) => op.operationId);
    expect(sansExemple).toEqual([]);
    expect(avecCorps.sort()).toEqual(Object.keys(ETAPES).sort());
  });

  it.each(Object.entries(ETAPES))('%s: its example answers the documented success status', async (operationId, etape) => {
    const op = operations.get(operationId);
    if (!op) throw new Error(`${operationId} n'est pas dans le contrat`);
    const succes = Number(Object.keys(op.responses).find((s) => s.startsWith('2')));
    let path = op.path;
    for (const p of (op.parameters ?? []).filter((x) => x.in === 'path')) {
      if (p.example === undefined) throw new Error(`${operationId} : le paramètre {${p.name}} n'a pas d'exemple`);
      path = path.replace(`{${p.name}}`, String(p.example));
    }
    const token = await session(etape.qui, etape.nouvelleSession);
    const req = request(ctx.t.http)[op.method as 'get' | 'post' | 'put' | 'delete'](path);
    if (token) req.set({ Authorization: `Bearer ${token}` });
    const version = await ifMatch(etape.ifMatch, token);
    if (version) req.set('If-Match', version);
    const json = op.requestBody?.content['application/json'];
    let res: request.Response;
    if (json) {
      const body = { ...json.example };
      if (etape.secret) body[etape.secret.champ] = await etape.secret.source(ctx);
      res = await req.send(body);
    } else {
      // A multipart example is a file: the console asks for one; here a one-page PDF, or a PNG where only images go.
      res = etape.image
        ? await req.attach('fichier', png(120, 40), { filename: 'exemple.png', contentType: 'image/png' })
        : await req.attach('fichier', await pdfDePages('exemple', 1), { filename: 'exemple.pdf', contentType: 'application/pdf' });
    }
    expect({ operationId, status: res.status, probleme: res.status >= 400 ? res.body : undefined }).toEqual({ operationId, status: succes, probleme: undefined });
  });

  it('every documented error response has its own example: that status, and a code the code base answers', () => {
    // The codes the services, guards and filter can answer: string literals outside the contract's own decorators.
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : []));
    const repondus = new Set(
      sources(join(__dirname, '..', 'src'))
        .filter((f) => !f.includes(join('common', 'api')) && !f.endsWith('.controller.ts'))
        .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'([A-Z][A-Z_]{3,})'/g)].map((m) => m[1])),
    );
    for (const op of operations.values()) {
      for (const [status, response] of Object.entries(op.responses).filter(([s]) => Number(s) >= 400)) {
        const examples = Object.values(response.content?.['application/problem+json']?.examples ?? {}).map((e) => ('$ref' in e ? composants[e.$ref.split('/').pop() as string] : e));
        expect({ op: op.operationId, status, exemples: examples.length > 0 }).toEqual({ op: op.operationId, status, exemples: true });
        for (const { value } of examples) {
          expect({ op: op.operationId, status: value.status, code: value.code, repondu: repondus.has(value.code) }).toEqual({ op: op.operationId, status: Number(status), code: value.code, repondu: true });
        }
      }
    }
  });
});
