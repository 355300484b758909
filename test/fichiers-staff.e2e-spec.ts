import { PDFDocument } from '@pdfme/pdf-lib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { fromBuffer } from 'yauzl';
import { PieceCandidature } from '../src/candidature/entities/piece-candidature.entity';
import { Role } from '../src/common/auth/roles';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { PdfRenderer } from '../src/pdf/pdf-renderer';
import { FileStorage } from '../src/pieces/storage/file-storage';
import { createCampagne } from './support/factories';
import { PDF_ABIME, pdfDePages, png } from './support/fichiers';
import { api, bearer } from './support/api';
import { binary } from './support/exports';
import { creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { pdfText } from './support/pdf-text';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 12, item 5, « staff open the files »: staff of the scope download what a candidate uploaded, the staff dossier
 * PDF carries every uploaded file after its summary, and several dossiers come as one ZIP.
 */

type Body = Record<string, unknown>;

const NOW = '2026-11-20T10:00:00Z';

/** Every entry of a ZIP: name and bytes, in the archive's order. */
function dezipper(zip: Buffer): Promise<{ nom: string; contenu: Buffer }[]> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true }, (err, archive) => {
      if (err) return reject(err);
      const entrees: { nom: string; contenu: Buffer }[] = [];
      archive.on('error', reject).on('end', () => resolve(entrees));
      archive.on('entry', (entry: { fileName: string }) => {
        archive.openReadStream(entry as Parameters<typeof archive.openReadStream>[0], (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c)).on('error', reject).on('end', () => {
            entrees.push({ nom: entry.fileName, contenu: Buffer.concat(chunks) });
            archive.readEntry();
          });
        });
      });
      archive.readEntry();
    });
  });
}

const pages = async (pdf: Buffer) => (await PDFDocument.load(pdf)).getPageCount();
/** The summary's own page count, from its footer « Page 1 / N » (pdfmake numbers only its pages). */
const pagesDuResume = (texte: string) => Number(/Page 1 \/ (\d+)/.exec(texte)?.[1]);

describe('Staff open the files: a pièce’s file, the dossier PDF with the uploaded files, the ZIP of dossiers', () => {
  let t: TestApp;
  let storageDir: string;
  const tokens = {} as Record<'scol' | 'admin' | 'gestA' | 'membreA' | 'gestB', string>;
  const pieceIds: number[] = [];
  let formationA = '';
  let campagne: Campagne;
  /** Uploads of the candidate of centre A: two PDFs of 2 and 3 pages and a PNG; the fourth pièce left empty */
  const fichiers = {} as Record<'deux' | 'trois' | 'image', Buffer>;
  let x: { id: number; numero: string; token: string };
  /** Another candidate of centre A, whose files cannot be read or joined (and one that can) */
  let y: { id: number; numero: string; token: string };
  /** Centre B's candidate */
  let b: { id: number; numero: string; token: string };

  const candidat = (path: string) => `/api/candidat/candidatures${path}`;
  const get = (token: string, path: string) => request(t.http).get(path).set(bearer(token)).buffer(true).parse(binary);
  const zip = (token: string, body: Body) => request(t.http).post('/api/candidatures/dossiers.zip').set(bearer(token)).send(body).buffer(true).parse(binary);
  const json = (res: request.Response) => JSON.parse((res.body as Buffer).toString('utf8')) as { code: string; detail: string; errors?: { field: string }[] };
  const deposer = (token: string, id: number, pieceId: number, contenu: Buffer, nom: string) =>
    request(t.http).put(candidat(`/${id}/pieces/${pieceId}/fichier`)).set(bearer(token)).attach('fichier', contenu, nom).expect(200);

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'fichiers-staff-e2e-'));
    t = await startTestApp({ STORAGE_DIR: storageDir, UPLOAD_MAX_MO: '2', THROTTLE_IP_PER_MINUTE: '100000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    Object.assign(
      tokens,
      await staffConnecte(t, {
        scol: ['fs.scol', [Role.SCOL_CENTRALE]],
        admin: ['fs.admin', [Role.ADMIN]],
        gestA: ['fs.gest.a', [Role.GESTIONNAIRE], { centres: ['FS-A'] }],
        membreA: ['fs.membre.a', [Role.COMMISSION], { commissions: ['FS-COM-A'] }],
        gestB: ['fs.gest.b', [Role.GESTIONNAIRE], { centres: ['FS-B'] }],
      }),
    );
    const scol = async (path: string, body: Body) => (await api(t, tokens.scol).post(`offre/gestion/${path}`, body).expect(201)).body.id as number;
    const offreA = await creerOffre(t, tokens.scol, { centre: { code: 'FS-A', libelle: 'Centre A' }, commission: { code: 'FS-COM-A', libelle: 'Commission A', alerte: false } });
    const offreB = await creerOffre(t, tokens.scol, { centre: { code: 'FS-B', libelle: 'Centre B' }, commission: { code: 'FS-COM-B', libelle: 'Commission B', alerte: false } });
    const [centreA, centreB] = [offreA.centreId, offreB.centreId];
    formationA = 'M1-FICHIERS-A';
    const idFormationA = await offreA.formation({ code: formationA, libelle: 'Master A' });
    const idFormationB = await offreB.formation({ code: 'M1-FICHIERS-B', libelle: 'Master B' });
    for (const [n, libelle] of ['Relevé de notes', 'Curriculum vitae', "Pièce d'identité", 'Lettre de recommandation'].entries()) {
      pieceIds.push(await scol('pieces', { code: `FS-P${n + 1}`, libelle, commun: false, conditionnel: false, ordre: n + 1, centreId: centreA, formationIds: [idFormationA] }));
    }
    const pieceB = await scol('pieces', { code: 'FS-PB', libelle: 'Pièce de B', commun: false, ordre: 1, centreId: centreB, formationIds: [idFormationB] });

    const postuler = async (nom: string, formationId: number) => {
      const c = await candidatComplet(t, campagne, nom, 'Zoé');
      const id = (await request(t.http).post(candidat('')).set(bearer(c.token)).send({ formationId }).expect(201)).body.id as number;
      return { id, numero: c.numero, token: c.token };
    };
    x = await postuler('Pieceslisibles', idFormationA);
    y = await postuler('Piecesabimees', idFormationA);
    b = await postuler('Voisine', idFormationB);

    fichiers.deux = await pdfDePages('ANNEXE-DEUX', 2);
    fichiers.trois = await pdfDePages('ANNEXE-TROIS', 3);
    fichiers.image = png(300, 200);
    await deposer(x.token, x.id, pieceIds[0], fichiers.deux, 'relevé de notes.pdf');
    await deposer(x.token, x.id, pieceIds[1], fichiers.trois, 'cv.pdf');
    await deposer(x.token, x.id, pieceIds[2], fichiers.image, 'identité.png');

    const chiffre = await t.app.get(PdfRenderer).render({ content: ['Secret'], userPassword: 'mot de passe' });
    // The upload check looks at the first bytes only: these pass it and are kept.
    const fauxPng = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(400, 7)]);
    await deposer(y.token, y.id, pieceIds[0], PDF_ABIME, 'releve-abime.pdf');
    await deposer(y.token, y.id, pieceIds[1], chiffre, 'cv-protege.pdf');
    await deposer(y.token, y.id, pieceIds[2], fauxPng, 'photo.png');
    await deposer(y.token, y.id, pieceIds[3], await pdfDePages('ANNEXE-LISIBLE', 1), 'lettre.pdf');

    await deposer(b.token, b.id, pieceB, await pdfDePages('ANNEXE-B', 1), 'piece-b.pdf');
  });

  afterAll(async () => {
    await t?.close();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  describe('GET /api/candidatures/{id}/pieces/{pieceId}/fichier', () => {
    it.each(['gestA', 'membreA', 'scol', 'admin'] as const)('%s downloads the exact bytes the candidate uploaded, as an attachment never sniffed', async (qui) => {
      const pdf = await get(tokens[qui], `/api/candidatures/${x.id}/pieces/${pieceIds[0]}/fichier`).expect(200);
      expect(Buffer.compare(pdf.body as Buffer, fichiers.deux)).toBe(0);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['x-content-type-options']).toBe('nosniff');
      expect(pdf.headers['content-disposition']).toBe(`attachment; filename="relev_ de notes.pdf"; filename*=UTF-8''relev%C3%A9%20de%20notes.pdf`);
      const image = await get(tokens[qui], `/api/candidatures/${x.id}/pieces/${pieceIds[2]}/fichier`).expect(200);
      expect(Buffer.compare(image.body as Buffer, fichiers.image)).toBe(0);
      expect(image.headers['content-type']).toBe('image/png');
    });

    it('the same headers and bytes as the candidate’s own download', async () => {
      const staff = await get(tokens.gestA, `/api/candidatures/${x.id}/pieces/${pieceIds[1]}/fichier`).expect(200);
      const sien = await get(x.token, candidat(`/${x.id}/pieces/${pieceIds[1]}/fichier`)).expect(200);
      expect(Buffer.compare(staff.body as Buffer, sien.body as Buffer)).toBe(0);
      for (const h of ['content-type', 'content-length', 'content-disposition', 'x-content-type-options', 'cache-control']) expect({ h, v: staff.headers[h] }).toEqual({ h, v: sien.headers[h] });
    });

    it('another centre’s gestionnaire gets the 404 of a candidature that does not exist, and nothing of the file', async () => {
      const horsPerimetre = await get(tokens.gestB, `/api/candidatures/${x.id}/pieces/${pieceIds[0]}/fichier`).expect(404);
      const inexistante = await get(tokens.gestA, `/api/candidatures/99999/pieces/${pieceIds[0]}/fichier`).expect(404);
      expect(horsPerimetre.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(json(horsPerimetre).code).toBe('CANDIDATURE_INTROUVABLE');
      // Word for word the answer about an id that does not exist, but for the id.
      expect(json(horsPerimetre).detail.replace(String(x.id), '#')).toBe(json(inexistante).detail.replace('99999', '#'));
      expect(json(inexistante).code).toBe('CANDIDATURE_INTROUVABLE');
      // Their own candidate's file they do get (the refusal is the scope, not the request).
      await get(tokens.gestB, `/api/candidatures/${b.id}/pieces/${(await t.dataSource.getRepository(PieceCandidature).findOneByOrFail({ candidatureId: b.id })).pieceId}/fichier`).expect(200);
    });

    it('another candidate gets a 404 on the candidate route and a 403 on the staff one; the owner gets the file', async () => {
      const autre = await get(y.token, candidat(`/${x.id}/pieces/${pieceIds[0]}/fichier`)).expect(404);
      expect(json(autre).code).toBe('CANDIDATURE_INTROUVABLE');
      expect(Buffer.from(autre.body as Buffer).includes(Buffer.from('%PDF-'))).toBe(false);
      // Candidates are not staff: the role is refused before any candidature is looked at.
      expect(json(await get(y.token, `/api/candidatures/${x.id}/pieces/${pieceIds[0]}/fichier`).expect(403)).code).toBe('ACCES_INTERDIT');
      const sien = await get(x.token, candidat(`/${x.id}/pieces/${pieceIds[0]}/fichier`)).expect(200);
      expect(Buffer.compare(sien.body as Buffer, fichiers.deux)).toBe(0);
    });

    it('404 FICHIER_INTROUVABLE for a pièce without a file or one the candidature does not have; 400 for a pièce id that is not one', async () => {
      expect(json(await get(tokens.gestA, `/api/candidatures/${x.id}/pieces/${pieceIds[3]}/fichier`).expect(404)).code).toBe('FICHIER_INTROUVABLE');
      expect(json(await get(tokens.gestA, `/api/candidatures/${x.id}/pieces/99999/fichier`).expect(404)).code).toBe('FICHIER_INTROUVABLE');
      expect(json(await get(tokens.gestA, `/api/candidatures/${x.id}/pieces/abc/fichier`).expect(400)).errors?.map((e) => e.field)).toEqual(['pieceId']);
    });
  });

  describe('the dossier PDF joins the uploaded files', () => {
    it('staff: the summary pages, then 2 + 3 pages of the PDFs and 1 page for the PNG, in the order of the pièces', async () => {
      const res = await get(tokens.gestA, `/api/candidatures/${x.id}/dossier.pdf`).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.body as Buffer;
      const texte = await pdfText(pdf);
      const resume = pagesDuResume(texte);
      expect(resume).toBeGreaterThanOrEqual(1);
      expect(await pages(pdf)).toBe(resume + 2 + 3 + 1);
      const marques = ['Dossier de candidature', 'ANNEXE-DEUX-1', 'ANNEXE-DEUX-2', 'ANNEXE-TROIS-1', 'ANNEXE-TROIS-2', 'ANNEXE-TROIS-3'];
      const positions = marques.map((m) => texte.indexOf(m));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((p, q) => p - q)).toEqual(positions);
      expect(texte).toContain('Fichiers joints à la suite de ce récapitulatif (6 pages) : relevé de notes.pdf, cv.pdf, identité.png');
      expect(texte).not.toContain('non joint');
      // The last page is the image's: an A4 page turned as the 300 × 200 image is (landscape).
      const doc = await PDFDocument.load(pdf);
      const derniere = doc.getPage(doc.getPageCount() - 1).getSize();
      expect([Math.round(derniere.width), Math.round(derniere.height)]).toEqual([842, 595]);
      expect(doc.getTitle()).toBe(`Dossier de candidature ${x.numero}`);
    });

    it('the candidate’s own dossier PDF joins the same files', async () => {
      const pdf = (await get(x.token, candidat(`/${x.id}/dossier.pdf`)).expect(200)).body as Buffer;
      expect(await pages(pdf)).toBe(pagesDuResume(await pdfText(pdf)) + 6);
    });

    it('damaged, password-protected and fake files: 200, the summary names each, the readable one is joined', async () => {
      const res = await get(tokens.membreA, `/api/candidatures/${y.id}/dossier.pdf`).expect(200);
      const pdf = res.body as Buffer;
      const texte = await pdfText(pdf);
      expect(await pages(pdf)).toBe(pagesDuResume(texte) + 1);
      expect(texte).toContain('Fichier illisible, non joint : releve-abime.pdf (Relevé de notes)');
      expect(texte).toContain('Fichier protégé par un mot de passe, non joint : cv-protege.pdf (Curriculum vitae)');
      expect(texte).toContain("Fichier illisible, non joint : photo.png (Pièce d'identité)");
      expect(texte).toContain('ANNEXE-LISIBLE-1');
      expect(texte).toContain('Fichiers joints à la suite de ce récapitulatif (1 page) : lettre.pdf');
      // The candidate's copy says the same.
      expect(await pdfText((await get(y.token, candidat(`/${y.id}/dossier.pdf`)).expect(200)).body as Buffer)).toContain('Fichier illisible, non joint : releve-abime.pdf');
    });

    it('a file the storage lost: named in the summary, still a 200', async () => {
      const c = await candidatComplet(t, campagne, 'Perdue', 'Lou');
      const formation = (await t.dataSource.query('SELECT id FROM formation WHERE code = ?', [formationA])) as { id: number }[];
      const id = (await request(t.http).post(candidat('')).set(bearer(c.token)).send({ formationId: formation[0].id }).expect(201)).body.id as number;
      await deposer(c.token, id, pieceIds[0], await pdfDePages('PERDUE', 2), 'perdue.pdf');
      await deposer(c.token, id, pieceIds[1], await pdfDePages('GARDEE', 1), 'gardee.pdf');
      const row = await t.dataSource.getRepository(PieceCandidature).findOneByOrFail({ candidatureId: id, pieceId: pieceIds[0] });
      await t.app.get(FileStorage).delete(row.fichierCle!);
      const pdf = (await get(tokens.scol, `/api/candidatures/${id}/dossier.pdf`).expect(200)).body as Buffer;
      const texte = await pdfText(pdf);
      expect(texte).toContain('Fichier introuvable, non joint : perdue.pdf (Relevé de notes)');
      expect(await pages(pdf)).toBe(pagesDuResume(texte) + 1);
      expect(json(await get(tokens.scol, `/api/candidatures/${id}/pieces/${pieceIds[0]}/fichier`).expect(404)).code).toBe('FICHIER_INTROUVABLE');
    });
  });

  describe('POST /api/candidatures/dossiers.zip', () => {
    it('one merged PDF per candidature, named dossier-<numéro>-<formation>.pdf, in the order asked', async () => {
      const res = await zip(tokens.gestA, { candidatureIds: [y.id, x.id] }).expect(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="dossiers-2026-11-20\.zip"/);
      const entrees = await dezipper(res.body as Buffer);
      expect(entrees.map((e) => e.nom)).toEqual([`dossier-${y.numero}-${formationA}.pdf`, `dossier-${x.numero}-${formationA}.pdf`]);
      for (const e of entrees) expect(e.contenu.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const [pdfY, pdfX] = entrees.map((e) => e.contenu);
      expect(await pages(pdfX)).toBe(pagesDuResume(await pdfText(pdfX)) + 6);
      expect(await pages(pdfY)).toBe(pagesDuResume(await pdfText(pdfY)) + 1);
      expect(await pdfText(pdfY)).toContain('Fichier illisible, non joint : releve-abime.pdf');
    });

    it('a commission member of the scope gets it too; scolarité centrale reads every centre', async () => {
      expect((await dezipper((await zip(tokens.membreA, { candidatureIds: [x.id] }).expect(200)).body as Buffer)).map((e) => e.nom)).toEqual([`dossier-${x.numero}-${formationA}.pdf`]);
      expect((await dezipper((await zip(tokens.scol, { candidatureIds: [x.id, b.id] }).expect(200)).body as Buffer)).map((e) => e.nom)).toEqual([
        `dossier-${x.numero}-${formationA}.pdf`,
        `dossier-${b.numero}-M1-FICHIERS-B.pdf`,
      ]);
    });

    it('all or nothing: 404 naming the ids out of scope or missing, and no archive', async () => {
      const res = await zip(tokens.gestA, { candidatureIds: [x.id, b.id, 99999] }).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = json(res);
      expect(problem.code).toBe('CANDIDATURE_INTROUVABLE');
      expect(problem.detail).toContain(`${b.id}, 99999`);
      expect(problem.detail).not.toMatch(new RegExp(`\\b${x.id}\\b`));
      expect(json(await zip(tokens.gestB, { candidatureIds: [x.id] }).expect(404)).detail).toMatch(new RegExp(`\\b${x.id}\\b`));
      expect(json(await zip(x.token, { candidatureIds: [x.id] }).expect(403)).code).toBe('ACCES_INTERDIT');
    });

    it.each<[Body, string]>([
      [{}, 'absent'],
      [{ candidatureIds: [] }, 'empty'],
      [{ candidatureIds: Array.from({ length: 201 }, (_, i) => i + 1) }, '201 ids'],
      [{ candidatureIds: [1, 1] }, 'twice the same'],
      [{ candidatureIds: ['a'] }, 'not integers'],
      [{ candidatureIds: [0] }, 'not an id'],
    ])('400 naming candidatureIds: %j (%s)', async (body) => {
      const res = await zip(tokens.gestA, body).expect(400);
      expect(json(res).errors?.map((e) => e.field)).toEqual(['candidatureIds']);
    });

    it('200 ids pass the validation (then the scope check, all or nothing, refuses the 199 unknown ones)', async () => {
      const ids = [x.id, ...Array.from({ length: 199 }, (_, i) => 100000 + i)];
      const problem = json(await zip(tokens.scol, { candidatureIds: ids }).expect(404));
      expect(problem.code).toBe('CANDIDATURE_INTROUVABLE');
      expect(problem.detail).toContain('100000, 100001');
    });
  });
});
