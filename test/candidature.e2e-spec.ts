import { readdirSync } from 'node:fs';
import request from 'supertest';
import { Candidature } from '../src/candidature/entities/candidature.entity';
import { PieceCandidature } from '../src/candidature/entities/piece-candidature.entity';
import { Role } from '../src/common/auth/roles';
import { JobsService } from '../src/jobs/jobs.service';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { CANDIDAT_PASSWORD, createCampagne, createCandidat } from './support/factories';
import { pdfText } from './support/pdf-text';
import { SmtpCapture } from './support/smtp-capture';
import { api, bearer } from './support/api';
import { creerOffre } from './support/offre';
import { candidatComplet as completeCandidate, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

type Body = Record<string, unknown>;

/** Late November 2026 in Paris: the formations' windows are open. */
const NOW = '2026-11-20T10:00:00Z';
/** The Orléans guide's dates, moved to this campaign */
const DATES = {
  dateDebutCandidature: '2026-11-15',
  dateFinCandidature: '2027-03-31',
  dateRetour: '2027-04-10',
  dateJury: '2027-04-12',
  datePublication: '2027-04-13',
  dateConfirmation: '2027-04-20',
};
/** The 8 pièces of the guide's M1 GEO2env, the first and the last conditional */
const PIECES_GEO2ENV = [
  ['FRANCAIS-B2', "Attestation de niveau de français (minimum B2) (étudiants étrangers uniquement)", true],
  ['DIPLOMES', 'Copie des diplômes Baccalauréat et post-baccalauréat', false],
  ['IDENTITE', "Copie pièce d'identité", false],
  ['CV-PHOTO', 'Curriculum Vitae avec photo', false],
  ['LETTRE-MOTIV', 'Lettre de motivation', false],
  ['RELEVES-POSTBAC', "Copie des relevés de notes des années d'études post bac (dans l'ordre chronologique)", false],
  ['RELEVE-BAC', 'Copie du Relevé de Notes du baccalauréat', false],
  ['DOCS-COMPL', 'Doc complémentaires (lettres de recommandation...)', true],
] as const;

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 'x'), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(3000, 0)]);


describe('Candidatures: apply, récapitulatif, pièces, transmit, cancel, dossier PDF', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let campagne: Campagne;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const staff = (name: string) => ({
    post: (path: string, body: Body) => api(t, tokens[name]).post(`offre/gestion/${path}`, body),
  });
  const login = async (login: string, password: string) => (await request(t.http).post('/api/auth/login').send({ login, password }).expect(200)).body.token as string;
  const files = () => (readdirSync(process.env.STORAGE_DIR as string, { recursive: true, withFileTypes: true }) as { isFile(): boolean; name: string }[]).filter((e) => e.isFile()).length;
  const sendMails = () => t.app.get(JobsService).trigger('envoi-mails');

  const candidatComplet = (nom = 'Martin', prenom = 'Élise') => completeCandidate(t, campagne, nom, prenom);

  const candidat = (token: string) => ({
    apply: (formationId: number) => request(t.http).post('/api/candidat/candidatures').set(bearer(token)).send({ formationId }),
    get: (path = '') => request(t.http).get(`/api/candidat/candidatures${path}`).set(bearer(token)),
    post: (path: string) => request(t.http).post(`/api/candidat/candidatures${path}`).set(bearer(token)),
    put: (path: string) => request(t.http).put(`/api/candidat/candidatures${path}`).set(bearer(token)),
    upload: (path: string, content: Buffer, filename: string) => request(t.http).put(`/api/candidat/candidatures${path}`).set(bearer(token)).attach('fichier', content, filename),
  });

  let formation: (code: string, commissionId: number, extra?: Body) => Promise<number>;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    Object.assign(
      tokens,
      await staffConnecte(t, {
        scol: ['scol.cand', [Role.SCOL_CENTRALE]],
        gestOsuc: ['gest.osuc', [Role.GESTIONNAIRE], { centres: ['OSUC'] }],
        gestAutre: ['gest.autre', [Role.GESTIONNAIRE], { centres: ['AUTRE'] }],
        membreOsuc: ['membre.osuc', [Role.COMMISSION], { commissions: ['OSUC-SCOL'] }],
        membreAutre: ['membre.autre', [Role.COMMISSION], { commissions: ['AUTRE-COM'] }],
      }),
    );
    const adresse = { ligne1: 'Martine BODUSSEAU', ligne2: '1 A rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' };
    const osuc = await creerOffre(t, tokens.scol, {
      centre: { code: 'OSUC', libelle: 'OSUC', maxVoeux: 3 },
      commission: { code: 'OSUC-SCOL', libelle: 'OSUC - SCOLARITE', adresse, email: 'admission-osuc@univ-orleans.fr', signataire: 'Martine BODUSSEAU' },
      dates: DATES,
    });
    const autre = await creerOffre(t, tokens.scol, {
      centre: { code: 'AUTRE', libelle: 'Autre centre', maxVoeux: 20 },
      commission: { code: 'AUTRE-COM', libelle: 'Autre commission', adresse, alerte: false, email: undefined },
      dates: DATES,
    });
    [ids.osuc, ids.commission, ids.autre, ids.commissionAutre] = [osuc.centreId, osuc.commissionId, autre.centreId, autre.commissionId];
    // A master of the guide's calendar in any commission.
    formation = (code, commissionId, extra = {}) => osuc.formation({ commissionId, code, libelle: `Master ${code}`, ...extra });
    ids.geo2env = await formation('M1-GEO2ENV', ids.commission, { libelle: 'M1 SCIENCES DE LA TERRE ET DES PLANETES, ENVIRONNEMENT -GEO2env' });
    for (const [i, [code, libelle, conditionnel]] of PIECES_GEO2ENV.entries()) {
      await staff('scol').post('pieces', { code, libelle, commun: false, conditionnel, ordre: i + 1, centreId: ids.osuc, formationIds: [ids.geo2env] }).expect(201);
    }
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it("the Orléans example: apply, mail, récapitulatif, pièces, non concerné, transmit, dossier PDF, and who reads the file", async () => {
    const elise = await candidatComplet('Martin', 'Élise');
    const c = candidat(elise.token);
    expect((await request(t.http).get('/api/candidat/identite').set(bearer(elise.token)).expect(200)).body).toMatchObject({ importe: false, verrouillee: false });

    const created = await c.apply(ids.geo2env).expect(201);
    const id = created.body.id as number;
    expect(created.body).toMatchObject({
      numeroDossier: elise.numero,
      formation: { code: 'M1-GEO2ENV', libelle: 'M1 SCIENCES DE LA TERRE ET DES PLANETES, ENVIRONNEMENT -GEO2env', demat: true },
      statutDossier: { code: 'AT', libelle: 'En attente' },
      typeTraitement: { code: 'AC', libelle: 'Accès contrôlé', valide: true },
      decision: { code: null, libelle: 'En attente' },
      codeOpi: null,
      dates: { limiteRetour: '2027-04-10', confirmation: '2027-04-20', publication: '2027-04-13', jury: '2027-04-12' },
      contact: {
        commission: 'OSUC - SCOLARITE',
        adresse: ['OSUC - SCOLARITE', 'Martine BODUSSEAU', '1 A rue de la Férollerie', '45071 ORLEANS CEDEX 2'],
        email: 'admission-osuc@univ-orleans.fr',
      },
      actions: { annuler: { possible: true }, deposerPieces: { possible: true }, transmettre: { possible: false }, telechargerDossier: { possible: true } },
    });
    const pieces = created.body.pieces as { id: number; libelle: string; statut: string; conditionnel: boolean }[];
    expect(pieces.map((p) => [p.libelle, p.statut, p.conditionnel])).toEqual(PIECES_GEO2ENV.map(([, libelle, conditionnel]) => [libelle, 'AT', conditionnel]));
    expect(created.body.actions.transmettre.raison).toBe(`Il manque 8 pièces justificatives : ${PIECES_GEO2ENV.map(([, l]) => l).join(', ')}.`);

    await sendMails();
    const mail = await smtp.waitFor((m) => smtp.to(elise.email).includes(m) && /Candidature enregistrée/.test(m.subject ?? ''));
    expect(mail.text).toContain('M1 SCIENCES DE LA TERRE ET DES PLANETES, ENVIRONNEMENT -GEO2env');
    expect(mail.text).toContain('10/04/2027');

    // The list, as the Caen guide's table
    expect((await c.get().expect(200)).body).toEqual([
      expect.objectContaining({ id, dateLimiteRetour: '2027-04-10', statutDossier: { code: 'AT', libelle: 'En attente' }, decision: { code: null, libelle: 'En attente' } }),
    ]);

    // Having applied, the identity is locked; phones stay editable.
    const identite = (await request(t.http).get('/api/candidat/identite').set(bearer(elise.token)).expect(200)).body;
    expect(identite).toMatchObject({ importe: false, verrouillee: true });
    const locked = await request(t.http)
      .put('/api/candidat/identite')
      .set(bearer(elise.token))
      .set('If-Match', `"${identite.version}"`)
      .send({ civilite: 'MME', nomNaissance: 'Autre', prenom: 'Élise', dateNaissance: '2003-03-14', paysNaissance: 'FR', departementNaissance: '45', communeNaissance: '45234', nationalite: 'FR' })
      .expect(422);
    expect(locked.body.code).toBe('IDENTITE_VERROUILLEE');
    await request(t.http).put('/api/candidat/identite/coordonnees').set(bearer(elise.token)).set('If-Match', `"${identite.version}"`).send({ telephonePortable: '06 00 00 00 01' }).expect(200);

    // Upload 7 pièces, declare the last conditional one « non concerné »; a mandatory one cannot be.
    const [first, ...rest] = pieces;
    const refusedNc = await c.put(`/${id}/pieces/${rest[0].id}/non-concerne`).expect(422);
    expect(refusedNc.body.code).toBe('PIECE_NON_CONDITIONNELLE');
    await c.upload(`/${id}/pieces/${first.id}/fichier`, PNG, 'attestation B2.png').expect(200);
    for (const p of rest.slice(0, -1)) await c.upload(`/${id}/pieces/${p.id}/fichier`, PDF, `${p.libelle.slice(0, 20)}.pdf`).expect(200);
    const ready = (await c.put(`/${id}/pieces/${pieces[7].id}/non-concerne`).expect(200)).body;
    expect(ready.pieces.map((p: { statut: string }) => p.statut)).toEqual(['TR', 'TR', 'TR', 'TR', 'TR', 'TR', 'TR', 'NC']);
    expect(ready.pieces[0]).toMatchObject({ fichier: 'attestation B2.png', statutLibelle: 'Transmise' });
    expect(ready.actions.transmettre).toEqual({ possible: true, raison: null });

    // What was uploaded comes back byte for byte, as an attachment that the browser may not sniff.
    const back = await c.get(`/${id}/pieces/${first.id}/fichier`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d)).on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(back.status).toBe(200);
    expect(Buffer.compare(back.body as Buffer, PNG)).toBe(0);
    expect(back.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
    expect(back.headers['content-disposition']).toMatch(/^attachment;/);

    // Transmit: statut RE, mail to the candidate, alert to the commission; pièces and cancelling are closed then.
    const sent = (await c.post(`/${id}/transmission`).expect(200)).body;
    expect(sent).toMatchObject({ statutDossier: { code: 'RE', libelle: 'Réceptionné' }, actions: { deposerPieces: { possible: false }, annuler: { possible: false } } });
    expect(sent.transmiseAt).toBe(NOW.replace('Z', '.000Z'));
    expect((await c.post(`/${id}/transmission`).expect(422)).body.code).toBe('TRANSMISSION_IMPOSSIBLE');
    expect((await c.upload(`/${id}/pieces/${first.id}/fichier`, PDF, 'x.pdf').expect(422)).body.code).toBe('PIECES_NON_MODIFIABLES');
    expect((await c.post(`/${id}/annulation`).expect(422)).body.code).toBe('ANNULATION_IMPOSSIBLE');
    await sendMails();
    await smtp.waitFor((m) => smtp.to(elise.email).includes(m) && /Candidature transmise/.test(m.subject ?? ''));
    const alerte = await smtp.waitFor((m) => smtp.to('admission-osuc@univ-orleans.fr').includes(m) && /Candidature transmise/.test(m.subject ?? ''));
    expect(alerte.text).toContain(elise.numero);

    // The dossier PDF: the candidate's name, the formation, the commission's address.
    const pdf = await c.get(`/${id}/dossier.pdf`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d)).on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // Compared without case and spaces: long titles wrap in table cells.
    const squash = (s: string) => s.replace(/\s+/g, '').toUpperCase();
    const text = squash(await pdfText(pdf.body as Buffer));
    for (const expected of ['MARTIN', 'Élise', 'M1 SCIENCES DE LA TERRE ET DES PLANETES, ENVIRONNEMENT -GEO2env', 'OSUC - SCOLARITE', '1 A rue de la Férollerie', '45071 ORLEANS CEDEX 2', 'attestation B2.png']) {
      expect(text).toContain(squash(expected));
    }

    // Staff: the file and the PDF for the centre's gestionnaire and the commission's member; 404 for the others.
    for (const name of ['scol', 'gestOsuc', 'membreOsuc']) {
      await request(t.http).get(`/api/candidats/${elise.numero}/dossier`).set(bearer(tokens[name])).expect(200);
      await request(t.http).get(`/api/candidatures/${id}/dossier.pdf`).set(bearer(tokens[name])).expect(200);
    }
    for (const name of ['gestAutre', 'membreAutre']) {
      expect((await request(t.http).get(`/api/candidats/${elise.numero}/dossier`).set(bearer(tokens[name])).expect(404)).body.code).toBe('DOSSIER_INTROUVABLE');
      await request(t.http).get(`/api/candidatures/${id}/dossier.pdf`).set(bearer(tokens[name])).expect(404);
    }
  });

  it('refuses applying outside the window (the guide message), twice, beyond the maximum, with an incomplete file', async () => {
    const paul = await candidatComplet('Durand', 'Paul');
    const c = candidat(paul.token);
    const closed = await formation('M-FERMEE', ids.commission, { dateDebutCandidature: '2026-11-01', dateFinCandidature: '2026-11-19', dateRetour: '2026-11-30' });
    const late = await c.apply(closed).expect(422);
    expect(late.body).toMatchObject({ code: 'CANDIDATURE_HORS_PERIODE', detail: 'Vous ne pouvez pas candidater à cette formation, vous êtes en dehors de la période de dépôt des vœux.' });
    expect((await c.apply(999_999).expect(404)).body.code).toBe('FORMATION_INTROUVABLE');
    // A formation of a centre withdrawn from the offer is not in GET /api/offre: applying to it is the same 404.
    const ferme = await creerOffre(t, tokens.scol, { centre: { code: 'FERME', libelle: 'Centre fermé', actif: false }, commission: { code: 'FERME-COM', libelle: 'Commission fermée' }, dates: DATES });
    expect((await c.apply(await ferme.formation({ code: 'M-CENTRE-FERME', libelle: 'Master d’un centre fermé' })).expect(404)).body.code).toBe('FORMATION_INTROUVABLE');

    const f = [await formation('M-A', ids.commission), await formation('M-B', ids.commission), await formation('M-C', ids.commission), await formation('M-D', ids.commission)];
    await c.apply(f[0]).expect(201);
    expect((await c.apply(f[0]).expect(409)).body.code).toBe('CANDIDATURE_EXISTANTE');
    await c.apply(f[1]).expect(201);
    await c.apply(f[2]).expect(201);
    const tooMany = await c.apply(f[3]).expect(422);
    expect(tooMany.body).toMatchObject({ code: 'NB_VOEUX_MAX_ATTEINT', detail: expect.stringContaining('(3)') });

    // A cancelled vœu frees its place and may be made again.
    const first = (await c.get().expect(200)).body.find((x: { formation: { id: number } }) => x.formation.id === f[0]).id;
    const cancelled = (await c.post(`/${first}/annulation`).expect(200)).body;
    expect(cancelled).toMatchObject({ annuleeAt: expect.any(String), actions: { annuler: { possible: false, raison: 'Cette candidature est annulée.' } } });
    expect((await c.post(`/${first}/annulation`).expect(422)).body.code).toBe('ANNULATION_IMPOSSIBLE');
    await c.apply(f[3]).expect(201);
    await c.apply(f[0]).expect(422);
    expect((await c.get().expect(200)).body).toHaveLength(3);
    await sendMails();
    await smtp.waitFor((m) => smtp.to(paul.email).includes(m) && /Candidature annulée/.test(m.subject ?? ''));
    await smtp.waitFor((m) => smtp.to('admission-osuc@univ-orleans.fr').includes(m) && /Candidature annulée/.test(m.subject ?? ''));

    const incomplete = await createCandidat(t, campagne);
    const token = await login(incomplete.numeroDossier, CANDIDAT_PASSWORD);
    const refused = await candidat(token).apply(f[0]).expect(422);
    expect(refused.body).toMatchObject({ code: 'DOSSIER_INCOMPLET', errors: [{ field: 'identite' }, { field: 'adresse' }, { field: 'bac' }] });
    expect(await t.dataSource.getRepository(Candidature).countBy({ compteCandidatId: incomplete.id })).toBe(0);
  });

  it('refuses an .exe renamed .pdf, an 11 MB file and an upload to another candidate’s candidature, storing nothing', async () => {
    const a = await candidatComplet('Bernard', 'Anne');
    const b = await candidatComplet('Petit', 'Luc');
    const f = await formation('M-UPLOAD', ids.commissionAutre);
    const piece = (await staff('scol').post('pieces', { code: 'CV-UPLOAD', libelle: 'CV', commun: false, centreId: ids.autre, formationIds: [f] }).expect(201)).body.id;
    const id = (await candidat(a.token).apply(f).expect(201)).body.id;
    const before = files();
    const rowsBefore = await t.dataSource.getRepository(PieceCandidature).count();

    expect((await candidat(a.token).upload(`/${id}/pieces/${piece}/fichier`, EXE, 'cv.pdf').expect(400)).body.code).toBe('FICHIER_TYPE_REFUSE');
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(11 * 1024 * 1024, 'x')]);
    expect((await candidat(a.token).upload(`/${id}/pieces/${piece}/fichier`, big, 'cv.pdf').expect(413)).body.code).toBe('FICHIER_TROP_VOLUMINEUX');
    expect((await candidat(b.token).upload(`/${id}/pieces/${piece}/fichier`, PDF, 'cv.pdf').expect(404)).body.code).toBe('CANDIDATURE_INTROUVABLE');
    await candidat(b.token).get(`/${id}`).expect(404);
    await candidat(b.token).get(`/${id}/pieces/${piece}/fichier`).expect(404);
    await candidat(b.token).post(`/${id}/annulation`).expect(404);
    await candidat(b.token).post(`/${id}/transmission`).expect(404);
    await candidat(b.token).get(`/${id}/dossier.pdf`).expect(404);

    expect(files()).toBe(before);
    expect(await t.dataSource.getRepository(PieceCandidature).count()).toBe(rowsBefore);
  });

  it('shares a common pièce across candidatures, and keeps the file of a transmitted one when another is cancelled', async () => {
    const zoe = await candidatComplet('Roux', 'Zoé');
    const c = candidat(zoe.token);
    const centre = (await staff('scol').post('centres', { code: 'PARTAGE', libelle: 'Centre partagé' }).expect(201)).body.id;
    const commission = (await staff('scol').post('commissions', { centreId: centre, code: 'PARTAGE-COM', libelle: 'Commission', adresse: { ligne1: '1 rue', codePostal: '45000', commune: '45234', pays: 'FR' } }).expect(201)).body.id;
    const piece = (await staff('scol').post('pieces', { code: 'ID-PARTAGE', libelle: "Pièce d'identité", commun: true, centreId: centre }).expect(201)).body.id;
    const [f1, f2, f3] = [await formation('P-1', commission), await formation('P-2', commission), await formation('P-3', commission)];
    const c1 = (await c.apply(f1).expect(201)).body.id;
    const c2 = (await c.apply(f2).expect(201)).body.id;
    await c.upload(`/${c1}/pieces/${piece}/fichier`, PDF, 'identite.pdf').expect(200);
    // One upload serves both open candidatures, and a later candidature picks it up.
    expect((await c.get(`/${c2}`).expect(200)).body.pieces).toEqual([expect.objectContaining({ id: piece, statut: 'TR', fichier: 'identite.pdf', partagee: true })]);
    const c3 = (await c.apply(f3).expect(201)).body.id;
    expect((await c.get(`/${c3}`).expect(200)).body.pieces[0]).toMatchObject({ statut: 'TR', fichier: 'identite.pdf' });
    const before = files();

    await c.post(`/${c1}/transmission`).expect(200);
    await c.post(`/${c2}/annulation`).expect(200);
    await c.post(`/${c3}/annulation`).expect(200);
    expect(files()).toBe(before);
    const kept = await c.get(`/${c1}/pieces/${piece}/fichier`).expect(200);
    expect(kept.headers['content-type']).toBe('application/pdf');
  });

  it('20 concurrent applies to one formation create exactly one candidature', async () => {
    const x = await candidatComplet('Concurrent', 'Un');
    const f = await formation('M-CONC', ids.commissionAutre);
    const answers = await Promise.all(Array.from({ length: 20 }, () => candidat(x.token).apply(f)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    expect(await t.dataSource.getRepository(Candidature).countBy({ formationId: f })).toBe(1);
  });

  it('concurrent applies to 25 formations with a maximum of 20 create exactly 20', async () => {
    const y = await candidatComplet('Concurrent', 'Deux');
    const formations: number[] = [];
    for (let i = 0; i < 25; i++) formations.push(await formation(`M-MAX-${i}`, ids.commissionAutre));
    const answers = await Promise.all(formations.map((f) => candidat(y.token).apply(f)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(answers.filter((r) => r.status !== 201).map((r) => r.body.code)).toEqual(Array(5).fill('NB_VOEUX_MAX_ATTEINT'));
    expect((await candidat(y.token).get().expect(200)).body).toHaveLength(20);
  });
});
