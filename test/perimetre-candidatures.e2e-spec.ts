import { Workbook } from 'exceljs';
import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { CATALOGUE } from '../src/commission/liste/colonnes-export';
import { JobsService } from '../src/jobs/jobs.service';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { createCampagne } from './support/factories';
import { api, bearer } from './support/api';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { pdfText } from './support/pdf-text';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

/**
 * One systematic scope test over every staff operation on candidatures (acceptance of the issue: « a gestionnaire of
 * another centre and a member of another commission get 403/404 on every route of this module »). The operations are
 * read from the app's OpenAPI document; the table below says how to call each one on the target candidature, and the
 * test fails when an operation of the module is missing from it or when it names one that no longer exists.
 */

type Body = Record<string, unknown>;
type Methode = 'get' | 'post' | 'put' | 'delete' | 'patch';

const NOW = '2026-11-20T10:00:00Z';
const DATES = { dateDebutCandidature: '2026-11-15', dateFinCandidature: '2027-03-31', dateRetour: '2027-04-10', dateJury: '2027-04-12', dateConfirmation: '2027-04-20' };
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 'x'), Buffer.from('\n%%EOF\n')]);
const ADRESSE = { ligne1: '1 rue du Périmètre', codePostal: '45000', commune: '45234', pays: 'FR' };

/** What the table's requests are filled with: the target candidature of centre A, its pièce, its candidate. */
interface Cible {
  id: number;
  pieceId: number;
  numeroDossier: string;
  /** The bloc-notes entry the gestionnaire of centre A wrote */
  noteId: number;
  /** Another formation of centre A, for a proposition to the target candidate */
  formationId: number;
  /** A label of the institution, which every gestionnaire uses */
  etiquetteId: number;
}

/**
 * - `candidature`: about the target candidature; outsiders get 403 or 404.
 * - `liste`: lists and exports of the caller's scope; outsiders get 200 without the target (and with their own
 *   centre's candidature, so the absence is not an empty answer), insiders 200 with it.
 * - `sans-candidature`: not about any candidature (a referential); 200 for everyone, no candidature data in it.
 */
type Portee = 'candidature' | 'liste' | 'sans-candidature';

interface Operation {
  method: Methode;
  /** The path as the OpenAPI document spells it; `{param}` are filled from `params` */
  path: string;
  portee: Portee;
  /** Names several candidatures in its body: a 4xx naming the target as not found / out of scope is a refusal too */
  bulk?: boolean;
  params?: (c: Cible) => Record<string, string | number>;
  query?: (c: Cible) => Record<string, string>;
  body?: (c: Cible) => Body;
  /** Sends the fixture's PDF as the multipart `fichier` */
  fichier?: boolean;
  /** What the gestionnaire of B who sits on commission A gets, when not the 404 of a candidature they do not manage */
  double?: number;
  /** What the insiders get: the gestionnaire of centre A, the member of commission A */
  gestionnaire: number;
  membre: number;
}

/**
 * Every staff operation on candidatures, keyed by operationId, in the order the insiders run them: reads first, then
 * the changes, each leaving what the next one needs (the avis entered is deleted, the fixture's avis validated last).
 */
const OPERATIONS: Record<string, Operation> = {
  listMotifsAvis: { method: 'get', path: '/api/candidatures/motifs-avis', portee: 'sans-candidature', gestionnaire: 200, membre: 200 },
  listTypesDecision: { method: 'get', path: '/api/candidatures/types-decision', portee: 'sans-candidature', gestionnaire: 200, membre: 200 },
  listCandidatures: { method: 'get', path: '/api/candidatures', portee: 'liste', query: () => ({ limit: '100', sort: 'numeroDossier' }), gestionnaire: 200, membre: 200 },
  exportCandidaturesCsv: { method: 'get', path: '/api/candidatures/export.csv', portee: 'liste', gestionnaire: 200, membre: 200 },
  // With every column of the catalogue (the CSV has the default ones): address, bac, cursus, bloc-notes hold to the scope too.
  exportCandidaturesXlsx: { method: 'get', path: '/api/candidatures/export.xlsx', portee: 'liste', query: () => ({ colonnes: CATALOGUE.map((c) => c.code).join(',') }), gestionnaire: 200, membre: 200 },
  listColonnesExport: { method: 'get', path: '/api/candidatures/export/colonnes', portee: 'sans-candidature', gestionnaire: 200, membre: 200 },
  // The search of accounts: gestionnaires find the candidates of their centres; commission members do not search (403).
  listCandidats: { method: 'get', path: '/api/candidats', portee: 'liste', query: () => ({ limit: '200' }), gestionnaire: 200, membre: 403 },
  getDossierCandidat: { method: 'get', path: '/api/candidats/{numeroDossier}/dossier', portee: 'candidature', params: (c) => ({ numeroDossier: c.numeroDossier }), gestionnaire: 200, membre: 200 },
  // A candidate's data export and erasure (RGPD) are the institution's: gestionnaires and members get 403, in scope or not.
  getDonneesCandidat: { method: 'get', path: '/api/candidats/{numeroDossier}/donnees', portee: 'candidature', params: (c) => ({ numeroDossier: c.numeroDossier }), gestionnaire: 403, membre: 403 },
  deleteCandidat: { method: 'post', path: '/api/candidats/{numeroDossier}/effacement', portee: 'candidature', params: (c) => ({ numeroDossier: c.numeroDossier }), body: () => ({ exportPropose: true }), gestionnaire: 403, membre: 403 },
  getCandidature: { method: 'get', path: '/api/candidatures/{id}', portee: 'candidature', params: (c) => ({ id: c.id }), gestionnaire: 200, membre: 200 },
  downloadDossierCandidature: { method: 'get', path: '/api/candidatures/{id}/dossier.pdf', portee: 'candidature', params: (c) => ({ id: c.id }), gestionnaire: 200, membre: 200 },
  // The fixture's avis is favourable: the letter staff preview before validating it.
  downloadLettre: { method: 'get', path: '/api/candidatures/{id}/lettre.pdf', portee: 'candidature', params: (c) => ({ id: c.id }), gestionnaire: 200, membre: 200 },
  downloadPiece: { method: 'get', path: '/api/candidatures/{id}/pieces/{pieceId}/fichier', portee: 'candidature', params: (c) => ({ id: c.id, pieceId: c.pieceId }), gestionnaire: 200, membre: 200 },
  downloadDossiersCandidatures: { method: 'post', path: '/api/candidatures/dossiers.zip', portee: 'candidature', bulk: true, body: (c) => ({ candidatureIds: [c.id] }), gestionnaire: 200, membre: 200 },
  listAvis: { method: 'get', path: '/api/candidatures/{id}/avis', portee: 'candidature', params: (c) => ({ id: c.id }), gestionnaire: 200, membre: 200 },
  // Acting for the candidate (gestionnaires only). The target is transmitted: its pièces are no longer the candidate's to change, staff's neither.
  uploadPieceForCandidat: { method: 'put', path: '/api/candidatures/{id}/pieces/{pieceId}/fichier', portee: 'candidature', params: (c) => ({ id: c.id, pieceId: c.pieceId }), fichier: true, gestionnaire: 422, membre: 403 },
  declarePieceNonConcerneeForCandidat: { method: 'put', path: '/api/candidatures/{id}/pieces/{pieceId}/non-concerne', portee: 'candidature', params: (c) => ({ id: c.id, pieceId: c.pieceId }), gestionnaire: 422, membre: 403 },
  // Not cancelled: nothing to restore.
  restoreCandidature: { method: 'post', path: '/api/candidatures/{id}/restauration', portee: 'candidature', params: (c) => ({ id: c.id }), gestionnaire: 422, membre: 403 },
  // A proposition names a formation, not a candidature: out of the formation's centre is 403, for the gestionnaire elsewhere too.
  createProposition: { method: 'post', path: '/api/candidatures/propositions', portee: 'candidature', body: (c) => ({ numeroDossier: c.numeroDossier, formationId: c.formationId }), gestionnaire: 201, membre: 403, double: 403 },
  listNotes: { method: 'get', path: '/api/candidatures/{id}/notes', portee: 'candidature', params: (c) => ({ id: c.id }), gestionnaire: 200, membre: 200 },
  createNote: { method: 'post', path: '/api/candidatures/{id}/notes', portee: 'candidature', params: (c) => ({ id: c.id }), body: () => ({ message: 'Note du balayage de périmètre.' }), gestionnaire: 201, membre: 201 },
  // Only its author deletes a note: the gestionnaire's, not the member's (who reads it, as the one elsewhere who sits on commission A).
  deleteNote: { method: 'delete', path: '/api/candidatures/{id}/notes/{noteId}', portee: 'candidature', params: (c) => ({ id: c.id, noteId: c.noteId }), gestionnaire: 204, membre: 403, double: 403 },
  // Commission members enter avis and may delete the latest unvalidated one (AccesCandidatures.agir 'saisie').
  createAvis: { method: 'post', path: '/api/candidatures/avis', portee: 'candidature', bulk: true, body: (c) => ({ candidatureIds: [c.id], type: 'PR', preselectionDate: '2027-05-02', preselectionHeure: '09:30', preselectionLieu: 'Amphi B' }), gestionnaire: 201, membre: 201 },
  deleteDernierAvis: { method: 'delete', path: '/api/candidatures/{id}/avis/dernier', portee: 'candidature', params: (c) => ({ id: c.id }), gestionnaire: 204, membre: 204 },
  // Statuts, pièce checks, type de traitement and validations are the gestionnaires' (auth.e2e-spec allowed()): members get 403.
  updateStatutDossier: { method: 'post', path: '/api/candidatures/statut-dossier', portee: 'candidature', bulk: true, body: (c) => ({ candidatureIds: [c.id], statut: 'RE' }), gestionnaire: 200, membre: 403 },
  updateStatutPiece: { method: 'put', path: '/api/candidatures/{id}/pieces/{pieceId}/statut', portee: 'candidature', params: (c) => ({ id: c.id, pieceId: c.pieceId }), body: () => ({ statut: 'VA' }), gestionnaire: 200, membre: 403 },
  updateStatutPieces: { method: 'post', path: '/api/candidatures/pieces/statut', portee: 'candidature', bulk: true, body: (c) => ({ items: [{ candidatureId: c.id, pieceId: c.pieceId }], statut: 'RE', commentaire: 'Illisible.' }), gestionnaire: 200, membre: 403 },
  updateTypeTraitement: { method: 'post', path: '/api/candidatures/type-traitement', portee: 'candidature', bulk: true, body: (c) => ({ candidatureIds: [c.id], typeTraitement: 'AT' }), gestionnaire: 200, membre: 403 },
  validateTypeTraitement: { method: 'post', path: '/api/candidatures/type-traitement/validation', portee: 'candidature', bulk: true, body: (c) => ({ candidatureIds: [c.id] }), gestionnaire: 200, membre: 403 },
  // Deadlines of one candidature: later than today, the return one later than the formation's (DATES.dateRetour).
  updateDates: { method: 'put', path: '/api/candidatures/{id}/dates', portee: 'candidature', params: (c) => ({ id: c.id }), body: () => ({ dateConfirmation: '2027-05-30', dateRetour: '2027-04-30' }), gestionnaire: 200, membre: 403 },
  updateDatesCandidatures: { method: 'put', path: '/api/candidatures/dates', portee: 'candidature', bulk: true, body: (c) => ({ candidatureIds: [c.id], dateConfirmation: '2027-05-30', dateRetour: '2027-04-30' }), gestionnaire: 200, membre: 403 },
  // Labels are put and taken off by gestionnaires, like statuts: members get 403.
  createEtiquettesCandidatures: { method: 'post', path: '/api/candidatures/etiquettes', portee: 'candidature', bulk: true, body: (c) => ({ candidatureIds: [c.id], etiquetteId: c.etiquetteId }), gestionnaire: 200, membre: 403 },
  createEtiquetteCandidature: { method: 'put', path: '/api/candidatures/{id}/etiquettes/{etiquetteId}', portee: 'candidature', params: (c) => ({ id: c.id, etiquetteId: c.etiquetteId }), gestionnaire: 204, membre: 403 },
  deleteEtiquetteCandidature: { method: 'delete', path: '/api/candidatures/{id}/etiquettes/{etiquetteId}', portee: 'candidature', params: (c) => ({ id: c.id, etiquetteId: c.etiquetteId }), gestionnaire: 204, membre: 403 },
  // Last: once the avis is validated, deleting it or changing the type de traitement is refused (422).
  validateAvis: { method: 'post', path: '/api/candidatures/avis/validation', portee: 'candidature', bulk: true, body: (c) => ({ candidatureIds: [c.id] }), gestionnaire: 200, membre: 403 },
  // Once the favourable avis is validated, the gestionnaire answers it for the candidate: confirms, then withdraws.
  confirmCandidatureForCandidat: { method: 'post', path: '/api/candidatures/{id}/confirmation', portee: 'candidature', params: (c) => ({ id: c.id }), gestionnaire: 200, membre: 403 },
  withdrawCandidatureForCandidat: { method: 'post', path: '/api/candidatures/{id}/desistement', portee: 'candidature', params: (c) => ({ id: c.id }), gestionnaire: 200, membre: 403 },
};

/** The operations of the module in the document: the staff's candidatures, and the staff reading a candidate's file. */
const DU_MODULE = (path: string) => path.startsWith('/api/candidatures') || path === '/api/candidats' || path.startsWith('/api/candidats/');
const METHODES: readonly string[] = ['get', 'post', 'put', 'delete', 'patch'];

const OUTSIDERS = ['gestionnaire du centre B', 'membre de la commission B'] as const;
const INSIDERS = ['membre de la commission A', 'gestionnaire du centre A'] as const;
/** Gestionnaire of centre B and member of commission A: reads and gives avis on A's candidatures, manages none of them. */
const DOUBLE = 'gestionnaire B et membre A';
type Compte = (typeof OUTSIDERS)[number] | (typeof INSIDERS)[number] | typeof DOUBLE | 'scol';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  (res as unknown as NodeJS.ReadableStream).on('data', (d: Buffer) => chunks.push(d)).on('end', () => cb(null, Buffer.concat(chunks)));
};

/** Every cell of every sheet, as text. */
async function xlsxText(bytes: Buffer): Promise<string> {
  const book = new Workbook();
  await book.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return cells.join('\n');
}

/** An answer as readable text, whatever its type; the `instance` of a problem (the request's path) left out. */
async function lire(res: request.Response): Promise<{ texte: string; json: unknown }> {
  const bytes = res.body as Buffer;
  const type = String(res.headers['content-type'] ?? '');
  if (bytes.length === 0) return { texte: '', json: null };
  if (/json/.test(type)) {
    const json = JSON.parse(bytes.toString('utf8')) as unknown;
    const sansInstance = json && typeof json === 'object' && !Array.isArray(json) ? { ...(json as Body), instance: undefined } : json;
    return { texte: JSON.stringify(sansInstance), json };
  }
  // A candidate's upload need not be a PDF a reader can parse (the fixture's is not): then its raw bytes.
  if (type.startsWith('application/pdf')) return { texte: await pdfText(bytes).catch(() => bytes.toString('latin1')), json: null };
  if (type.startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')) return { texte: await xlsxText(bytes), json: null };
  return { texte: bytes.toString('utf8'), json: null };
}

describe('Scope of the staff operations on candidatures: outsiders get nothing, on every route of the module', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let campagne: Campagne;
  const tokens = {} as Record<Compte, string>;
  let cible: Cible;
  /** What identifies the target candidate in an answer */
  let traces: { numero: string; email: string; nom: RegExp };
  /** The candidature of centre B's own candidate, which its staff do see */
  let voisin: { id: number; numero: string };
  let avant: Awaited<ReturnType<typeof etat>>;

  const scol = (path: string, body: Body) => api(t, tokens.scol).post(`offre/gestion/${path}`, body).expect(201);

  /** The table's request of an operation, as this member of staff. */
  async function appeler(qui: Compte, operationId: string): Promise<{ status: number; texte: string; json: unknown; res: request.Response }> {
    const op = OPERATIONS[operationId];
    const params = op.params?.(cible) ?? {};
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (params[name] === undefined) throw new Error(`${operationId} : le tableau ne remplit pas le paramètre {${name}}`);
      return encodeURIComponent(String(params[name]));
    });
    let req = request(t.http)[op.method](path).set(bearer(tokens[qui]));
    if (op.query) req = req.query(op.query(cible));
    if (op.body) req = req.send(op.body(cible));
    if (op.fichier) req = req.attach('fichier', PDF, 'cv.pdf');
    const res = await req.buffer(true).parse(binary);
    return { status: res.status, ...(await lire(res)), res };
  }

  const fuite = (texte: string) => ({
    numero: texte.includes(traces.numero),
    email: texte.toLowerCase().includes(traces.email.toLowerCase()),
    nom: traces.nom.test(texte),
  });
  const AUCUNE_FUITE = { numero: false, email: false, nom: false };

  /** The rows the module changes and the mails it sends, after sending whatever the outbox holds. */
  async function etat() {
    await t.app.get(JobsService).trigger('envoi-mails');
    const rows = async (table: string) => t.dataSource.query(`SELECT * FROM ${table} ORDER BY id`);
    return {
      candidature: await rows('candidature'),
      avis: await rows('avis'),
      piece_candidature: await rows('piece_candidature'),
      note_candidature: await rows('note_candidature'),
      historique_candidature: await rows('historique_candidature'),
      etiquette_candidature: await rows('etiquette_candidature'),
      mail_outbox: await rows('mail_outbox'),
      mails: smtp.messages.map((m) => ({ to: m.to, subject: m.subject, text: m.text })),
    };
  }

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, THROTTLE_IP_PER_MINUTE: '100000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    Object.assign(
      tokens,
      await staffConnecte(t, {
        scol: ['scol.perimetre', [Role.SCOL_CENTRALE]],
        'gestionnaire du centre A': ['gest.a', [Role.GESTIONNAIRE], { centres: ['CENTRE-A'] }],
        'membre de la commission A': ['membre.a', [Role.COMMISSION], { commissions: ['COM-A'] }],
        'gestionnaire du centre B': ['gest.b', [Role.GESTIONNAIRE], { centres: ['CENTRE-B'] }],
        'membre de la commission B': ['membre.b', [Role.COMMISSION], { commissions: ['COM-B'] }],
        [DOUBLE]: ['double.casquette', [Role.GESTIONNAIRE, Role.COMMISSION], { centres: ['CENTRE-B'], commissions: ['COM-A'] }],
      }),
    );

    const offre = (lettre: string) =>
      creerOffre(t, tokens.scol, {
        centre: { code: `CENTRE-${lettre}`, libelle: `Centre ${lettre}` },
        commission: { code: `COM-${lettre}`, libelle: `Commission ${lettre}`, adresse: ADRESSE, alerte: false, email: undefined },
        dates: DATES,
      });
    const [offreA, offreB] = [await offre('A'), await offre('B')];
    const formation = (o: Offre, code: string) => o.formation({ code, libelle: `Master ${code}` });
    const formationA = await formation(offreA, 'M1-PERIM-A');
    const formationB = await formation(offreB, 'M1-PERIM-B');
    const formationProposee = await formation(offreA, 'M1-PERIM-A2');
    const pieceId = (await scol('pieces', { code: 'CV-PERIM', libelle: 'Curriculum vitae', commun: false, conditionnel: false, ordre: 1, centreId: offreA.centreId, formationIds: [formationA] })).body.id as number;

    // The target: a candidature of formation A only, transmitted with its pièce, with an avis and a note.
    const a = await candidatComplet(t, campagne, 'Ciblequaranteneuf', 'Zélie');
    const candidat = (path: string) => `/api/candidat/candidatures${path}`;
    const id = (await request(t.http).post(candidat('')).set(bearer(a.token)).send({ formationId: formationA }).expect(201)).body.id as number;
    await request(t.http).put(candidat(`/${id}/pieces/${pieceId}/fichier`)).set(bearer(a.token)).attach('fichier', PDF, 'cv.pdf').expect(200);
    await request(t.http).post(candidat(`/${id}/transmission`)).set(bearer(a.token)).expect(200);
    await request(t.http).post('/api/candidatures/avis').set(bearer(tokens['gestionnaire du centre A'])).send({ candidatureIds: [id], type: 'FA', commentaire: 'Dossier à revoir' }).expect(201);
    await request(t.http).post(`/api/candidatures/${id}/notes`).set(bearer(tokens['membre de la commission A'])).send({ message: 'Appelée le 12/11.' }).expect(201);
    const noteId = (await request(t.http).post(`/api/candidatures/${id}/notes`).set(bearer(tokens['gestionnaire du centre A'])).send({ message: 'Relancée le 13/11.' }).expect(201)).body.id as number;
    const etiquetteId = (await request(t.http).post('/api/etiquettes').set(bearer(tokens.scol)).send({ libelle: 'Périmètre', couleur: '#123456' }).expect(201)).body.id as number;
    cible = { id, pieceId, numeroDossier: a.numero, noteId, formationId: formationProposee, etiquetteId };
    traces = { numero: a.numero, email: a.email, nom: /ciblequaranteneuf/i };

    // Centre B's own candidate, whom its staff see in their lists.
    const b = await candidatComplet(t, campagne, 'Voisin', 'Basile');
    voisin = { id: (await request(t.http).post(candidat('')).set(bearer(b.token)).send({ formationId: formationB }).expect(201)).body.id as number, numero: b.numero };

    avant = await etat();
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('the table names every staff operation on candidatures of the OpenAPI document, and only those', async () => {
    const document = (await request(t.http).get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { operationId?: string }>> };
    const duDocument = Object.entries(document.paths)
      .filter(([path]) => DU_MODULE(path))
      .flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => METHODES.includes(method))
          .map(([method, op]) => ({ operationId: op.operationId ?? `${method.toUpperCase()} ${path} (sans operationId)`, method, path })),
      )
      .sort((x, y) => x.operationId.localeCompare(y.operationId));
    const duTableau = Object.entries(OPERATIONS)
      .map(([operationId, op]) => ({ operationId, method: op.method as string, path: op.path }))
      .sort((x, y) => x.operationId.localeCompare(y.operationId));
    const manquantes = duDocument.filter((d) => !OPERATIONS[d.operationId]).map((d) => `${d.operationId} (${d.method.toUpperCase()} ${d.path})`);
    const disparues = duTableau.filter((o) => !duDocument.some((d) => d.operationId === o.operationId)).map((o) => o.operationId);
    expect({ 'absentes du tableau (à y ajouter)': manquantes, 'du tableau mais plus dans le document': disparues }).toEqual({ 'absentes du tableau (à y ajouter)': [], 'du tableau mais plus dans le document': [] });
    // The same method and path: a route moved is a route to look at again.
    expect(duTableau).toEqual(duDocument);
    expect(duDocument.length).toBeGreaterThanOrEqual(22);
  });

  const balayage = OUTSIDERS.flatMap((qui) => Object.keys(OPERATIONS).map((operationId) => ({ qui, operationId })));

  it.each(balayage)('$qui → $operationId: refused, or a list without the target candidature', async ({ qui, operationId }) => {
    const op = OPERATIONS[operationId];
    const { status, texte, json } = await appeler(qui, operationId);
    if (op.portee === 'candidature') {
      const problem = (json ?? {}) as { detail?: string };
      const refus =
        status === 403 ||
        status === 404 ||
        // A bulk action may refuse in another 4xx, as long as it names the target as missing or out of scope.
        (op.bulk === true && status >= 400 && status < 500 && String(problem.detail).includes(String(cible.id)) && /périmètre|n'existe pas/.test(String(problem.detail)));
      expect({ operationId, qui, status, refus }).toEqual({ operationId, qui, status, refus: true });
    } else {
      // Outside any candidature, a route closed to the caller's role answers 403 (the search of accounts, for members).
      const attendu = qui.startsWith('membre') && op.membre === 403 ? 403 : 200;
      expect({ operationId, qui, status }).toEqual({ operationId, qui, status: attendu });
    }
    // Nothing of the target candidate in the answer, whatever it is.
    expect({ operationId, qui, fuite: fuite(texte) }).toEqual({ operationId, qui, fuite: AUCUNE_FUITE });
    if (op.portee === 'liste' && status === 200) {
      // Not an empty answer: the outsider's own centre's candidature is there (the list does work for them).
      expect({ operationId, qui, voisin: texte.includes(voisin.numero) }).toEqual({ operationId, qui, voisin: true });
      if (operationId === 'listCandidatures') {
        const ids = (json as { items: { id: number }[] }).items.map((i) => i.id);
        expect({ operationId, qui, ids }).toEqual({ operationId, qui, ids: expect.not.arrayContaining([cible.id]) });
      }
    }
  });

  // The operations a commission member may not do and a gestionnaire may (the table's 403): for A's candidatures, only A's centre manages them.
  const gestion = Object.keys(OPERATIONS).filter((operationId) => OPERATIONS[operationId].portee === 'candidature' && OPERATIONS[operationId].membre === 403 && OPERATIONS[operationId].gestionnaire !== 403);

  it.each(gestion)(`${DOUBLE} → %s: a gestionnaire elsewhere does not manage what they only judge (404, or the table's double)`, async (operationId) => {
    const { status } = await appeler(DOUBLE, operationId);
    expect({ operationId, status }).toEqual({ operationId, status: OPERATIONS[operationId].double ?? 404 });
  });

  it('after the outsiders (and the gestionnaire elsewhere), nothing changed: candidatures, avis, pièces, notes, outbox and mails sent', async () => {
    // Not a comparison of empty sets: the fixture's avis, note and pièce are there, and its mails were sent.
    expect({ avis: avant.avis.length, notes: avant.note_candidature.length, pieces: avant.piece_candidature.length, mails: avant.mails.length > 0 }).toEqual({ avis: 1, notes: 2, pieces: 1, mails: true });
    expect(await etat()).toEqual(avant);
  });

  const controle = INSIDERS.flatMap((qui) => Object.keys(OPERATIONS).map((operationId) => ({ qui, operationId })));

  it.each(controle)('positive control: $qui → $operationId answers as the table says (the request is well formed)', async ({ qui, operationId }) => {
    const op = OPERATIONS[operationId];
    const attendu = qui === 'gestionnaire du centre A' ? op.gestionnaire : op.membre;
    const { status, texte, json } = await appeler(qui, operationId);
    expect({ operationId, qui, status, detail: status === attendu ? undefined : (json as { detail?: string } | null)?.detail }).toEqual({ operationId, qui, status: attendu, detail: undefined });
    if (op.portee === 'liste' && status === 200) {
      // The target is in the insiders' lists: its absence from the outsiders' ones is the scope, not the request.
      expect({ operationId, qui, cible: texte.includes(traces.numero), voisin: texte.includes(voisin.numero) }).toEqual({ operationId, qui, cible: true, voisin: false });
    }
    if (op.portee === 'sans-candidature') expect({ operationId, qui, fuite: fuite(texte) }).toEqual({ operationId, qui, fuite: AUCUNE_FUITE });
  });
});
