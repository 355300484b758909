import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { Server, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { TypeTraitement } from '../src/offre/entities/formation.entity';
import { PieceFormation } from '../src/pieces/entities/piece-formation.entity';
import { PieceJustificative } from '../src/pieces/entities/piece-justificative.entity';
import { PiecesService } from '../src/pieces/pieces.service';
import { FileStorage } from '../src/pieces/storage/file-storage';
import { JobsService } from '../src/jobs/jobs.service';
import { bearer } from './support/api';
import { creerOffre } from './support/offre';
import { staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

type Body = Record<string, unknown>;
let sequence = 0;
const uniq = (prefix: string) => `${prefix}${++sequence}`;

const MO = 1024 * 1024;
/** A small but well-formed PDF (one blank page), with bytes above 0x7f to catch any text re-encoding. */
const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '%\xe2\xe3\xcf\xd3',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
/** A Windows executable: "MZ" header, whatever the name says */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(2048, 0x41)]);

const adresse = { ligne1: '1 rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' };
const DATES = { dateDebutCandidature: '2026-11-15', dateFinCandidature: '2027-03-31', dateRetour: '2027-04-07', dateConfirmation: '2027-06-10' };
/** A master on paper (the centre's default: no `demat`). */
const formationBody = (code: string): Body => ({ code, libelle: `Master ${code}`, demat: undefined });
const pieceBody = (code: string, extra: Body = {}): Body => ({ code, libelle: `Pièce ${code}`, commun: true, ...extra });

describe('Pièces justificatives: set-up by staff, model documents, and the pièces of a candidature', () => {
  let t: TestApp;
  let storageDir: string;
  const tokens: Record<string, string> = {};
  const base = '/api/offre/gestion/pieces';
  const api = (name: string) => ({
    get: (query = '') => request(t.http).get(`${base}${query}`).set(bearer(tokens[name])),
    post: (body: Body) => request(t.http).post(base).set(bearer(tokens[name])).send(body),
    put: (id: number, body: Body, version?: number) => {
      const req = request(t.http).put(`${base}/${id}`).set(bearer(tokens[name]));
      return (version === undefined ? req : req.set('If-Match', `"${version}"`)).send(body);
    },
    upload: (id: number, content: Buffer, filename: string, version?: number, field = 'fichier') => {
      const req = request(t.http).put(`${base}/${id}/modele`).set(bearer(tokens[name]));
      return (version === undefined ? req : req.set('If-Match', `"${version}"`)).attach(field, content, { filename, contentType: 'application/pdf' });
    },
    deleteModele: (id: number, version: number) => request(t.http).delete(`${base}/${id}/modele`).set(bearer(tokens[name])).set('If-Match', `"${version}"`),
  });
  const fieldsOf = (res: request.Response) => (res.body.errors as { field: string }[]).map((e) => e.field);
  const download = (id: number) =>
    request(t.http)
      .get(`/api/offre/pieces/${id}/modele`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(null, Buffer.concat(chunks)));
      });
  /** Every regular file under STORAGE_DIR, temporary ones included */
  const storedFiles = (dir = storageDir): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? storedFiles(join(dir, e.name)) : [join(dir, e.name)]));

  const MIEN = 'PJMIEN';
  const AUTRE = 'PJAUTRE';
  const ids: Record<string, number> = {};
  const formations: Record<string, { id: number; commissionId: number }> = {};

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'pieces-e2e-'));
    t = await startTestApp({ STORAGE_DIR: storageDir, UPLOAD_MAX_MO: '2' });
    Object.assign(
      tokens,
      await staffConnecte(t, {
        scol: ['pj-scol', [Role.SCOL_CENTRALE]],
        admin: ['pj-admin', [Role.ADMIN]],
        gest: ['pj-gest', [Role.GESTIONNAIRE], { centres: [MIEN] }],
        membre: ['pj-membre', [Role.COMMISSION]],
      }),
    );
    for (const code of [MIEN, AUTRE]) {
      const offre = await creerOffre(t, tokens.scol, { centre: { code, libelle: `Centre ${code}` }, commission: { code: `${code}-C`, libelle: `Commission ${code}`, adresse, email: undefined }, dates: DATES });
      ids[code] = offre.centreId;
      for (const n of [1, 2]) formations[`${code}-F${n}`] = { id: await offre.formation(formationBody(`${code}-F${n}`)), commissionId: offre.commissionId };
    }
  });
  afterAll(async () => {
    await t?.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('creates the storage folder at start-up, outside anything served', () => {
    expect(readdirSync(storageDir)).toEqual(['tmp']);
  });

  describe('definitions', () => {
    it('lets scolarité centrale create institution-wide pièces (201, ETag "1"); a gestionnaire gets a 403; a duplicate code a 409', async () => {
      const code = uniq('CV');
      const res = await api('scol').post(pieceBody(code.toLowerCase(), { conditionnel: true, ordre: 5, typeTraitement: 'AC' })).expect(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toEqual({
        id: expect.any(Number),
        code,
        libelle: `Pièce ${code.toLowerCase()}`,
        commun: true,
        unicite: false,
        conditionnel: true,
        actif: true,
        ordre: 5,
        centreId: null,
        centreCode: null,
        typeTraitement: 'AC',
        formationIds: [],
        modele: null,
        version: 1,
      });
      expect(await t.dataSource.getRepository(PieceJustificative).findOneBy({ id: res.body.id })).toMatchObject({ code, centreId: null, typeTraitement: 'AC', version: 1 });

      const refused = await api('gest').post(pieceBody(uniq('GEST'))).expect(403);
      expect(refused.body).toMatchObject({ status: 403, code: 'PIECES_RESERVEES_SCOLARITE', detail: expect.stringContaining('scolarité centrale') });
      const duplicate = await api('admin').post(pieceBody(code)).expect(409);
      expect(duplicate.body).toMatchObject({ code: 'CODE_DEJA_UTILISE', detail: expect.stringContaining(code) });
      await api('membre').post(pieceBody(uniq('MEMBRE'))).expect(403);
    });

    it('lets a gestionnaire create common and specific pièces of their centre only, attached to formations of that centre', async () => {
      const commune = await api('gest').post(pieceBody(uniq('COM'), { centreId: ids[MIEN], unicite: true })).expect(201);
      expect(commune.body).toMatchObject({ centreId: ids[MIEN], centreCode: MIEN, commun: true, unicite: true, formationIds: [] });

      const specifique = await api('gest')
        .post(pieceBody(uniq('SPE'), { centreId: ids[MIEN], commun: false, formationIds: [formations[`${MIEN}-F2`].id, formations[`${MIEN}-F1`].id] }))
        .expect(201);
      expect(specifique.body).toMatchObject({ commun: false, unicite: false, formationIds: [formations[`${MIEN}-F2`].id, formations[`${MIEN}-F1`].id] });
      const links = await t.dataSource.getRepository(PieceFormation).find({ where: { pieceId: specifique.body.id }, order: { formationId: 'ASC' } });
      expect(links.map((l) => l.formationId)).toEqual([formations[`${MIEN}-F1`].id, formations[`${MIEN}-F2`].id].sort((a, b) => a - b));

      const other = await api('gest').post(pieceBody(uniq('AUT'), { centreId: ids[AUTRE] })).expect(403);
      expect(other.body.code).toBe('CENTRE_HORS_PERIMETRE');
      const foreign = await api('gest').post(pieceBody(uniq('SPE'), { centreId: ids[MIEN], commun: false, formationIds: [formations[`${AUTRE}-F1`].id] })).expect(400);
      expect(foreign.body.errors).toEqual([{ field: 'formationIds', message: expect.stringContaining(`${AUTRE}-F1 : formation(s) d'un autre centre que ${MIEN}`) }]);
      // Scolarité centrale may attach any formation to an institution-wide specific pièce.
      const institution = await api('scol').post(pieceBody(uniq('INS'), { commun: false, formationIds: [formations[`${AUTRE}-F1`].id, formations[`${MIEN}-F1`].id] })).expect(201);
      expect(institution.body.formationIds).toHaveLength(2);
    });

    it('names each invalid field in French, and stores nothing', async () => {
      const cases: [string, Body][] = [
        ['code', pieceBody('avec espace')],
        ['code', pieceBody('X'.repeat(21))],
        ['libelle', pieceBody(uniq('L'), { libelle: '  ' })],
        ['commun', pieceBody(uniq('C'), { commun: undefined })],
        ['commun', pieceBody(uniq('C'), { commun: 'oui' })],
        ['unicite', pieceBody(uniq('U'), { commun: false, unicite: true })],
        ['formationIds', pieceBody(uniq('F'), { formationIds: [formations[`${MIEN}-F1`].id] })],
        ['formationIds', pieceBody(uniq('F'), { commun: false, formationIds: [999999] })],
        ['formationIds', pieceBody(uniq('F'), { commun: false, formationIds: ['abc'] })],
        ['formationIds', pieceBody(uniq('F'), { commun: false, formationIds: [1, 1] })],
        ['typeTraitement', pieceBody(uniq('T'), { typeTraitement: 'XX' })],
        ['centreId', pieceBody(uniq('C'), { centreId: 999999 })],
        ['ordre', pieceBody(uniq('O'), { ordre: -1 })],
        ['inconnu', pieceBody(uniq('I'), { inconnu: true })],
      ];
      const before = await t.dataSource.getRepository(PieceJustificative).count();
      for (const [field, body] of cases) {
        const res = await api('scol').post(body).expect(400);
        expect({ field, fields: fieldsOf(res) }).toEqual({ field, fields: [field] });
        expect(res.body.detail).toMatch(/^Le champ « .+ » est invalide : /);
      }
      const missing = await api('scol').post(pieceBody(uniq('F'), { commun: false, formationIds: [999998] })).expect(400);
      expect(missing.body.errors[0].message).toBe('ne désigne aucune formation pour 999998');
      const typeErr = await api('scol').post(pieceBody(uniq('T'), { typeTraitement: 'XX' })).expect(400);
      expect(typeErr.body.errors[0].message).toBe('doit valoir AC, AD ou AT (ou null : tous)');
      // A JSON route is not an upload route: a multipart body there is an empty body, named field by field.
      const multipart = await request(t.http).post(base).set(bearer(tokens.scol)).field('code', uniq('MP')).expect(400);
      expect(fieldsOf(multipart)).toEqual(expect.arrayContaining(['code', 'libelle', 'commun']));
      expect(await t.dataSource.getRepository(PieceJustificative).count()).toBe(before);
    });

    it('lists pièces by order then code, filtered by centre and by formation; a gestionnaire sees the institution’s and their centres’ only', async () => {
      const [f1, f2, autreF1] = [formations[`${MIEN}-F1`], formations[`${MIEN}-F2`], formations[`${AUTRE}-F1`]];
      const created = async (body: Body) => (await api('scol').post(body).expect(201)).body.id as number;
      const p = {
        institution: await created(pieceBody(uniq('LI'), { ordre: 1 })),
        mienCommune: await created(pieceBody(uniq('LM'), { ordre: 2, centreId: ids[MIEN] })),
        mienF1: await created(pieceBody(uniq('LF'), { ordre: 3, centreId: ids[MIEN], commun: false, formationIds: [f1.id] })),
        autreCommune: await created(pieceBody(uniq('LA'), { ordre: 4, centreId: ids[AUTRE] })),
        autreF1: await created(pieceBody(uniq('LB'), { ordre: 5, centreId: ids[AUTRE], commun: false, formationIds: [autreF1.id] })),
      };
      const idsOf = (res: request.Response) => (res.body.items as { id: number }[]).map((i) => i.id);
      const all = await api('scol').get('?limit=200').expect(200);
      expect(idsOf(all)).toEqual(expect.arrayContaining(Object.values(p)));
      const orders = (all.body.items as { ordre: number }[]).map((i) => i.ordre);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));

      const mine = await api('gest').get('?limit=200').expect(200);
      expect(idsOf(mine)).toEqual(expect.arrayContaining([p.institution, p.mienCommune, p.mienF1]));
      expect(idsOf(mine)).not.toEqual(expect.arrayContaining([p.autreCommune]));
      expect((mine.body.items as { centreCode: string | null }[]).every((i) => i.centreCode === null || i.centreCode === MIEN)).toBe(true);
      expect((await api('gest').get(`?centre=${AUTRE}`).expect(200)).body.total).toBe(0);

      const autre = await api('scol').get(`?centre=${AUTRE.toLowerCase()}&limit=200`).expect(200);
      expect(idsOf(autre)).toEqual(expect.arrayContaining([p.autreCommune, p.autreF1]));
      expect((autre.body.items as { centreCode: string }[]).every((i) => i.centreCode === AUTRE)).toBe(true);

      const pourF2 = idsOf(await api('scol').get(`?formationId=${f2.id}&limit=200`).expect(200));
      expect(pourF2).toEqual(expect.arrayContaining([p.institution, p.mienCommune]));
      expect(pourF2).not.toContain(p.mienF1);
      expect(pourF2).not.toContain(p.autreCommune);
      expect(idsOf(await api('scol').get(`?formationId=${f1.id}&limit=200`).expect(200))).toContain(p.mienF1);

      const page = await api('scol').get('?limit=2&page=2').expect(200);
      expect(page.body).toMatchObject({ page: 2, limit: 2, total: all.body.total });
      expect(page.body.items).toHaveLength(2);
      expect(idsOf(page)).toEqual(idsOf(all).slice(2, 4));
      expect(fieldsOf(await api('scol').get('?limit=500').expect(400))).toEqual(['limit']);
      await api('membre').get().expect(403);
    });

    it('changes a pièce with If-Match (stale 412, missing 428), replaces its formations, and keeps a gestionnaire in their scope', async () => {
      const code = uniq('UPD');
      const { id } = (await api('gest').post(pieceBody(code, { centreId: ids[MIEN], commun: false, formationIds: [formations[`${MIEN}-F1`].id] })).expect(201)).body;
      const changed = await api('gest').put(id, pieceBody(code, { centreId: ids[MIEN], commun: false, libelle: 'Relevé de notes', formationIds: [formations[`${MIEN}-F2`].id], actif: false }), 1).expect(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.body).toMatchObject({ id, libelle: 'Relevé de notes', actif: false, formationIds: [formations[`${MIEN}-F2`].id], version: 2 });
      expect((await t.dataSource.getRepository(PieceFormation).findBy({ pieceId: id })).map((l) => l.formationId)).toEqual([formations[`${MIEN}-F2`].id]);

      expect((await api('gest').put(id, pieceBody(code, { centreId: ids[MIEN], libelle: 'Perdu' }), 1).expect(412)).body.code).toBe('VERSION_PERIMEE');
      expect((await api('gest').put(id, pieceBody(code, { centreId: ids[MIEN], libelle: 'Perdu' })).expect(428)).body.code).toBe('IF_MATCH_REQUIS');
      // Moving it to another centre, or to the institution, would take it out of the gestionnaire's scope.
      expect((await api('gest').put(id, pieceBody(code, { centreId: ids[AUTRE] }), 2).expect(403)).body.code).toBe('CENTRE_HORS_PERIMETRE');
      expect((await api('gest').put(id, pieceBody(code, { centreId: null }), 2).expect(403)).body.code).toBe('PIECES_RESERVEES_SCOLARITE');
      // Becoming common drops the attached formations.
      const commun = await api('gest').put(id, pieceBody(code, { centreId: ids[MIEN] }), 2).expect(200);
      expect(commun.body).toMatchObject({ commun: true, formationIds: [], version: 3 });
      expect(await t.dataSource.getRepository(PieceFormation).countBy({ pieceId: id })).toBe(0);

      const theirs = (await api('scol').post(pieceBody(uniq('THEIRS'), { centreId: ids[AUTRE] })).expect(201)).body;
      expect((await api('gest').put(theirs.id, pieceBody(theirs.code, { centreId: ids[AUTRE], libelle: 'x' }), 1).expect(403)).body.code).toBe('CENTRE_HORS_PERIMETRE');
      const institution = (await api('scol').post(pieceBody(uniq('INST'))).expect(201)).body;
      expect((await api('gest').put(institution.id, pieceBody(institution.code, { centreId: ids[MIEN] }), 1).expect(403)).body.code).toBe('PIECES_RESERVEES_SCOLARITE');
      expect(await t.dataSource.getRepository(PieceJustificative).findOneBy({ id: institution.id })).toMatchObject({ centreId: null, version: 1 });
      expect((await api('scol').put(999999, pieceBody(code), 1).expect(404)).body.code).toBe('PIECE_INTROUVABLE');
    });
  });

  describe('model documents', () => {
    let piece: { id: number; code: string };
    beforeAll(async () => {
      piece = (await api('scol').post(pieceBody(uniq('MOD'), { centreId: ids[MIEN] })).expect(201)).body;
    });

    it('uploads a PDF model and serves it back byte for byte, as an attachment, to anyone', async () => {
      const name = 'Modèle de lettre (officiel).pdf';
      const res = await api('gest').upload(piece.id, PDF, `C:\\Users\\moi\\${name}`, 1).expect(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ id: piece.id, modele: { nom: name, type: 'application/pdf' }, version: 2 });
      const row = await t.dataSource.getRepository(PieceJustificative).findOneByOrFail({ id: piece.id });
      expect(row.modeleCle).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
      expect(storedFiles()).toEqual([join(storageDir, ...row.modeleCle!.split('/'))]);

      const got = await download(piece.id).expect(200);
      expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-disposition']).toBe(
        `attachment; filename="Mod_le de lettre (officiel).pdf"; filename*=UTF-8''Mod%C3%A8le%20de%20lettre%20%28officiel%29.pdf`,
      );
    });

    it('replaces the model (the old file is deleted), then removes it; a pièce without model answers 404', async () => {
      const before = await t.dataSource.getRepository(PieceJustificative).findOneByOrFail({ id: piece.id });
      const res = await api('scol').upload(piece.id, PNG, 'exemple.pdf', before.version).expect(200);
      // The type is the content's, whatever the name or the client's Content-Type said.
      expect(res.body.modele).toEqual({ nom: 'exemple.pdf', type: 'image/png' });
      const after = await t.dataSource.getRepository(PieceJustificative).findOneByOrFail({ id: piece.id });
      expect(storedFiles()).toEqual([join(storageDir, ...after.modeleCle!.split('/'))]);
      const png = await download(piece.id).expect(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(png.body as Buffer, PNG)).toBe(0);

      expect((await api('scol').deleteModele(piece.id, after.version - 1).expect(412)).body.code).toBe('VERSION_PERIMEE');
      const removed = await api('scol').deleteModele(piece.id, after.version).expect(200);
      expect(removed.body).toMatchObject({ modele: null, version: after.version + 1 });
      expect(storedFiles()).toEqual([]);
      const none = await request(t.http).get(`/api/offre/pieces/${piece.id}/modele`).expect(404);
      expect(none.body).toMatchObject({ code: 'MODELE_INTROUVABLE', detail: expect.stringContaining('modèle') });
      expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await request(t.http).get('/api/offre/pieces/999999/modele').expect(404)).body.code).toBe('PIECE_INTROUVABLE');
    });

    it('accepts a file of exactly the maximum size', async () => {
      const version = (await t.dataSource.getRepository(PieceJustificative).findOneByOrFail({ id: piece.id })).version;
      const exact = Buffer.concat([PDF, Buffer.alloc(2 * MO - PDF.length, 0x20)]);
      const res = await api('scol').upload(piece.id, exact, 'gros.pdf', version).expect(200);
      expect(res.body.modele).toEqual({ nom: 'gros.pdf', type: 'application/pdf' });
      expect(storedFiles()).toHaveLength(1);
      await api('scol').deleteModele(piece.id, version + 1).expect(200);
      expect(storedFiles()).toEqual([]);
    });

    it('refuses an executable renamed .pdf, a file over the limit, and a request without the file, leaving nothing on disk', async () => {
      const version = (await t.dataSource.getRepository(PieceJustificative).findOneByOrFail({ id: piece.id })).version;

      const exe = await api('scol').upload(piece.id, EXE, 'releve.pdf', version).expect(400);
      expect(exe.body).toMatchObject({ status: 400, code: 'FICHIER_TYPE_REFUSE', errors: [{ field: 'fichier' }] });
      expect(exe.body.detail).toMatch(/^Seuls les fichiers PDF, JPEG et PNG sont acceptés/);
      expect(storedFiles()).toEqual([]);

      const big = Buffer.concat([PDF, Buffer.alloc(2 * MO + 1 - PDF.length, 0x20)]);
      const tooBig = await api('scol').upload(piece.id, big, 'gros.pdf', version).expect(413);
      expect(tooBig.body).toMatchObject({ status: 413, code: 'FICHIER_TROP_VOLUMINEUX', detail: 'Le fichier dépasse la taille maximale de 2 Mo.' });
      expect(storedFiles()).toEqual([]);
      const wayTooBig = await api('scol').upload(piece.id, Buffer.concat([PDF, Buffer.alloc(5 * MO)]), 'enorme.pdf', version).expect(413);
      expect(wayTooBig.body.code).toBe('FICHIER_TROP_VOLUMINEUX');
      expect(storedFiles()).toEqual([]);

      const empty = await api('scol').upload(piece.id, Buffer.alloc(0), 'vide.pdf', version).expect(400);
      expect(empty.body.code).toBe('FICHIER_TYPE_REFUSE');
      const wrongField = await api('scol').upload(piece.id, PDF, 'ok.pdf', version, 'file').expect(400);
      expect(wrongField.body).toMatchObject({ code: 'FICHIER_MANQUANT', detail: expect.stringContaining('« fichier »') });
      const json = await request(t.http).put(`${base}/${piece.id}/modele`).set(bearer(tokens.scol)).set('If-Match', `"${version}"`).send({ fichier: 'abc' }).expect(400);
      expect(json.body.code).toBe('FICHIER_MANQUANT');
      const fieldOnly = await request(t.http).put(`${base}/${piece.id}/modele`).set(bearer(tokens.scol)).set('If-Match', `"${version}"`).field('nom', 'x').expect(400);
      expect(fieldOnly.body.code).toBe('FICHIER_MANQUANT');
      expect(storedFiles()).toEqual([]);
      expect(await t.dataSource.getRepository(PieceJustificative).findOneByOrFail({ id: piece.id })).toMatchObject({ modeleCle: null, version });
    });

    it('removes the temporary file of an upload the client abandons halfway', async () => {
      const version = (await t.dataSource.getRepository(PieceJustificative).findOneByOrFail({ id: piece.id })).version;
      const address = await new Promise<AddressInfo>((resolve) => {
        const server = (t.http as Server).listen(0, '127.0.0.1', () => resolve(server.address() as AddressInfo));
      });
      const boundary = 'coupure-en-cours-de-route';
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="fichier"; filename="long.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      const req = httpRequest({
        host: address.address,
        port: address.port,
        method: 'PUT',
        path: `${base}/${piece.id}/modele`,
        headers: { ...bearer(tokens.scol), 'If-Match': `"${version}"`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(MO) },
      });
      req.on('error', () => undefined);
      req.write(Buffer.concat([head, PDF, Buffer.alloc(200_000, 0x20)]));
      const waitFor = async (what: () => boolean) => {
        for (let i = 0; i < 100 && !what(); i++) await new Promise((r) => setTimeout(r, 20));
        return what();
      };
      expect(await waitFor(() => storedFiles().some((f) => f.endsWith('.part')))).toBe(true);
      req.destroy();
      expect(await waitFor(() => storedFiles().length === 0)).toBe(true);
      await new Promise((resolve) => (t.http as Server).close(resolve));
      expect(await t.dataSource.getRepository(PieceJustificative).findOneByOrFail({ id: piece.id })).toMatchObject({ modeleCle: null, version });
    });

    it('checks rights and If-Match before receiving anything', async () => {
      const theirs = (await api('scol').post(pieceBody(uniq('THEIRS'), { centreId: ids[AUTRE] })).expect(201)).body;
      expect((await api('gest').upload(theirs.id, PDF, 'a.pdf', 1).expect(403)).body.code).toBe('CENTRE_HORS_PERIMETRE');
      expect((await api('scol').upload(theirs.id, PDF, 'a.pdf').expect(428)).body.code).toBe('IF_MATCH_REQUIS');
      expect((await api('scol').upload(theirs.id, PDF, 'a.pdf', 7).expect(412)).body.code).toBe('VERSION_PERIMEE');
      expect((await api('scol').upload(999999, PDF, 'a.pdf', 1).expect(404)).body.code).toBe('PIECE_INTROUVABLE');
      await request(t.http).put(`${base}/${theirs.id}/modele`).set('If-Match', '"1"').attach('fichier', PDF, 'a.pdf').expect(401);
      await api('membre').upload(theirs.id, PDF, 'a.pdf', 1).expect(403);
      expect(storedFiles()).toEqual([]);
      expect(await t.dataSource.getRepository(PieceJustificative).findOneByOrFail({ id: theirs.id })).toMatchObject({ modeleCle: null, version: 1 });
    });

    it('the nightly sweep deletes stored files no row refers to once a day old, and partial uploads nobody writes, and nothing else', async () => {
      const referenced = (await api('scol').post(pieceBody(uniq('SWEEP'), { centreId: ids[MIEN] })).expect(201)).body;
      await api('scol').upload(referenced.id, PDF, 'modele.pdf', 1).expect(200);
      const key = (await t.dataSource.getRepository(PieceJustificative).findOneByOrFail({ id: referenced.id })).modeleCle as string;
      // Files a killed process left behind: written, never referred to.
      const storage = t.app.get(FileStorage);
      const [old, young] = [await storage.write(Readable.from([PDF]), { maxBytes: 1e6 }), await storage.write(Readable.from([PDF]), { maxBytes: 1e6 })];
      const path = (k: string) => join(storageDir, ...k.split('/'));
      const twoDaysAgo = new Date(t.clock.now().getTime() - 48 * 3600 * 1000);
      const anHourAgo = new Date(t.clock.now().getTime() - 3600 * 1000);
      for (const k of [key, old.key]) utimesSync(path(k), twoDaysAgo, twoDaysAgo);
      utimesSync(path(young.key), anHourAgo, anHourAgo);
      // Partial uploads of a killed process: one untouched for an hour, one written a minute ago (maybe another instance's).
      const [dead, live] = [join(storageDir, 'tmp', 'tue.part'), join(storageDir, 'tmp', 'en-cours.part')];
      const aMinuteAgo = new Date(t.clock.now().getTime() - 60 * 1000);
      writeFileSync(dead, PDF);
      writeFileSync(live, PDF);
      utimesSync(dead, anHourAgo, anHourAgo);
      utimesSync(live, aMinuteAgo, aMinuteAgo);

      const run = await t.app.get(JobsService).trigger('purge-fichiers');
      expect(JSON.parse(run?.counts ?? 'null')).toEqual({ examines: 3, supprimes: 1, partielsSupprimes: 1 });
      expect(storedFiles().sort()).toEqual([path(key), path(young.key), live].sort());
      await download(referenced.id).expect(200);
      rmSync(live);
    });
  });

  describe('piecesDe', () => {
    it('gives the active pièces of a candidature: the institution’s and the centre’s common ones, the formation’s own, for its type de traitement', async () => {
      // On fresh centres, so that the pièces of the other tests do not count.
      const offre = await creerOffre(t, tokens.scol, { centre: { code: uniq('PDC'), libelle: 'Centre piecesDe' }, commission: { code: uniq('PDCC'), libelle: 'Commission', adresse, email: undefined }, dates: DATES });
      const centre = { id: offre.centreId };
      const commission = { id: offre.commissionId };
      const formation = { id: await offre.formation(formationBody(uniq('PDF'))) };
      const voisine = { id: await offre.formation(formationBody(uniq('PDF'))) };
      const ailleurs = formations[`${AUTRE}-F1`];

      const add = async (libelle: string, extra: Body) => (await api('scol').post({ code: uniq('PD'), libelle, commun: true, ...extra }).expect(201)).body.id as number;
      const expected = {
        cvEtablissement: await add('CV', { ordre: 1 }),
        lettreCentre: await add('Lettre de motivation', { ordre: 2, centreId: centre.id }),
        acteCentre: await add('Acte de naissance', { ordre: 2, centreId: centre.id }),
        releve: await add('Relevé de notes', { ordre: 3, commun: false, centreId: centre.id, formationIds: [formation.id] }),
        acSeulement: await add('Attestation AC', { ordre: 4, typeTraitement: 'AC' }),
      };
      // Not for this candidature: inactive, other type de traitement, another centre, another formation.
      await add('Inactive', { ordre: 0, actif: false });
      await add('Pour AD', { ordre: 0, typeTraitement: 'AD' });
      await add('Autre centre', { ordre: 0, centreId: ids[AUTRE] });
      await add('Formation voisine', { ordre: 0, commun: false, centreId: centre.id, formationIds: [voisine.id] });
      await add('Ailleurs', { ordre: 0, commun: false, formationIds: [ailleurs.id] });

      const service = t.app.get(PiecesService);
      // The institution-wide pièces of the other tests apply too: only those of this test are compared.
      const mine = (pieces: PieceJustificative[]) => pieces.map((p) => p.id).filter((id) => id >= expected.cvEtablissement);
      const ac = await service.piecesDe({ id: formation.id, commissionId: commission.id }, TypeTraitement.AC);
      // Order: ordre, then libellé (Acte before Lettre).
      expect(mine(ac)).toEqual([expected.cvEtablissement, expected.acteCentre, expected.lettreCentre, expected.releve, expected.acSeulement]);
      expect(ac.every((p) => p.actif)).toBe(true);
      const at = await service.piecesDe({ id: formation.id, commissionId: commission.id }, TypeTraitement.AT);
      expect(mine(at)).toEqual([expected.cvEtablissement, expected.acteCentre, expected.lettreCentre, expected.releve]);
      // Within a transaction of the caller too.
      const inTx = await t.dataSource.transaction((em) => service.piecesDe({ id: formation.id, commissionId: commission.id }, TypeTraitement.AC, em));
      expect(inTx.map((p) => p.id)).toEqual(ac.map((p) => p.id));
    });
  });
});
