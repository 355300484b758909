import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { api, bearer } from './support/api';
import { createCampagne } from './support/factories';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { pdfText } from './support/pdf-text';
import { TestApp, startTestApp } from './support/test-app';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  (res as unknown as NodeJS.ReadableStream).on('data', (d: Buffer) => chunks.push(d)).on('end', () => cb(null, Buffer.concat(chunks)));
};
const squash = (s: string) => s.replace(/\s+/g, ' ');

/** The day of the finding: a letter edited on 5 December 2026, months before the formation's planned jury. */
const NOW = '2026-12-05T10:00:00Z';
const DATES = { dateDebutCandidature: '2026-11-15', dateFinCandidature: '2027-03-31', dateRetour: '2027-04-10', dateJury: '2027-05-15', dateConfirmation: '2027-05-30' };

describe('Letters: the meeting date is the commission’s, never a future one; staff preview a letter before validation', () => {
  let t: TestApp;
  let campagne: Campagne;
  let offre: Offre;
  let tokens: Record<'scol' | 'gest' | 'ailleurs' | 'membre', string>;
  let sequence = 0;
  const as = (name: keyof typeof tokens) => api(t, tokens[name]);

  /** A complete candidate who applied to a new formation of the offer. */
  async function candidature(nom: string) {
    const formationId = await offre.formation({ code: `LET-${++sequence}`, libelle: `Master lettres ${sequence}` });
    const c = await candidatComplet(t, campagne, nom, 'Camille');
    const id = (await api(t, c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id as number;
    return { ...c, id };
  }

  /** A letter as staff or the candidate download it: its headers and its text. */
  async function lettre(path: string, token: string) {
    const res = await request(t.http).get(path).set(bearer(token)).buffer(true).parse(binary).expect(200).expect('content-type', 'application/pdf');
    return { disposition: String(res.headers['content-disposition']), texte: squash(await pdfText(res.body as Buffer)) };
  }
  const apercu = (id: number, token = tokens.gest) => lettre(`/api/candidatures/${id}/lettre.pdf`, token);

  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    tokens = await staffConnecte(t, {
      scol: ['scol.lettres', [Role.SCOL_CENTRALE]],
      gest: ['gest.lettres', [Role.GESTIONNAIRE], { centres: ['LETTRES'] }],
      ailleurs: ['gest.ailleurs.lettres', [Role.GESTIONNAIRE], { centres: ['AILLEURS'] }],
      membre: ['membre.lettres', [Role.COMMISSION], { commissions: ['LETTRES-COM'] }],
    });
    offre = await creerOffre(t, tokens.scol, { centre: { code: 'LETTRES', libelle: 'Centre des lettres' }, commission: { code: 'LETTRES-COM', libelle: 'Commission des lettres' }, dates: DATES });
  });

  afterAll(async () => {
    await t.close();
  });

  it("staff preview the letter of an avis not yet validated: the candidate's name and the meeting date typed on the avis", async () => {
    const c = await candidature('Apercu');
    const saisi = await as('membre').post('candidatures/avis', { candidatureIds: [c.id], type: 'FA', dateReunion: '2026-12-04' }).expect(201);
    expect(saisi.body[0]).toMatchObject({ type: 'FA', valide: false, dateReunion: '2026-12-04' });
    expect((await as('gest').get(`candidatures/${c.id}/avis`).expect(200)).body[0].dateReunion).toBe('2026-12-04');

    for (const token of [tokens.gest, tokens.membre, tokens.scol]) {
      const { disposition, texte } = await apercu(c.id, token);
      expect(disposition).toContain(`lettre_admission-${c.numero}_APERCU_Camille`);
      expect(texte).toContain('Mme Camille Apercu');
      expect(texte).toContain('a émis un avis favorable');
      expect(texte).toContain('lors de sa réunion du 4 décembre 2026');
      expect(texte).toContain('le 5 décembre 2026');
      expect(texte).not.toContain('15 mai 2027');
    }
    // The candidate sees nothing before the avis is validated and published.
    expect((await api(t, c.token).get(`candidat/candidatures/${c.id}/lettre.pdf`).expect(404)).body.code).toBe('LETTRE_INTROUVABLE');
  });

  it('never prints a future meeting date: a future dateReunion is refused, and without one the letter names no meeting', async () => {
    const c = await candidature('Futur');
    const futur = await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'DE', motif: 'CAPACITE', dateReunion: '2026-12-06' }).expect(400);
    expect(futur.body).toMatchObject({ code: 'REQUETE_INVALIDE', errors: [{ field: 'dateReunion', message: "ne peut pas être postérieure à aujourd'hui (2026-12-05)" }] });
    const invalide = await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'DE', motif: 'CAPACITE', dateReunion: '2026-02-30' }).expect(400);
    expect(invalide.body.errors).toEqual([{ field: 'dateReunion', message: 'doit être une date au format AAAA-MM-JJ' }]);
    expect((await as('gest').get(`candidatures/${c.id}/avis`).expect(200)).body).toEqual([]);

    // No meeting date typed: the formation's jury (15 May 2027, still to come) is not the meeting; no sentence names one.
    await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'DE', motif: 'CAPACITE' }).expect(201);
    const avant = await apercu(c.id);
    expect(avant.disposition).toContain(`lettre_refus-${c.numero}_FUTUR_Camille`);
    expect(avant.texte).toMatch(/a émis un avis défavorable à votre candidature à la formation LET-\d+ — Master lettres \d+\. Motif/);
    expect(avant.texte).toContain("Motif : Capacité d'accueil atteinte");
    expect(avant.texte).not.toMatch(/réunion|15 mai 2027/);

    await as('gest').post('candidatures/avis/validation', { candidatureIds: [c.id] }).expect(200);
    const candidat = await lettre(`/api/candidat/candidatures/${c.id}/lettre.pdf`, c.token);
    expect(candidat.texte).toContain('Camille Futur');
    expect(candidat.texte).not.toMatch(/réunion|15 mai 2027/);
  });

  it('previews the latest favourable or défavorable avis, validated or not; 404 with a French detail without one', async () => {
    const c = await candidature('Historique');
    const sans = await as('gest').get(`candidatures/${c.id}/lettre.pdf`).expect(404);
    expect(sans.body).toMatchObject({ code: 'LETTRE_INTROUVABLE', detail: expect.stringContaining("n'a pas d'avis favorable ou défavorable") });
    await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'LC', rang: 2 }).expect(201);
    expect((await as('gest').get(`candidatures/${c.id}/lettre.pdf`).expect(404)).body.code).toBe('LETTRE_INTROUVABLE');

    await as('gest').post('candidatures/avis/validation', { candidatureIds: [c.id] }).expect(200);
    await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'FA', dateReunion: '2026-12-01' }).expect(201);
    await as('gest').post('candidatures/avis/validation', { candidatureIds: [c.id] }).expect(200);
    const publie = await apercu(c.id);
    expect(publie.texte).toContain('lors de sa réunion du 1er décembre 2026');
    // The candidate's letter is the same one.
    expect((await lettre(`/api/candidat/candidatures/${c.id}/lettre.pdf`, c.token)).texte).toContain('lors de sa réunion du 1er décembre 2026');
  });

  it('is for staff of the scope: a candidate gets 403 (role), a gestionnaire of another centre the 404 of a missing candidature', async () => {
    const c = await candidature('Portee');
    await as('gest').post('candidatures/avis', { candidatureIds: [c.id], type: 'FA', dateReunion: '2026-12-05' }).expect(201);

    const candidat = await api(t, c.token).get(`candidatures/${c.id}/lettre.pdf`).expect(403);
    expect(candidat.body.code).toBe('ACCES_INTERDIT');
    const ailleurs = await as('ailleurs').get(`candidatures/${c.id}/lettre.pdf`).expect(404);
    expect(ailleurs.body).toMatchObject({ code: 'CANDIDATURE_INTROUVABLE', detail: "Cette candidature n'existe pas ou ne vous est pas accessible." });
    expect(JSON.stringify(ailleurs.body)).not.toMatch(/Portee/i);
    const absente = await as('gest').get('candidatures/999999/lettre.pdf').expect(404);
    expect(absente.body).toMatchObject({ code: 'CANDIDATURE_INTROUVABLE', detail: ailleurs.body.detail });
    expect((await apercu(c.id)).texte).toContain('lors de sa réunion du 5 décembre 2026');
  });
});
