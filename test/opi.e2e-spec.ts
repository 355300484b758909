import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { FileOpi } from '../src/opi/file.adapter';
import { NatureOpi, Opi } from '../src/opi/opi.entity';
import { OPI } from '../src/opi/opi.port';
import { STAFF_PASSWORD, createCampagne, createStaff } from './support/factories';
import { api as apiAs } from './support/api';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, login } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

type Body = Record<string, unknown>;

// 22:29 in Paris; tests move the clock by minutes only, so sessions never go idle.
const NOW = '2026-11-20T21:29:00Z';
const DATES = { dateDebutCandidature: '2026-11-15', dateFinCandidature: '2027-03-31', dateRetour: '2027-04-10', dateJury: '2027-04-12', dateConfirmation: '2027-05-01' };
const HEADER = 'nature;code_opi;numero_dossier;ine;civilite;nom_naissance;nom_usage;prenom;date_naissance;email;code_formation;libelle_formation;code_centre;date_reponse';

describe('OPI: confirmed admissions queued and pushed to the SI Scol', () => {
  let t: TestApp;
  let campagne: Campagne;
  let root = '';
  let dir = '';
  let scol = '';
  let admin = '';
  let offre: Offre;
  let sequence = 0;
  const api = (token: string) => ({
    post: (path: string, body: Body = {}) => apiAs(t, token).post(path, body),
    get: (path: string) => apiAs(t, token).get(path),
  });
  const runJob = async () => (await api(admin).post('admin/jobs/envoi-opi/run').expect(200)).body;
  const rows = () => t.dataSource.getRepository(Opi).find({ order: { candidatureId: 'ASC' } });
  const row = (candidatureId: number) => t.dataSource.getRepository(Opi).findOneBy({ candidatureId });
  const files = () => readdirSync(dir).sort();
  /** The data lines of a file of the queue, split into cells (none of the test's values needs quoting). */
  const lines = (name: string) => {
    const content = readFileSync(join(dir, name), 'utf8');
    expect(content.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    return content.slice(1).split('\r\n').slice(1, -1).map((l) => l.split(';'));
  };

  /** A formation, a complete candidate who applied, a validated favourable avis. */
  async function admis(nom: string) {
    const code = `OPI-${++sequence}`;
    const libelle = `Master OPI ${sequence}`;
    const formationId = await offre.formation({ code, libelle });
    const c = await candidatComplet(t, campagne, nom, 'Test');
    const id = (await api(c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id as number;
    await api(scol).post('candidatures/avis', { candidatureIds: [id], type: 'FA' }).expect(201);
    await api(scol).post('candidatures/avis/validation', { candidatureIds: [id] }).expect(200);
    const candidat = await t.dataSource.query('SELECT ine FROM candidat WHERE compte_candidat_id = ?', [c.compteId]);
    return { ...c, id, code, libelle, ine: candidat[0].ine as string };
  }
  const confirmer = (c: { token: string; id: number }) => api(c.token).post(`candidat/candidatures/${c.id}/confirmation`).expect(200);
  const desister = (c: { token: string; id: number }) => api(c.token).post(`candidat/candidatures/${c.id}/desistement`).expect(200);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'opi-e2e-'));
    dir = join(root, 'depot');
    t = await startTestApp({ OPI_ADAPTER: 'file', OPI_DIR: dir, OPI_NB_BATCH_MAX: '2', THROTTLE_IP_PER_MINUTE: '100000', THROTTLE_ACCOUNT_PER_15_MIN: '1000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    await createStaff(t, [Role.SCOL_CENTRALE], 'scol.opi');
    await createStaff(t, [Role.ADMIN], 'admin.opi');
    scol = await login(t, 'scol.opi', STAFF_PASSWORD);
    admin = await login(t, 'admin.opi', STAFF_PASSWORD);
    offre = await creerOffre(t, scol, {
      centre: { code: 'OPI', libelle: 'Centre OPI' },
      commission: { code: 'OPI-COM', libelle: 'Commission OPI', adresse: { ligne1: '1 rue', codePostal: '45000', commune: '45234', pays: 'FR' }, email: 'commission-opi@univ.test' },
      dates: DATES,
    });
  });

  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('pushes a confirmed admission once, then the withdrawal that follows it, each in a file of its own', async () => {
    const c = await admis('Opidupont');
    await confirmer(c);
    expect(await rows()).toEqual([{ candidatureId: c.id, codeOpi: `EC${c.numero}`, nature: NatureOpi.ADMISSION, creeAt: new Date(NOW), transmisAt: null, lot: null }]);

    const pending = (await api(admin).get('opi?etat=en-attente').expect(200)).body;
    expect(pending).toMatchObject({ total: 1, page: 1, limit: 20 });
    expect(pending.items).toEqual([
      { candidatureId: c.id, numeroDossier: c.numero, nom: 'Opidupont', prenom: 'Test', codeFormation: c.code, codeOpi: `EC${c.numero}`, nature: 'ADMISSION', creeAt: '2026-11-20T21:29:00.000Z', transmisAt: null, lot: null },
    ]);
    expect((await api(scol).get('opi?etat=transmis').expect(200)).body.total).toBe(0);

    t.clock.set('2026-11-20T21:30:00Z');
    const run = await runJob();
    expect(run).toMatchObject({ name: 'envoi-opi', status: 'SUCCES', counts: { admissions: 1, desistements: 0 }, error: null });
    expect(files()).toEqual(['opi-20261120-223000-1.csv']);
    expect(lines('opi-20261120-223000-1.csv')).toEqual([
      ['ADMISSION', `EC${c.numero}`, c.numero, c.ine, 'MME', 'Opidupont', '', 'Test', '2003-03-14', c.email, c.code, c.libelle, 'OPI', '2026-11-20T21:29:00.000Z'],
    ]);
    expect(await row(c.id)).toMatchObject({ nature: NatureOpi.ADMISSION, transmisAt: new Date('2026-11-20T21:30:00Z'), lot: 'opi-20261120-223000-1.csv' });
    expect((await api(admin).get('opi?etat=transmis').expect(200)).body.items).toEqual([
      expect.objectContaining({ candidatureId: c.id, transmisAt: '2026-11-20T21:30:00.000Z', lot: 'opi-20261120-223000-1.csv' }),
    ]);

    // Nothing is sent twice.
    expect((await runJob()).counts).toEqual({ admissions: 0, desistements: 0 });
    expect(files()).toHaveLength(1);

    t.clock.set('2026-11-20T21:35:00Z');
    await desister(c);
    expect(await row(c.id)).toMatchObject({ nature: NatureOpi.DESISTEMENT, creeAt: new Date('2026-11-20T21:35:00Z'), transmisAt: null, lot: null });
    expect((await api(admin).get('opi?etat=en-attente').expect(200)).body.items).toEqual([expect.objectContaining({ candidatureId: c.id, nature: 'DESISTEMENT', transmisAt: null })]);

    t.clock.set('2026-11-20T21:30:00Z'); // the same second as the first file: a new name, the first file intact
    expect((await runJob()).counts).toEqual({ admissions: 0, desistements: 1 });
    expect(files()).toEqual(['opi-20261120-223000-1.csv', 'opi-20261120-223000-2.csv']);
    expect(lines('opi-20261120-223000-1.csv')[0][0]).toBe('ADMISSION');
    expect(lines('opi-20261120-223000-2.csv')).toEqual([
      ['DESISTEMENT', `EC${c.numero}`, c.numero, c.ine, 'MME', 'Opidupont', '', 'Test', '2003-03-14', c.email, c.code, c.libelle, 'OPI', '2026-11-20T21:35:00.000Z'],
    ]);
    expect(await row(c.id)).toMatchObject({ nature: NatureOpi.DESISTEMENT, lot: 'opi-20261120-223000-2.csv', transmisAt: new Date('2026-11-20T21:30:00Z') });
    t.clock.set('2026-11-20T21:40:00Z'); // on from here, the clock only moves forward
  });

  it('forgets an admission withdrawn before any push: no row, no file', async () => {
    const c = await admis('Opiretrait');
    await confirmer(c);
    expect(await row(c.id)).toMatchObject({ nature: NatureOpi.ADMISSION, transmisAt: null });
    await desister(c);
    expect(await row(c.id)).toBeNull();

    // Withdrawing without having confirmed queues nothing either.
    const d = await admis('Opisansreponse');
    await desister(d);
    expect(await row(d.id)).toBeNull();

    const before = files();
    expect((await runJob()).counts).toEqual({ admissions: 0, desistements: 0 });
    expect(files()).toEqual(before);
  });

  it('pushes in batches of OPI_NB_BATCH_MAX, and lists the queue newest first, page by page', async () => {
    const candidats = [await admis('Opilot1'), await admis('Opilot2'), await admis('Opilot3')];
    for (const c of candidats) {
      t.clock.advance({ minutes: 1 });
      await confirmer(c);
    }
    const page1 = (await api(scol).get('opi?etat=en-attente&limit=2').expect(200)).body;
    expect(page1).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(page1.items.map((i: { nom: string }) => i.nom)).toEqual(['Opilot3', 'Opilot2']);
    const page2 = (await api(scol).get('opi?etat=en-attente&limit=2&page=2').expect(200)).body;
    expect(page2.items.map((i: { nom: string }) => i.nom)).toEqual(['Opilot1']);

    const before = files();
    expect((await runJob()).counts).toEqual({ admissions: 3, desistements: 0 });
    const nouveaux = files().filter((f) => !before.includes(f));
    expect(nouveaux).toHaveLength(2);
    const envoyes = nouveaux.flatMap((f) => lines(f).map((cells) => cells[2]));
    expect(envoyes.sort()).toEqual(candidats.map((c) => c.numero).sort());
    const lots = (await Promise.all(candidats.map((c) => row(c.id)))).map((r) => r?.lot);
    expect(new Set(lots)).toEqual(new Set(nouveaux));
  });

  it('leaves the rows pending and reports the run failed when the SI Scol cannot be reached, and sends them at the next run', async () => {
    const c = await admis('Opipanne');
    await confirmer(c);
    const before = files();
    // The folder becomes a plain file: nothing can be written there, whoever runs the tests.
    renameSync(dir, `${dir}-ok`);
    writeFileSync(dir, 'pas un dossier');
    try {
      const run = await runJob();
      expect(run).toMatchObject({ status: 'ECHEC', counts: null });
      expect(run.error).toMatch(/^OPI_DIR : impossible d'écrire le fichier OPI dans /);
      expect(await row(c.id)).toMatchObject({ nature: NatureOpi.ADMISSION, transmisAt: null, lot: null });
      const jobs = (await api(admin).get('admin/jobs').expect(200)).body;
      expect(jobs.find((j: { name: string }) => j.name === 'envoi-opi')).toMatchObject({ schedule: '0 30 22 * * *', lastRun: { id: run.id, status: 'ECHEC' } });
    } finally {
      rmSync(dir);
      renameSync(`${dir}-ok`, dir);
    }
    expect(files()).toEqual(before);
    expect(await runJob()).toMatchObject({ status: 'SUCCES', counts: { admissions: 1, desistements: 0 } });
    expect((await row(c.id))?.transmisAt).not.toBeNull();
  });

  it('queues the withdrawal of an admission being pushed at that very moment, instead of forgetting it', async () => {
    const c = await admis('Opipendant');
    await confirmer(c);
    const port = t.app.get<FileOpi>(OPI);
    const envoyer = port.envoyer.bind(port);
    const spy = jest.spyOn(port, 'envoyer').mockImplementation(async (lignes) => {
      // The candidate withdraws while the batch is on its way.
      await desister(c);
      return envoyer(lignes);
    });
    try {
      expect((await runJob()).counts).toEqual({ admissions: 1, desistements: 0 });
    } finally {
      spy.mockRestore();
    }
    expect(await row(c.id)).toMatchObject({ nature: NatureOpi.DESISTEMENT, transmisAt: null, lot: null });
    expect((await runJob()).counts).toEqual({ admissions: 0, desistements: 1 });
    expect(await row(c.id)).toMatchObject({ nature: NatureOpi.DESISTEMENT, transmisAt: expect.any(Date) });
  });

  it('shows the queue to admin and scolarité centrale only, and checks the filter', async () => {
    await createStaff(t, [Role.GESTIONNAIRE], 'gest.opi', { centres: ['OPI'] });
    await createStaff(t, [Role.COMMISSION], 'comm.opi', { commissions: ['OPI-COM'] });
    for (const name of ['gest.opi', 'comm.opi']) {
      const res = await api(await login(t, name, STAFF_PASSWORD)).get('opi').expect(403);
      expect(res.body.code).toBe('ACCES_INTERDIT');
    }
    const c = await admis('Opicandidat');
    await api(c.token).get('opi').expect(403);
    await request(t.http).get('/api/opi').expect(401);
    const invalid = (await api(scol).get('opi?etat=perdu').expect(400)).body;
    expect(invalid.errors).toEqual([expect.objectContaining({ field: 'etat', message: 'doit valoir en-attente ou transmis' })]);
    expect(existsSync(dir)).toBe(true);
  });
});
