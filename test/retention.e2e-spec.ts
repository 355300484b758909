import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { Candidature } from '../src/candidature/entities/candidature.entity';
import { PieceCandidature } from '../src/candidature/entities/piece-candidature.entity';
import { Role } from '../src/common/auth/roles';
import { MailOutbox } from '../src/mail/entities/mail-outbox.entity';
import { OutboxService } from '../src/mail/outbox.service';
import { NatureOpi, Opi } from '../src/opi/opi.entity';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { FileStorage } from '../src/pieces/storage/file-storage';
import { api, bearer } from './support/api';
import { CANDIDAT_PASSWORD, createCampagne } from './support/factories';
import { pdfDePages } from './support/fichiers';
import { creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 17, item 7, retention: a job destroys what a campaign archived more than RETENTION_JOURS days ago holds
 * (accounts, files, candidatures, mails), after a dry run that counts it; staff erase one candidate on request (RGPD),
 * the export of their data offered first, the candidate told by mail.
 */
describe('Retention: destruction of archived campaigns, erasure of a candidate', () => {
  let t: TestApp;
  let storageDir: string;
  const tokens = {} as Record<'admin' | 'scol' | 'gest', string>;
  let ancienne: Campagne;
  let courante: Campagne;
  let formationId = 0;
  let pieceId = 0;
  type Postulant = Awaited<ReturnType<typeof candidatComplet>> & { candidatureId: number; cle: string };
  let ancien: Postulant;
  let recent: Postulant;

  const DAY = 86_400_000;
  const storage = () => t.app.get(FileStorage);
  const existe = (cle: string) =>
    storage()
      .read(cle)
      .then((s) => (s.destroy(), true))
      .catch(() => false);
  const mail = (to: string) => t.app.get(OutboxService).enqueue(t.dataSource.manager, { code: 'TEST', to, subject: 'Sujet', text: 'Texte', html: '<p>Texte</p>' });

  /** A candidate of `campagne` who applied and uploaded a file, with a mail sent to them */
  async function postuler(campagne: Campagne, nom: string): Promise<Postulant> {
    const c = await candidatComplet(t, campagne, nom, 'Zoé');
    const candidatureId = (await api(t, c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id as number;
    await request(t.http)
      .put(`/api/candidat/candidatures/${candidatureId}/pieces/${pieceId}/fichier`)
      .set(bearer(c.token))
      .attach('fichier', await pdfDePages(nom, 1), 'releve.pdf')
      .expect(200);
    const piece = await t.dataSource.getRepository(PieceCandidature).findOneByOrFail({ candidatureId, pieceId });
    await mail(c.email);
    return { ...c, candidatureId, cle: piece.fichierCle as string };
  }

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'retention-e2e-'));
    t = await startTestApp({ STORAGE_DIR: storageDir, THROTTLE_IP_PER_MINUTE: '100000' });
    t.clock.set('2026-11-20T10:00:00Z');
    Object.assign(tokens, await staffConnecte(t, { admin: ['ret.admin', [Role.ADMIN]], scol: ['ret.scol', [Role.SCOL_CENTRALE]], gest: ['ret.gest', [Role.GESTIONNAIRE], { centres: ['RET'] }] }));
    const offre = await creerOffre(t, tokens.scol, { centre: { code: 'RET', libelle: 'Centre' }, commission: { code: 'RET-COM', libelle: 'Commission', alerte: false } });
    formationId = await offre.formation({ code: 'M1-RET', libelle: 'Master' });
    pieceId = (await api(t, tokens.scol).post('offre/gestion/pieces', { code: 'RET-P1', libelle: 'Relevé de notes', commun: false, ordre: 1, centreId: offre.centreId, formationIds: [formationId] }).expect(201)).body
      .id as number;

    // The campaign of a year ago, then archived when the current one was put in service.
    ancienne = await createCampagne(t);
    ancien = await postuler(ancienne, 'Ancien');
    const campagnes = t.dataSource.getRepository(Campagne);
    await campagnes.update({ id: ancienne.id }, { enService: false, archiveeAt: new Date(t.clock.now().getTime() - 364 * DAY) });
    courante = await createCampagne(t);
    recent = await postuler(courante, 'Recent');
  });

  afterAll(async () => {
    await t?.close();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  const run = () => api(t, tokens.admin).post('admin/jobs/purge-campagnes-archivees/run').expect(200);
  const comptes = () => t.dataSource.getRepository(CompteCandidat);

  it('keeps a campaign archived 364 days ago: the dry run lists nothing, the job deletes nothing', async () => {
    expect((await api(t, tokens.admin).get('admin/retention').expect(200)).body).toMatchObject({ jours: 365, campagnes: [] });
    expect((await run()).body).toMatchObject({ status: 'SUCCES', counts: { campagnes: 0, comptes: 0, candidatures: 0, fichiers: 0 } });
    expect(await comptes().countBy({ campagneId: ancienne.id })).toBe(1);
    expect(await existe(ancien.cle)).toBe(true);
  });

  /** Mails to the old candidate: the one of postuler, and those the application sent */
  let mailsAnciens = 0;

  it('counts, in a dry run, what a campaign archived 366 days ago would lose, and deletes nothing', async () => {
    // Two days later, as far as the campaign is concerned (moving the clock would end every session).
    await t.dataSource.getRepository(Campagne).update({ id: ancienne.id }, { archiveeAt: new Date(t.clock.now().getTime() - 366 * DAY) });
    mailsAnciens = await t.dataSource.getRepository(MailOutbox).countBy({ destinataire: ancien.email });
    expect(mailsAnciens).toBeGreaterThanOrEqual(1);
    const apercu = (await api(t, tokens.admin).get('admin/retention').expect(200)).body;
    expect(apercu.campagnes).toEqual([
      { id: ancienne.id, code: ancienne.code, libelle: ancienne.libelle, archiveeAt: expect.any(String), comptes: 1, candidatures: 1, pieces: 1, fichiers: 1, mails: mailsAnciens },
    ]);
    expect(await comptes().countBy({ campagneId: ancienne.id })).toBe(1);
    expect(await existe(ancien.cle)).toBe(true);
  });

  it('lets administrators only see the dry run', async () => {
    await api(t, tokens.scol).get('admin/retention').expect(403);
    await api(t, tokens.gest).get('admin/retention').expect(403);
    await api(t, recent.token).get('admin/retention').expect(403);
    await api(t).get('admin/retention').expect(401);
  });

  it('destroys the campaign archived 366 days ago (accounts, candidatures, pièces, files, mails) and nothing of the current one', async () => {
    const mailsRecents = await t.dataSource.getRepository(MailOutbox).countBy({ destinataire: recent.email });
    const res = await run();
    expect(res.body).toMatchObject({ status: 'SUCCES', counts: { campagnes: 1, comptes: 1, candidatures: 1, pieces: 1, fichiers: 1, mails: mailsAnciens } });

    expect(await comptes().countBy({ campagneId: ancienne.id })).toBe(0);
    expect(await t.dataSource.getRepository(Candidature).countBy({ campagneId: ancienne.id })).toBe(0);
    expect(await t.dataSource.getRepository(PieceCandidature).countBy({ candidatureId: ancien.candidatureId })).toBe(0);
    expect(await t.dataSource.getRepository(MailOutbox).countBy({ destinataire: ancien.email })).toBe(0);
    expect(await existe(ancien.cle)).toBe(false);
    await api(t).post('auth/login', { login: ancien.numero, password: CANDIDAT_PASSWORD }).expect(401);
    // The campaign itself stays, as the institution's record.
    expect(await t.dataSource.getRepository(Campagne).findOneByOrFail({ id: ancienne.id })).toMatchObject({ archiveeAt: expect.any(Date) });

    expect(await comptes().countBy({ campagneId: courante.id })).toBe(1);
    expect(await t.dataSource.getRepository(PieceCandidature).countBy({ candidatureId: recent.candidatureId })).toBe(1);
    expect(await t.dataSource.getRepository(MailOutbox).countBy({ destinataire: recent.email })).toBe(mailsRecents);
    expect(await existe(recent.cle)).toBe(true);
    const mes = await api(t, recent.token).get('candidat/candidatures').expect(200);
    expect(JSON.stringify(mes.body)).toContain(String(recent.candidatureId));

    // Again: nothing left to destroy.
    expect((await run()).body.counts).toMatchObject({ campagnes: 0, comptes: 0, candidatures: 0 });
    expect((await api(t, tokens.admin).get('admin/retention').expect(200)).body.campagnes).toEqual([
      expect.objectContaining({ id: ancienne.id, comptes: 0, candidatures: 0, pieces: 0, fichiers: 0, mails: 0 }),
    ]);
  });

  describe('erasure of one candidate on request (RGPD)', () => {
    let efface: Postulant;
    beforeAll(async () => {
      efface = await postuler(courante, 'Efface');
    });

    it('is for the scolarité centrale and administrators only', async () => {
      for (const token of [tokens.gest, recent.token]) {
        await api(t, token).get(`candidats/${efface.numero}/donnees`).expect(403);
        await api(t, token).post(`candidats/${efface.numero}/effacement`, { exportPropose: true }).expect(403);
      }
      await api(t).post(`candidats/${efface.numero}/effacement`, { exportPropose: true }).expect(401);
    });

    it('offers the export of the data first: the same as the candidate’s own right-of-access export', async () => {
      const donnees = (await api(t, tokens.scol).get(`candidats/${efface.numero}/donnees`).expect(200)).body;
      expect(donnees.compte).toMatchObject({ numeroDossier: efface.numero, email: efface.email });
      const siennes = (await api(t, efface.token).get('comptes/moi/donnees').expect(200)).body;
      expect({ ...donnees, exporteLe: null, sessions: null }).toEqual({ ...siennes, exporteLe: null, sessions: null });
      expect((await api(t, tokens.scol).get('candidats/T9999999/donnees').expect(404)).body.code).toBe('DOSSIER_INTROUVABLE');
    });

    it('refuses to erase until the export was offered', async () => {
      const res = await api(t, tokens.scol).post(`candidats/${efface.numero}/effacement`, { motif: 'Demande écrite' }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'exportPropose', message: expect.any(String) }]);
      const refus = await api(t, tokens.scol).post(`candidats/${efface.numero}/effacement`, { exportPropose: false }).expect(400);
      expect(refus.body.errors).toEqual([{ field: 'exportPropose', message: expect.stringContaining('/donnees') }]);
      expect(await comptes().countBy({ numeroDossier: efface.numero })).toBe(1);
    });

    it('refuses while the SI Scolarité holds or awaits the candidate’s admission (OPI), and changes nothing', async () => {
      const opi = t.dataSource.getRepository(Opi);
      const ligne = { candidatureId: efface.candidatureId, codeOpi: `OPI${efface.numero}`, creeAt: t.clock.now(), lot: null };
      for (const etat of [
        { nature: NatureOpi.ADMISSION, transmisAt: null },
        { nature: NatureOpi.ADMISSION, transmisAt: t.clock.now() },
        { nature: NatureOpi.DESISTEMENT, transmisAt: null },
      ]) {
        await opi.save({ ...ligne, ...etat });
        const res = await api(t, tokens.scol).post(`candidats/${efface.numero}/effacement`, { exportPropose: true }).expect(409);
        expect(res.body).toMatchObject({ code: 'EFFACEMENT_OPI', detail: expect.stringContaining('SI Scolarité') });
        expect(await comptes().countBy({ numeroDossier: efface.numero })).toBe(1);
        expect(await existe(efface.cle)).toBe(true);
      }
      // Once the withdrawal reached the SI Scolarité, nothing of the candidate is held there any more.
      await opi.save({ ...ligne, nature: NatureOpi.DESISTEMENT, transmisAt: t.clock.now() });
    });

    it('erases the account, its candidatures, pièces, files and mails, and tells the candidate by mail', async () => {
      const res = await api(t, tokens.scol).post(`candidats/${efface.numero}/effacement`, { exportPropose: true, motif: 'Demande écrite du 2 décembre' }).expect(200);
      expect(res.body).toEqual({ numeroDossier: efface.numero, emailInforme: efface.email, comptes: 1, candidatures: 1, pieces: 1, fichiers: 1, mails: expect.any(Number) });
      expect(res.body.mails).toBeGreaterThanOrEqual(1);
      expect(await comptes().countBy({ numeroDossier: efface.numero })).toBe(0);
      expect(await t.dataSource.getRepository(Candidature).countBy({ id: efface.candidatureId })).toBe(0);
      expect(await existe(efface.cle)).toBe(false);
      const mails = await t.dataSource.getRepository(MailOutbox).findBy({ destinataire: efface.email });
      expect(mails.map((m) => m.code)).toEqual(['CPT_SUPPR']);
      expect(mails[0].texte).toContain(efface.numero);
      await api(t, efface.token).get('comptes/moi/donnees').expect(401);
      expect((await api(t, tokens.admin).post(`candidats/${efface.numero}/effacement`, { exportPropose: true }).expect(404)).body.code).toBe('DOSSIER_INTROUVABLE');
      // The others are untouched.
      expect(await existe(recent.cle)).toBe(true);
      await api(t, recent.token).get('comptes/moi/donnees').expect(200);
    });
  });
});
