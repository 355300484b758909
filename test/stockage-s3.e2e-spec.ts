import { ListMultipartUploadsCommand, ListObjectsCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { PieceCandidature } from '../src/candidature/entities/piece-candidature.entity';
import { Role } from '../src/common/auth/roles';
import { parseStorageConfig } from '../src/config/storage.config';
import { s3ClientOptions } from '../src/pieces/storage/s3.storage';
import { ScratchDatabase, createScratchDatabase } from '../scripts/lib/scratch-database';
import { api, bearer } from './support/api';
import { binary } from './support/exports';
import { createCampagne } from './support/factories';
import { png } from './support/fichiers';
import { creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { CLAMD_BIN, Clamd, SIGNATURE_TEST, startClamd } from './support/clamd';
import { S3Server, startS3Server } from './support/s3-server';
import { TestApp, startTestApp } from './support/test-app';
import { TestClock } from './support/test-clock';

/**
 * Issue 15, files on an S3-compatible store: two API instances on one database and one bucket (s3rver). A pièce
 * uploaded through one is downloaded through the other, by its candidate and by staff, byte for byte; nothing is kept
 * on either instance's disk; a refused upload leaves nothing in the bucket; a store that does not answer is a 503.
 */
describe('Files on an S3-compatible store, shared by two instances', () => {
  let s3: S3Server;
  let database: ScratchDatabase;
  let a: TestApp;
  let b: TestApp;
  let client: S3Client;
  const dirs: string[] = [];
  let candidat: { token: string };
  let gestionnaire: string;
  let candidatureId: number;
  let pieceId: number;
  /** Random pixels: about 6 Mo that deflate cannot shrink, more than one 5 Mio part of a multipart upload */
  const photo = png(1500, 1400, 'bruit');

  const fichier = (id: number, piece: number) => `/api/candidat/candidatures/${id}/pieces/${piece}/fichier`;
  const objets = async () => {
    const keys = ((await client.send(new ListObjectsCommand({ Bucket: s3.bucket }))).Contents ?? []).map((o) => o.Key);
    const uploads = ((await client.send(new ListMultipartUploadsCommand({ Bucket: s3.bucket }))).Uploads ?? []).map((u) => `multipart:${u.Key}`);
    return [...keys, ...uploads];
  };

  beforeAll(async () => {
    s3 = await startS3Server();
    client = new S3Client(s3ClientOptions(parseStorageConfig(s3.env).s3!));
    // SQLite: a file both instances open (an in-memory image would be one database each).
    database = await createScratchDatabase(undefined, { sqliteFile: true });
    const clock = new TestClock();
    // Each instance its own STORAGE_DIR, which must stay empty: the files are in the bucket.
    const env = () => {
      dirs.push(mkdtempSync(join(tmpdir(), 'stockage-s3-e2e-')));
      return { ...s3.env, STORAGE_DIR: dirs.at(-1) as string, UPLOAD_MAX_MO: '10', THROTTLE_IP_PER_MINUTE: '100000' };
    };
    a = await startTestApp(env(), { database, clock });
    b = await startTestApp(env(), { database, clock });

    const campagne = await createCampagne(a);
    const staff = await staffConnecte(a, { scol: ['s3.scol', [Role.SCOL_CENTRALE]], gest: ['s3.gest', [Role.GESTIONNAIRE], { centres: ['S3-A'] }] });
    gestionnaire = staff.gest;
    const offre = await creerOffre(a, staff.scol, { centre: { code: 'S3-A', libelle: 'Centre S3' } });
    const formationId = await offre.formation();
    pieceId = (await api(a, staff.scol).post('offre/gestion/pieces', { code: 'S3-CV', libelle: 'CV', commun: false, centreId: offre.centreId, formationIds: [formationId] }).expect(201))
      .body.id as number;
    candidat = await candidatComplet(a, campagne, 'Objet', 'Stockage');
    candidatureId = (await request(a.http).post('/api/candidat/candidatures').set(bearer(candidat.token)).send({ formationId }).expect(201)).body.id as number;
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await database?.drop();
    client?.destroy();
    await s3?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a pièce uploaded through instance A is downloaded through instance B, by its candidate and by staff, byte for byte', async () => {
    const depot = await request(a.http).put(fichier(candidatureId, pieceId)).set(bearer(candidat.token)).attach('fichier', photo, 'photo.png');
    expect(depot.status).toBe(200);

    const parCandidat = await request(b.http).get(fichier(candidatureId, pieceId)).set(bearer(candidat.token)).buffer(true).parse(binary).expect(200);
    expect(parCandidat.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(parCandidat.body as Buffer, photo)).toBe(0);
    const parStaff = await request(b.http).get(`/api/candidatures/${candidatureId}/pieces/${pieceId}/fichier`).set(bearer(gestionnaire)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(parStaff.body as Buffer, photo)).toBe(0);

    // In the bucket under the row's key, and on neither instance's disk.
    const row = await b.dataSource.getRepository(PieceCandidature).findOneByOrFail({ candidatureId, pieceId });
    expect(await objets()).toEqual([row.fichierCle]);
    for (const dir of dirs) expect(readdirSync(dir).filter((name) => name !== 'tmp')).toEqual([]);
  });

  it('a refused upload through B leaves the bucket as it was, and the file kept through A is still served', async () => {
    const avant = await objets();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(6 * 1024 * 1024, 1)]);
    const refus = await request(b.http).put(fichier(candidatureId, pieceId)).set(bearer(candidat.token)).attach('fichier', exe, 'cv.pdf');
    expect([refus.status, refus.body.code]).toEqual([400, 'FICHIER_TYPE_REFUSE']);
    expect(await objets()).toEqual(avant);
    const garde = await request(a.http).get(fichier(candidatureId, pieceId)).set(bearer(candidat.token)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(garde.body as Buffer, photo)).toBe(0);
  });

  it('while the store does not answer, downloads and uploads answer 503 STOCKAGE_INDISPONIBLE with Retry-After; /health/ready shows it', async () => {
    expect((await request(a.http).get('/health/ready').expect(200)).body.checks.stockage).toMatchObject({ status: 'up' });
    await s3.stop();
    expect((await request(b.http).get('/health/ready').expect(200)).body.checks.stockage).toEqual({ status: 'down' });
    const lecture = await request(b.http).get(fichier(candidatureId, pieceId)).set(bearer(candidat.token));
    expect([lecture.status, lecture.body.code, lecture.headers['retry-after']]).toEqual([503, 'STOCKAGE_INDISPONIBLE', '10']);
    // The dossier PDF joins the pièces' files: it cannot be made either.
    const dossier = await request(b.http).get(`/api/candidat/candidatures/${candidatureId}/dossier.pdf`).set(bearer(candidat.token));
    expect([dossier.status, dossier.body.code, dossier.headers['retry-after']]).toEqual([503, 'STOCKAGE_INDISPONIBLE', '10']);
    const depot = await request(a.http).put(fichier(candidatureId, pieceId)).set(bearer(candidat.token)).attach('fichier', photo, 'photo.png');
    expect([depot.status, depot.body.code, depot.headers['retry-after']]).toEqual([503, 'STOCKAGE_INDISPONIBLE', '10']);
    // The pièce still refers to the file it had.
    expect((await b.dataSource.getRepository(PieceCandidature).findOneByOrFail({ candidatureId, pieceId })).fichierCle).toBeTruthy();
  });
});

// In CI a missing clamd is a failure (startClamd throws), never a skip; elsewhere this part may be skipped.
const avecClamd = CLAMD_BIN || process.env.CI === 'true' ? describe : describe.skip;

avecClamd('Files on an S3-compatible store, scanned by clamd before they are kept', () => {
  let s3: S3Server;
  let clamd: Clamd;
  let t: TestApp;
  let client: S3Client;
  let depot: (contenu: Buffer) => request.Test;
  const objets = async () => ((await client.send(new ListObjectsCommand({ Bucket: s3.bucket }))).Contents ?? []).map((o) => o.Key);

  beforeAll(async () => {
    [s3, clamd] = await Promise.all([startS3Server(), startClamd()]);
    client = new S3Client(s3ClientOptions(parseStorageConfig(s3.env).s3!));
    t = await startTestApp({ ...s3.env, STORAGE_S3_PREFIX: 'candidatures', CLAMAV_URL: clamd.url, UPLOAD_MAX_MO: '10', THROTTLE_IP_PER_MINUTE: '100000' });
    const campagne = await createCampagne(t);
    const { scol } = await staffConnecte(t, { scol: ['s3av.scol', [Role.SCOL_CENTRALE]] });
    const offre = await creerOffre(t, scol);
    const formationId = await offre.formation();
    const pieceId = (await api(t, scol).post('offre/gestion/pieces', { code: 'S3AV-CV', libelle: 'CV', commun: false, centreId: offre.centreId, formationIds: [formationId] }).expect(201))
      .body.id as number;
    const c = await candidatComplet(t, campagne, 'Analyse', 'Objet');
    const id = (await request(t.http).post('/api/candidat/candidatures').set(bearer(c.token)).send({ formationId }).expect(201)).body.id as number;
    depot = (contenu) => request(t.http).put(`/api/candidat/candidatures/${id}/pieces/${pieceId}/fichier`).set(bearer(c.token)).attach('fichier', contenu, 'cv.pdf');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    client?.destroy();
    await Promise.all([s3?.stop(), clamd?.stop()]);
  });

  it('refuses an infected file of several multipart parts with 422 FICHIER_INFECTE, leaving nothing in the bucket', async () => {
    const infecte = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(6 * 1024 * 1024, 'a'), SIGNATURE_TEST, Buffer.from('\n%%EOF\n')]);
    const res = await depot(infecte);
    expect([res.status, res.body.code]).toEqual([422, 'FICHIER_INFECTE']);
    expect(await objets()).toEqual([]);
  });

  it('keeps a clean file under its key once scanned, with nothing left under en-cours/', async () => {
    const sain = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(6 * 1024 * 1024, 'b'), Buffer.from('\n%%EOF\n')]);
    await depot(sain).expect(200);
    const row = await t.dataSource.getRepository(PieceCandidature).findOneByOrFail({ fichierNom: 'cv.pdf' });
    expect(await objets()).toEqual([`candidatures/${row.fichierCle}`]);
  });
});
