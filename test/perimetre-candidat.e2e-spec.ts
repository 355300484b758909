import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Candidature, StatutDossier } from '../src/candidature/entities/candidature.entity';
import { Role } from '../src/common/auth/roles';
import { JobsService } from '../src/jobs/jobs.service';
import { STAFF_PASSWORD, createCampagne, createStaff } from './support/factories';
import { api, bearer } from './support/api';
import { creerOffre } from './support/offre';
import { candidatComplet, login } from './support/parcours';
import { pdfText } from './support/pdf-text';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

/**
 * « Leak nothing », systematically: every candidate operation on one candidature (the OpenAPI document's paths under
 * /api/candidat/candidatures/{id}) is called by another candidate on the owner's candidature, and by a member of
 * staff. The intruder gets the 404 of a candidature that does not exist (the services' `owned`), staff the role
 * guard's 403; no answer names the owner, and nothing changes. The same table run by the owner answers 2xx: the
 * requests are well formed, the refusals are the ownership. The test fails when an operation of the document is
 * missing from the table, or when the table names one that no longer exists.
 */

type Methode = 'get' | 'post' | 'put' | 'delete' | 'patch';

const NOW = '2026-11-20T10:00:00Z';
// The formations take the default calendar (datesOuvertes), which has no datePublication: a validated avis is
// published (and the decision visible to the candidate) at once.
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 'x'), Buffer.from('\n%%EOF\n')]);
const ADRESSE = { ligne1: '1 rue du Périmètre', codePostal: '45000', commune: '45234', pays: 'FR' };
/** The owner's file name: in their answers, never in anyone else's */
const FICHIER_A = 'attestation-confidentielle-qzx.pdf';

/** A candidature the table's requests name, and the pièces of its formation. */
interface Cible {
  id: number;
  /** The normal pièce (CV), with a file uploaded */
  cv: number;
  /** The conditional pièce */
  conditionnelle: number;
}

/** What an answer of the owner may show of them; an intruder's or staff's answer shows none of it. */
type Trace = 'numero' | 'email' | 'nom' | 'fichier';

interface Operation {
  method: Methode;
  /** The path as the OpenAPI document spells it; `{param}` are filled from `params` */
  path: string;
  params: (c: Cible) => Record<string, string | number>;
  /** multipart/form-data with the file in `fichier` (the document says so too) */
  upload?: boolean;
  /**
   * Which of the owner's candidatures the owner's call is on: the main one (transmissible, favourable avis) by
   * default; `annulable` is a fresh one, en attente and without avis, the only kind that may be cancelled.
   */
  cible?: 'principale' | 'annulable';
  /** What the owner gets */
  proprietaire: number;
  /** What the owner's answer shows of them: the leak detector does see these when they are there */
  montre?: Trace[];
}

/**
 * Every candidate operation on one candidature, keyed by operationId, in the order the owner runs them: reads
 * first, then the changes, each leaving what the next one needs (the file is withdrawn then uploaded again, the
 * conditional pièce declared « non concerné », the candidature transmitted, the decision confirmed, then withdrawn).
 */
const OPERATIONS: Record<string, Operation> = {
  getOwnCandidature: { method: 'get', path: '/api/candidat/candidatures/{id}', params: (c) => ({ id: c.id }), proprietaire: 200, montre: ['numero', 'fichier'] },
  downloadOwnPiece: { method: 'get', path: '/api/candidat/candidatures/{id}/pieces/{pieceId}/fichier', params: (c) => ({ id: c.id, pieceId: c.cv }), proprietaire: 200, montre: ['fichier'] },
  // The PDF names the uploaded files it joins after its summary (or could not join).
  downloadOwnDossierCandidature: { method: 'get', path: '/api/candidat/candidatures/{id}/dossier.pdf', params: (c) => ({ id: c.id }), proprietaire: 200, montre: ['numero', 'email', 'nom', 'fichier'] },
  downloadOwnLettre: { method: 'get', path: '/api/candidat/candidatures/{id}/lettre.pdf', params: (c) => ({ id: c.id }), proprietaire: 200, montre: ['numero', 'nom'] },
  declarePieceNonConcernee: { method: 'put', path: '/api/candidat/candidatures/{id}/pieces/{pieceId}/non-concerne', params: (c) => ({ id: c.id, pieceId: c.conditionnelle }), proprietaire: 200, montre: ['numero', 'fichier'] },
  // The file withdrawn, its name is no longer in the récapitulatif.
  deletePiece: { method: 'delete', path: '/api/candidat/candidatures/{id}/pieces/{pieceId}', params: (c) => ({ id: c.id, pieceId: c.cv }), proprietaire: 200, montre: ['numero'] },
  uploadPiece: { method: 'put', path: '/api/candidat/candidatures/{id}/pieces/{pieceId}/fichier', params: (c) => ({ id: c.id, pieceId: c.cv }), upload: true, proprietaire: 200, montre: ['numero', 'fichier'] },
  transmitCandidature: { method: 'post', path: '/api/candidat/candidatures/{id}/transmission', params: (c) => ({ id: c.id }), proprietaire: 200, montre: ['numero', 'fichier'] },
  confirmCandidature: { method: 'post', path: '/api/candidat/candidatures/{id}/confirmation', params: (c) => ({ id: c.id }), proprietaire: 200, montre: ['numero', 'fichier'] },
  withdrawCandidature: { method: 'post', path: '/api/candidat/candidatures/{id}/desistement', params: (c) => ({ id: c.id }), proprietaire: 200, montre: ['numero', 'fichier'] },
  // The main candidature has an avis: cancelling it is a 422 (ANNULATION_IMPOSSIBLE); the fresh one may be cancelled.
  cancelCandidature: { method: 'post', path: '/api/candidat/candidatures/{id}/annulation', params: (c) => ({ id: c.id }), cible: 'annulable', proprietaire: 200, montre: ['numero'] },
};

/** The candidate's operations on one candidature; the list and the application (no {id}) are not about one. */
const DU_PERIMETRE = (path: string) => path.startsWith('/api/candidat/candidatures/{id}');
const METHODES: readonly string[] = ['get', 'post', 'put', 'delete', 'patch'];

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  (res as unknown as NodeJS.ReadableStream).on('data', (d: Buffer) => chunks.push(d)).on('end', () => cb(null, Buffer.concat(chunks)));
};

interface Reponse {
  status: number;
  /** The body as text (a PDF's text), with the headers: a file name travels in Content-Disposition */
  texte: string;
  problem: { code?: string; title?: string; detail?: string } | null;
}

/** Every regular file under a folder, temporary ones included. */
const fichiers = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? fichiers(join(dir, e.name)) : [join(dir, e.name)]));

describe('Ownership of the candidate operations on one candidature: another candidate gets a 404 on every route, staff a 403', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let storageDir: string;
  const tokens = {} as Record<'scol' | 'gestionnaire' | 'A' | 'B', string>;
  /** The owner's two candidatures */
  const cibles = {} as Record<'principale' | 'annulable', Cible>;
  /** The intruder's own candidature, in the same formation, with its own file and favourable avis */
  let propre: Cible;
  /** A candidature id nobody has */
  let inexistante: Cible;
  let traces: { numero: string; email: string; nom: RegExp; fichier: string };
  let avant: Awaited<ReturnType<typeof etat>>;

  const scol = (path: string, body: Record<string, unknown>) => api(t, tokens.scol).post(`offre/gestion/${path}`, body).expect(201);

  /** The table's request of an operation, on a candidature, with a token. */
  async function appeler(token: string, operationId: string, cible: Cible): Promise<Reponse> {
    const op = OPERATIONS[operationId];
    const params = op.params(cible);
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (params[name] === undefined) throw new Error(`${operationId} : le tableau ne remplit pas le paramètre {${name}}`);
      return encodeURIComponent(String(params[name]));
    });
    let req = request(t.http)[op.method](path).set(bearer(token));
    if (op.upload) req = req.attach('fichier', PDF, token === tokens.A ? FICHIER_A : 'piece-deposee.pdf');
    const res = await req.buffer(true).parse(binary);
    const bytes = res.body as Buffer;
    const type = String(res.headers['content-type'] ?? '');
    let corps = bytes.toString('utf8');
    let problem: Reponse['problem'] = null;
    if (/json/.test(type) && bytes.length > 0) {
      const json = JSON.parse(corps) as Record<string, unknown>;
      if (type.startsWith('application/problem+json')) problem = json as Reponse['problem'];
      // The problem's `instance` is the request's path: the id the caller sent, nothing more.
      corps = JSON.stringify({ ...json, instance: undefined });
    } else if (type.startsWith('application/pdf')) {
      // The pièces uploaded here are the minimal PDF above, without any page: its bytes are its text.
      if (!bytes.equals(PDF)) corps = await pdfText(bytes);
    }
    return { status: res.status, texte: `${JSON.stringify(res.headers)}\n${corps}`, problem };
  }

  const fuite = (texte: string): Record<Trace, boolean> => ({
    numero: texte.includes(traces.numero),
    email: texte.toLowerCase().includes(traces.email.toLowerCase()),
    nom: traces.nom.test(texte),
    fichier: texte.includes(FICHIER_A),
  });
  const AUCUNE_FUITE: Record<Trace, boolean> = { numero: false, email: false, nom: false, fichier: false };

  /** The rows these operations change, the mails sent (after sending the outbox), the stored files. */
  async function etat() {
    await t.app.get(JobsService).trigger('envoi-mails');
    const rows = async (table: string, ordre = 'id') => t.dataSource.query(`SELECT * FROM ${table} ORDER BY ${ordre}`);
    return {
      candidature: await rows('candidature'),
      piece_candidature: await rows('piece_candidature'),
      avis: await rows('avis'),
      opi: await rows('opi', 'candidature_id'),
      mail_outbox: await rows('mail_outbox'),
      mails: smtp.messages.map((m) => ({ to: m.to, subject: m.subject, text: m.text })),
      fichiers: fichiers(storageDir).sort(),
    };
  }

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    storageDir = mkdtempSync(join(tmpdir(), 'perimetre-candidat-'));
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, STORAGE_DIR: storageDir, THROTTLE_IP_PER_MINUTE: '100000', THROTTLE_ACCOUNT_PER_15_MIN: '1000' });
    t.clock.set(NOW);
    const campagne = await createCampagne(t);
    // One login each: argon2 makes logins the slow part.
    await createStaff(t, [Role.SCOL_CENTRALE], 'scol.proprio');
    tokens.scol = await login(t, 'scol.proprio', STAFF_PASSWORD);
    // The gestionnaire of the very centre: in scope of both candidatures, yet not a candidate.
    await createStaff(t, [Role.GESTIONNAIRE], 'gest.proprio', { centres: ['CENTRE-P'] });
    tokens.gestionnaire = await login(t, 'gest.proprio', STAFF_PASSWORD);

    const offre = await creerOffre(t, tokens.scol, {
      centre: { code: 'CENTRE-P', libelle: 'Centre P' },
      commission: { code: 'COM-P', libelle: 'Commission P', adresse: ADRESSE, signataire: 'La présidente', alerte: true, email: 'commission-p@univ.test', lettresTelechargeables: true },
    });
    const centreId = offre.centreId;
    const formation = (code: string) => offre.formation({ code, libelle: `Master ${code}` });
    const formationId = await formation('M1-PROPRIO');
    const autreFormationId = await formation('M1-PROPRIO-BIS');
    const formationIds = [formationId, autreFormationId];
    const cv = (await scol('pieces', { code: 'CV-P', libelle: 'Curriculum vitae', commun: false, conditionnel: false, ordre: 1, centreId, formationIds })).body.id as number;
    const conditionnelle = (await scol('pieces', { code: 'B2-P', libelle: 'Attestation de niveau B2', commun: false, conditionnel: true, ordre: 2, centreId, formationIds })).body.id as number;

    const candidater = async (token: string, id: number) => (await request(t.http).post('/api/candidat/candidatures').set(bearer(token)).send({ formationId: id }).expect(201)).body.id as number;
    const deposer = (token: string, id: number, nom: string) => request(t.http).put(`/api/candidat/candidatures/${id}/pieces/${cv}/fichier`).set(bearer(token)).attach('fichier', PDF, nom).expect(200);

    // A, the owner: a candidature with a file and a validated favourable avis, and a fresh one en attente.
    const a = await candidatComplet(t, campagne, 'Proprietairequinze', 'Zelie');
    tokens.A = a.token;
    traces = { numero: a.numero, email: a.email, nom: /proprietairequinze/i, fichier: FICHIER_A };
    cibles.principale = { id: await candidater(a.token, formationId), cv, conditionnelle };
    await deposer(a.token, cibles.principale.id, FICHIER_A);
    cibles.annulable = { id: await candidater(a.token, autreFormationId), cv, conditionnelle };

    // B, the intruder: a real candidate of the same formation, with the same kinds of objects (file, avis).
    const b = await candidatComplet(t, campagne, 'Intrusvingt', 'Basile');
    tokens.B = b.token;
    propre = { id: await candidater(b.token, formationId), cv, conditionnelle };
    await deposer(b.token, propre.id, 'cv-intrus.pdf');

    const candidatureIds = [cibles.principale.id, propre.id];
    await request(t.http).post('/api/candidatures/avis').set(bearer(tokens.scol)).send({ candidatureIds, type: 'FA' }).expect(201);
    await request(t.http).post('/api/candidatures/avis/validation').set(bearer(tokens.scol)).send({ candidatureIds }).expect(200);
    inexistante = { id: 999_999, cv, conditionnelle };

    avant = await etat();
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  it('the table names every candidate operation on one candidature of the OpenAPI document, and only those', async () => {
    type Op = { operationId?: string; requestBody?: { content?: Record<string, unknown> } };
    const document = (await request(t.http).get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Op>> };
    const duDocument = Object.entries(document.paths)
      .filter(([path]) => DU_PERIMETRE(path))
      .flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => METHODES.includes(method))
          .map(([method, op]) => ({ operationId: op.operationId ?? `${method.toUpperCase()} ${path} (sans operationId)`, method, path, upload: Boolean(op.requestBody?.content?.['multipart/form-data']) })),
      )
      .sort((x, y) => x.operationId.localeCompare(y.operationId));
    const duTableau = Object.entries(OPERATIONS)
      .map(([operationId, op]) => ({ operationId, method: op.method as string, path: op.path, upload: op.upload === true }))
      .sort((x, y) => x.operationId.localeCompare(y.operationId));
    const manquantes = duDocument.filter((d) => !OPERATIONS[d.operationId]).map((d) => `${d.operationId} (${d.method.toUpperCase()} ${d.path})`);
    const disparues = duTableau.filter((o) => !duDocument.some((d) => d.operationId === o.operationId)).map((o) => o.operationId);
    expect({ 'absentes du tableau (à y ajouter)': manquantes, 'du tableau mais plus dans le document': disparues }).toEqual({ 'absentes du tableau (à y ajouter)': [], 'du tableau mais plus dans le document': [] });
    // The same method, path and body kind: a route moved or changed is a route to look at again.
    expect(duTableau).toEqual(duDocument);
    expect(duDocument.length).toBeGreaterThanOrEqual(11);
  });

  it("the intruder is a real candidate: the table's reads answer 200 on their own candidature", async () => {
    for (const operationId of Object.keys(OPERATIONS).filter((id) => OPERATIONS[id].method === 'get')) {
      const { status, texte } = await appeler(tokens.B, operationId, propre);
      expect({ operationId, status, fuite: fuite(texte) }).toEqual({ operationId, status: 200, fuite: AUCUNE_FUITE });
    }
  });

  const intrusions = (['principale', 'annulable'] as const).flatMap((cible) => Object.keys(OPERATIONS).map((operationId) => ({ cible, operationId })));

  it.each(intrusions)("intruder → $operationId on the owner's $cible candidature: 404 as if it did not exist, nothing of the owner", async ({ cible, operationId }) => {
    const res = await appeler(tokens.B, operationId, cibles[cible]);
    const absente = await appeler(tokens.B, operationId, inexistante);
    const vu = (r: Reponse) => ({ status: r.status, code: r.problem?.code, title: r.problem?.title, detail: r.problem?.detail });
    expect({ operationId, cible, ...vu(res) }).toEqual({ operationId, cible, ...vu(absente), status: 404, code: 'CANDIDATURE_INTROUVABLE' });
    expect({ operationId, cible, fuite: fuite(res.texte) }).toEqual({ operationId, cible, fuite: AUCUNE_FUITE });
  });

  it.each(intrusions)("gestionnaire of the centre → $operationId on the owner's $cible candidature: 403 (candidates' route), nothing of the owner", async ({ cible, operationId }) => {
    const res = await appeler(tokens.gestionnaire, operationId, cibles[cible]);
    expect({ operationId, cible, status: res.status }).toEqual({ operationId, cible, status: 403 });
    expect({ operationId, cible, fuite: fuite(res.texte) }).toEqual({ operationId, cible, fuite: AUCUNE_FUITE });
  });

  it('after the intruder and staff, nothing changed: candidatures, pièces, avis, OPI, outbox, mails sent, stored files', async () => {
    // Not a comparison of empty sets: the fixture's pièces, avis and files are there, and its mails were sent.
    expect({
      candidatures: avant.candidature.length,
      pieces: avant.piece_candidature.length,
      avis: avant.avis.length,
      mails: avant.mails.length > 0,
      fichiers: avant.fichiers.filter((f) => !f.includes(`${join(storageDir, 'tmp')}`)).length,
    }).toEqual({ candidatures: 3, pieces: 2, avis: 2, mails: true, fichiers: 2 });
    expect(await etat()).toEqual(avant);
  });

  const controle = Object.keys(OPERATIONS);

  it.each(controle)("positive control: the owner → %s on their candidature answers as the table says, showing what is theirs", async (operationId) => {
    const op = OPERATIONS[operationId];
    const res = await appeler(tokens.A, operationId, cibles[op.cible ?? 'principale']);
    expect({ operationId, status: res.status, detail: res.status === op.proprietaire ? undefined : res.problem?.detail }).toEqual({ operationId, status: op.proprietaire, detail: undefined });
    // The leak detector sees the owner's traces in the owner's answers: their absence elsewhere means something.
    const montre = Object.fromEntries((op.montre ?? []).map((trace) => [trace, true]));
    expect({ operationId, fuite: fuite(res.texte) }).toEqual({ operationId, fuite: { ...AUCUNE_FUITE, ...montre } });
  });

  it("the owner's calls did what the intruder's could not: transmitted, confirmed then withdrawn, cancelled", async () => {
    const repo = t.dataSource.getRepository(Candidature);
    expect(await repo.findOneByOrFail({ id: cibles.principale.id })).toMatchObject({ statutDossier: StatutDossier.RE, acceptee: false, acceptePar: traces.numero, codeOpi: expect.any(String) });
    expect(await repo.findOneByOrFail({ id: cibles.annulable.id })).toMatchObject({ nonAnnulee: null, annuleePar: traces.numero });
    // The intruder's own candidature is as it was.
    const apres = await etat();
    const ligne = (rows: { id: number }[]) => rows.find((r) => Number(r.id) === propre.id);
    expect(ligne(apres.candidature)).toEqual(ligne(avant.candidature));
    expect(apres.mails.length).toBeGreaterThan(avant.mails.length);
  });
});
